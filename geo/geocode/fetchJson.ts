/**
 * One GET that returns parsed JSON or throws a typed GeocodeError: timeout by AbortController
 * (covering the body too), HTTP errors, and HTTP 429 where `Retry-After` is honoured once before
 * giving up. Nothing here prints; callers decide.
 */
import {
  CrossOriginRedirectError,
  GeocodeError,
  GeocodeTimeoutError,
  HttpError,
  MalformedResponseError,
  NetworkError,
  RateLimitedError,
} from './errors';
import { realClock, type Clock } from './rateLimiter';

export interface FetchJsonOptions {
  timeoutMs: number;
  headers?: Record<string, string>;
  /** Values to scrub from any message (API keys). */
  secrets?: readonly (string | undefined)[];
  clock?: Clock;
  /** Longest Retry-After we are willing to sit through; longer means give up now. */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
}

/** Same-origin redirects followed at most this often (a loop is an HTTP error, not a hang). */
const MAX_REDIRECTS = 5;

/** Used when a 429 carries no Retry-After: long enough to be polite, short enough to be useful. */
const DEFAULT_RETRY_AFTER_MS = 5_000;
const DEFAULT_MAX_RETRY_AFTER_MS = 120_000;

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - nowMs);
}

export async function fetchJson(url: string, opts: FetchJsonOptions): Promise<unknown> {
  const clock = opts.clock ?? realClock;
  const maxWait = opts.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  let retried = false;
  for (;;) {
    const res = await getOnce(url, opts);
    if (res.status === 429) {
      if (retried) throw new RateLimitedError(url, 'again after honouring Retry-After once; giving up', opts.secrets);
      const wait = parseRetryAfter(res.retryAfter, clock.now()) ?? DEFAULT_RETRY_AFTER_MS;
      if (wait > maxWait) {
        throw new RateLimitedError(url, `Retry-After ${Math.round(wait / 1000)} s exceeds ${maxWait / 1000} s; giving up`, opts.secrets);
      }
      retried = true;
      await clock.sleep(wait);
      continue;
    }
    if (res.status < 200 || res.status >= 300) throw new HttpError(url, res.status, opts.secrets);
    try {
      return JSON.parse(res.body) as unknown;
    } catch (e) {
      throw new MalformedResponseError(url, `not JSON (${(e as Error).message}): ${JSON.stringify(res.body.slice(0, 80))}`, opts.secrets);
    }
  }
}

interface RawResponse {
  status: number;
  retryAfter: string | null;
  body: string;
}

/**
 * One request, following redirects by hand: only within the origin asked, because the URL carries
 * the API key and `redirect: 'follow'` would send it wherever a Location header points.
 */
async function getOnce(url: string, opts: FetchJsonOptions): Promise<RawResponse> {
  const doFetch = opts.fetch ?? fetch;
  const origin = new URL(url).origin;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    let current = url;
    for (let hops = 0; ; hops++) {
      const res = await doFetch(current, { headers: opts.headers, signal: controller.signal, redirect: 'manual' });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location !== null) {
        await res.body?.cancel();
        const next = new URL(location, current);
        if (next.origin !== origin) throw new CrossOriginRedirectError(url, next.origin, opts.secrets);
        if (hops >= MAX_REDIRECTS) throw new HttpError(url, res.status, opts.secrets);
        current = next.href;
        continue;
      }
      const body = await res.text();
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
    }
  } catch (e) {
    if (e instanceof GeocodeError) throw e;
    if (controller.signal.aborted) throw new GeocodeTimeoutError(url, opts.timeoutMs, opts.secrets);
    const err = e as Error & { cause?: { message?: string } };
    throw new NetworkError(url, err.cause?.message ?? err.message, opts.secrets);
  } finally {
    clearTimeout(timer);
  }
}
