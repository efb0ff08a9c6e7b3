/**
 * Entries of a test run's temp folder that a test left behind. Tools' own caches are not leaks:
 * tsx keeps a compile cache (tsx-UID) in os.tmpdir() by design and reuses it.
 */
const TOOL_CACHES = [/^tsx-\d+$/];

export const leftovers = (names: readonly string[]): string[] =>
  names.filter((n) => !TOOL_CACHES.some((re) => re.test(n))).sort();
