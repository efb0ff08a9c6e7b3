/**
 * Spaces requests at least `minIntervalMs` apart (Nominatim's usage policy: at most one request per
 * second, from the whole application). The clock and the sleep are injectable so tests check the
 * spacing without waiting real seconds.
 */

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RateLimiter {
  /** Resolves when the next request may start, and books that slot. */
  wait(): Promise<void>;
}

export function createRateLimiter(minIntervalMs: number, clock: Clock = realClock): RateLimiter {
  if (!(minIntervalMs >= 0)) throw new Error(`rate limiter: bad interval ${minIntervalMs}`);
  let next = -Infinity; // earliest start of the next request
  let queue: Promise<void> = Promise.resolve();
  return {
    wait() {
      // Chain callers so concurrent requests are serialised rather than all released at once.
      const turn = queue.then(async () => {
        const now = clock.now();
        if (now < next) await clock.sleep(next - now);
        next = Math.max(now, next) + minIntervalMs;
      });
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
