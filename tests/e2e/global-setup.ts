/**
 * Runs once around the e2e run: gives it a private temp folder (TMPDIR, inherited by the workers,
 * the browsers and their child processes) and fails the run when anything is left in it at the
 * end — the e2e twin of tests/unit/global-setup.ts, so that a spec writing a screenshot or a file
 * to /tmp and forgetting it is caught, while other runs on the same machine cause no false alarm.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leftovers } from '../unit/leftovers';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    const left = leftovers(readdirSync(dir));
    rmSync(dir, { recursive: true, force: true });
    if (left.length) throw new Error(`e2e tests left ${left.length} temp entr${left.length === 1 ? 'y' : 'ies'} behind: ${left.join(', ')}`);
  };
}
