/**
 * The logic of .ci/run, cheaply: `npm` is a stand-in on PATH that records where and how it ran,
 * so the script's clone, its single test run, its exit code and its cleanup are checked in seconds
 * (the real suite runs in CI itself).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
const temps: string[] = [];
afterAll(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs .ci/run with a fake npm whose `test` prints `summary` and exits `code`. */
function runCi(code: number, summary: string) {
  const bin = mkdtempSync(join(tmpdir(), 'atlas-fakenpm-'));
  temps.push(bin);
  const log = join(bin, 'log');
  writeFileSync(join(bin, 'npm'), `#!/usr/bin/env bash
echo "npm $* | cwd=$PWD | shared=$([ -e ../shared ] && echo yes || echo no) | git=$(git rev-parse HEAD)" >> ${JSON.stringify(log)}
if [ "$1" = test ]; then echo ${JSON.stringify(summary)}; exit ${code}; fi
`);
  chmodSync(join(bin, 'npm'), 0o755);
  const r = spawnSync('bash', [join(REPO, '.ci/run')], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' });
  const calls = readFileSync(log, 'utf8').trim().split('\n');
  return { ...r, calls };
}

describe('.ci/run', () => {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).stdout.trim();

  it('installs and tests once, in a clone of HEAD with no ../shared beside it, then removes the clone', () => {
    const r = runCi(0, 'tests: 7 passed, 0 failed');
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls.map((c) => c.split(' | ')[0])).toEqual(['npm ci --no-audit --no-fund --loglevel=error', 'npm test --silent']);
    for (const call of r.calls) {
      const cwd = /cwd=(\S+)/.exec(call)![1];
      expect(cwd).toMatch(/\/atlas-ci-[^/]+\/atlas$/);
      expect(call).toContain('shared=no');
      expect(call).toContain(`git=${head}`);
      expect(existsSync(cwd)).toBe(false); // the trap removed the clone
    }
    expect(r.stdout.trim().split('\n').at(-1)).toBe('tests: 7 passed, 0 failed');
  });

  it('exits non-zero when the tests fail, still ending with the summary and cleaning up', () => {
    const r = runCi(1, 'tests: 6 passed, 1 failed');
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('tests: 6 passed, 1 failed');
    expect(existsSync(/cwd=(\S+)/.exec(r.calls[0])![1])).toBe(false);
  });
});
