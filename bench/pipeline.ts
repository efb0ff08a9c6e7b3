/**
 * Wall time of the pipeline's full rebuild (`npx tsx geo/cli.ts`). The pipeline is deterministic
 * and rewrites identical files, so it runs in place; `git status --porcelain public/data` before
 * and after tells whether it changed anything.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export interface PipelineTiming {
  runs_ms: number[];
  exit_codes: number[];
  /** Whether public/data's git status was the same before and after the runs. */
  data_unchanged: boolean;
  status_before: string;
  status_after: string;
}

const gitStatus = (root: string): string =>
  execFileSync('git', ['status', '--porcelain', 'public/data'], { cwd: root, encoding: 'utf8' });

export function timePipeline(root: string, runs: number): PipelineTiming {
  const before = gitStatus(root);
  const runs_ms: number[] = [];
  const exit_codes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync('npx', ['tsx', 'geo/cli.ts'], { cwd: root, encoding: 'utf8' });
    runs_ms.push(performance.now() - t0);
    exit_codes.push(r.status ?? -1);
    if (r.status !== 0) process.stderr.write(`bench: geo/cli.ts run ${i + 1} exited ${r.status}:\n${r.stderr}\n`);
  }
  const after = gitStatus(root);
  return { runs_ms, exit_codes, data_unchanged: before === after, status_before: before, status_after: after };
}
