import { describe, expect, it } from 'vitest';
import { createRateLimiter, type Clock } from './rateLimiter';

/** A clock whose sleeps advance virtual time instantly and are recorded. */
function fakeClock(start = 0): Clock & { sleeps: number[] } {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

describe('createRateLimiter', () => {
  it('lets the first request go at once and spaces the next ones by the interval', async () => {
    const clock = fakeClock(5_000);
    const limiter = createRateLimiter(1000, clock);
    await limiter.wait();
    await limiter.wait();
    await limiter.wait();
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it('does not sleep when enough time has already passed', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(1000, clock);
    await limiter.wait();
    await clock.sleep(1500); // the caller was busy elsewhere
    await limiter.wait();
    expect(clock.sleeps).toEqual([1500]);
  });

  it('sleeps only for the remainder of the interval', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(1000, clock);
    await limiter.wait();
    await clock.sleep(300);
    await limiter.wait();
    expect(clock.sleeps).toEqual([300, 700]);
  });

  it('serialises concurrent callers instead of releasing them together', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(1000, clock);
    const starts: number[] = [];
    await Promise.all([0, 1, 2].map(() => limiter.wait().then(() => starts.push(clock.now()))));
    expect(starts).toEqual([0, 1000, 2000]);
  });

  it('rejects a negative interval, naming it', () => {
    expect(() => createRateLimiter(-1)).toThrow(/-1/);
  });
});
