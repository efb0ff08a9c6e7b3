/**
 * A lock file beside a file that several processes read-modify-write (the geocode cache: two
 * `npm run geo:geocode` runs at once would each merge into what they read and the later rename
 * would drop the other's answers). Created with O_EXCL (`wx`), so exactly one process holds it; it
 * records the holder's pid. A lock whose pid no longer runs on this host (a killed run) is stale and
 * is taken over; a live one is waited for, up to `timeoutMs`, then reported with what to do.
 *
 * Taking over is itself exclusive: two runs that find the same dead lock must not both remove
 * "it" (the second would remove the first one's fresh lock, and both would hold). So a run removes
 * a stale lock only while holding `<lock>.break` (O_EXCL too), and only if the lock still names
 * the dead pid it read. A breaker left by a run killed in that instant is stale after 10 s.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';

export interface LockOptions {
  timeoutMs?: number;
  /** First wait between attempts; doubles up to 200 ms. */
  retryMs?: number;
  /** Tests only: runs after a stale lock was seen and before it is taken over (to line up two runs). */
  beforeTakeover?: () => Promise<void>;
}

/** A breaker older than this was left by a run killed while taking over a lock. */
const BREAKER_STALE_MS = 10_000;

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
      await opts.beforeTakeover?.();
      await removeIfStill(lock, text); // stale: its holder was killed before it could remove it
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

/** Removes `lock` if it still holds `stale`, under the breaker; a busy breaker means someone else is at it. */
async function removeIfStill(lock: string, stale: string): Promise<void> {
  const breaker = `${lock}.break`;
  try {
    await (await open(breaker, 'wx')).close();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`cannot create lock ${breaker}: ${(e as Error).message}`);
    const age = Date.now() - ((await stat(breaker).catch(() => null))?.mtimeMs ?? Date.now());
    if (age > BREAKER_STALE_MS) await rm(breaker, { force: true });
    return; // the caller retries
  }
  try {
    if ((await readFile(lock, 'utf8').catch(() => null)) === stale) await rm(lock, { force: true });
  } finally {
    await rm(breaker, { force: true });
  }
}
