/**
 * Entries of a test run's temp folder that a test left behind. Tools' own caches are not leaks:
 * tsx keeps a compile cache (tsx-UID) in os.tmpdir() by design and reuses it, and so does
 * Playwright for test files a worker compiles (playwright-transform-cache-UID: seen when a spec
 * changed since the last run, as the e2e run's private TMPDIR is the workers' os.tmpdir()).
 */
const TOOL_CACHES = [/^tsx-\d+$/, /^playwright-transform-cache-\d+$/];

export const leftovers = (names: readonly string[]): string[] =>
  names.filter((n) => !TOOL_CACHES.some((re) => re.test(n))).sort();
