/**
 * The command as a user runs it, on a temporary copy of the inputs: a corrupted report or a quote
 * that is not in the report makes it exit 1 with a message naming the problem, and write nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBoundarySource } from './boundaries';

const REPO = join(import.meta.dirname, '..');
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyInputs(): string {
  readBoundarySource(REPO); // fills the repo's .cache once, so the copies need no network
  const root = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
  temps.push(root);
  for (const dir of ['geo/report', 'geo/annotations', 'geo/sources']) cpSync(join(REPO, dir), join(root, dir), { recursive: true });
  symlinkSync(join(REPO, '.cache'), join(root, '.cache'));
  return root;
}

function runCli(root: string) {
  return spawnSync('npx', ['tsx', join(REPO, 'geo/cli.ts')], { cwd: REPO, env: { ...process.env, ATLAS_ROOT: root }, encoding: 'utf8' });
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
