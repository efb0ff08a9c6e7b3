/**
 * A lock file beside a file that several processes read-modify-write (the geocode cache: two
 * `npm run geo:geocode` runs at once would each merge into what they read and the later rename
 * would drop the other's answers). Created with O_EXCL (`wx`), so exactly one process holds it; it
 * records the holder's pid. A lock whose pid no longer runs on this host (a killed run) is stale and
 * is taken over; a live one is waited for, up to `timeoutMs`, then reported with what to do.
 */
import { open, readFile, rm } from 'node:fs/promises';

export interface LockOptions {
  timeoutMs?: number;
  /** First wait between attempts; doubles up to 200 ms. */
  retryMs?: number;
}

/** Whether a process with this pid runs (on this host). EPERM: it runs, as another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withFileLock<T>(path: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let wait = opts.retryMs ?? 10;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`cannot create lock ${lock}: ${(e as Error).message}`);
    }
    const text = await readFile(lock, 'utf8').catch(() => '');
    const pid = Number.parseInt(text, 10);
    // An empty file is a holder between open and write: wait for it like for a live one.
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) {
      await rm(lock, { force: true }); // stale: its holder was killed before it could remove it
      continue;
    }
    if (Date.now() >= deadline) {
      throw new Error(`${path} is locked by another run (pid ${Number.isInteger(pid) ? pid : '?'}, ${lock}); wait for it to finish, or delete the lock file if no such run exists`);
    }
    await delay(wait);
    wait = Math.min(wait * 2, 200);
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}
