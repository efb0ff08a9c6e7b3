/**
 * Typed failures of a geocoder request. Every message is built from a redacted URL, so a key can
 * reach neither a log nor a thrown message, whoever prints it.
 */

export type GeocodeErrorKind = 'http' | 'rate_limited' | 'timeout' | 'malformed' | 'provider' | 'network' | 'redirect';

/** Query parameters that carry secrets at the providers we talk to (AMap `key`, Tianditu `tk`). */
const SECRET_PARAMS = /([?&](?:key|tk|token|apikey|api_key)=)[^&#\s"']*/gi;

/** Replace the value of every secret query parameter (and any literal secret) with `REDACTED`. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text.replace(SECRET_PARAMS, '$1REDACTED');
  // A secret may also surface outside a query string (e.g. echoed in a provider's error body).
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('REDACTED');
  return out;
}

export class GeocodeError extends Error {
  readonly kind: GeocodeErrorKind;
  /** The request URL with secrets redacted; safe to print. */
  readonly url: string;
  constructor(kind: GeocodeErrorKind, url: string, message: string, secrets: readonly (string | undefined)[] = []) {
    const safeUrl = redact(url, secrets);
    super(redact(`${kind}: ${message} (${safeUrl})`, secrets));
    this.name = 'GeocodeError';
    this.kind = kind;
    this.url = safeUrl;
  }
}

export class HttpError extends GeocodeError {
  readonly status: number;
  constructor(url: string, status: number, secrets?: readonly (string | undefined)[]) {
    super('http', url, `HTTP ${status}`, secrets);
    this.name = 'HttpError';
    this.status = status;
  }
}

export class RateLimitedError extends GeocodeError {
  constructor(url: string, detail: string, secrets?: readonly (string | undefined)[]) {
    super('rate_limited', url, `HTTP 429 Too Many Requests, ${detail}`, secrets);
    this.name = 'RateLimitedError';
  }
}

export class GeocodeTimeoutError extends GeocodeError {
  constructor(url: string, timeoutMs: number, secrets?: readonly (string | undefined)[]) {
    super('timeout', url, `no answer within ${timeoutMs} ms`, secrets);
    this.name = 'GeocodeTimeoutError';
  }
}

export class MalformedResponseError extends GeocodeError {
  constructor(url: string, detail: string, secrets?: readonly (string | undefined)[]) {
    super('malformed', url, `malformed response: ${detail}`, secrets);
    this.name = 'MalformedResponseError';
  }
}

/** The provider answered HTTP 200 but refused the request (AMap `status: "0"` with its `info`). */
export class ProviderError extends GeocodeError {
  readonly info: string;
  constructor(url: string, info: string, secrets?: readonly (string | undefined)[]) {
    super('provider', url, `provider refused the request: ${info}`, secrets);
    this.name = 'ProviderError';
    this.info = info;
  }
}

export class NetworkError extends GeocodeError {
  constructor(url: string, detail: string, secrets?: readonly (string | undefined)[]) {
    super('network', url, `request failed: ${detail}`, secrets);
    this.name = 'NetworkError';
  }
}

/**
 * The provider redirected to another origin. Never followed: the request URL carries the AMap key,
 * and a redirect would hand it (and our query) to whoever that origin is. Names only the origin.
 */
export class CrossOriginRedirectError extends GeocodeError {
  constructor(url: string, targetOrigin: string, secrets?: readonly (string | undefined)[]) {
    super('redirect', url, `refused a redirect to another origin (${targetOrigin}); check --base-url or the provider`, secrets);
    this.name = 'CrossOriginRedirectError';
  }
}
