/**
 * Loads the files the pipeline wrote to public/data/ and parses each with the shared schema, so a
 * missing or corrupt file becomes a readable message (which file, what is wrong) instead of a
 * blank page or an error deep inside the map.
 */
import { z } from 'zod/mini';
import { dataUrl, fetchTimeoutMs, takePrefetched } from './prefetch';
import {
  BoundaryCollection,
  ContextCollection,
  Gazetteer,
  ItemCollection,
  Manifest,
  Report,
} from './schema';

export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    /** 'too_large': the file may be fine but is more than a page can hold (the notice says what to do). */
    readonly kind: 'invalid' | 'too_large' = 'invalid',
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DataError';
  }
}

/**
 * zod/mini ships no locale, so every issue would read "Invalid input". A notice only needs to say
 * what was expected; the pipeline (classic zod, which installs the full English locale) is left alone.
 */
export function briefMessage(issue: z.core.$ZodRawIssue): string {
  const got = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, received ${got(issue.input)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}`;
    case 'too_small':
      return `expected ${issue.origin} ${issue.inclusive ? '>=' : '>'} ${issue.minimum}${issue.origin === 'array' ? ' items' : ''}`;
    case 'too_big':
      return `expected ${issue.origin} ${issue.inclusive ? '<=' : '<'} ${issue.maximum}${issue.origin === 'array' ? ' items' : ''}`;
    case 'invalid_format':
      return issue.pattern ? `does not match ${issue.pattern}` : `invalid ${issue.format}`;
    default:
      return 'Invalid input';
  }
}
if (!z.config().localeError) z.config({ localeError: briefMessage });

export { dataUrl } from './prefetch';

export interface LoadOptions {
  fetcher?: typeof fetch;
  /** The page's base URL; defaults to document.baseURI. */
  base?: string;
  /** Give up on a file (headers and body) after this long; defaults to `fetchTimeoutMs()`. */
  timeoutMs?: number;
}

export { FETCH_TIMEOUT_MS, fetchTimeoutMs } from './prefetch';

const isTimeout = (e: unknown) => e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
const timedOut = (file: string, ms: number) => new DataError(file, `timed out after ${ms / 1000} s`);

/**
 * Largest data file the page reads. Past ~512 MB a file no longer fits in one JS string (an 826 MB
 * items file, 1M items, failed as "not valid JSON"), and a 487 MB one crashed the tab at ~5 GB:
 * parsed GeoJSON costs ~10x its bytes. 100k items are ~80 MB, so 256 MB leaves room for ~3x that.
 */
export const MAX_DATA_BYTES = 256 * 1024 * 1024;

/** MAX_DATA_BYTES, unless a test lowered it (window.__atlasMaxDataBytes, set before the app loads). */
export function maxDataBytes(): number {
  const override = (globalThis as { __atlasMaxDataBytes?: unknown }).__atlasMaxDataBytes;
  return typeof override === 'number' && override > 0 ? override : MAX_DATA_BYTES;
}

/** A size as people read it: 100 KB, 2.5 MB, 826 MB. */
function megabytes(bytes: number): string {
  if (bytes < 1e6) return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
  const mb = bytes / 1e6;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en')} MB`;
}

/** `size` when the server declared it; else only that the stream passed the limit. */
function tooLarge(file: string, size: number | null, limit: number): DataError {
  return new DataError(file, `is ${size === null ? '' : `${megabytes(size)}, `}more than the ${megabytes(limit)} this page can load`, 'too_large');
}

/**
 * The body as text, refused before it is parsed when it is larger than `limit`: first by the
 * declared Content-Length (no download at all; with gzip that is the compressed size, a lower
 * bound), then by counting the bytes as they stream in, so a lying or absent header is caught
 * after `limit` bytes, never after the whole file.
 */
export async function readLimited(file: string, r: Response, limit: number): Promise<string> {
  const declared = Number(r.headers.get('content-length'));
  if (declared > limit) {
    await r.body?.cancel().catch(() => {});
    throw tooLarge(file, declared, limit);
  }
  if (!r.body) return r.text();
  const reader = r.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(file, null, limit);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** Files at least this large are checked by a compiled validator (a lazy chunk) instead of parsed. */
export const FAST_VALIDATE_BYTES = 1_000_000;

/** Starts fetching `file`; a failed request or an HTTP error is a DataError naming the file. */
export function fetchFile(file: string, { fetcher, base, timeoutMs }: LoadOptions = {}): Promise<Response> {
  // The page's own request for the file, when main.ts made one at start (not with a test's fetcher).
  const early = fetcher ? undefined : takePrefetched(dataUrl(file, base));
  timeoutMs = early?.timeoutMs ?? timeoutMs ?? fetchTimeoutMs();
  const response = (async () => {
    let r: Response;
    try {
      // The signal also ends a body that stops arriving half-way (parseFile reads it later).
      r = await (early?.response ?? (fetcher ?? fetch)(dataUrl(file, base), { signal: AbortSignal.timeout(timeoutMs) }));
    } catch (e) {
      if (isTimeout(e)) throw timedOut(file, timeoutMs);
      throw new DataError(file, `could not be fetched (${(e as Error).message})`);
    }
    timeouts.set(r, timeoutMs);
    if (!r.ok) throw new DataError(file, `HTTP ${r.status} ${r.statusText}`.trim());
    return r;
  })();
  // Whoever parses it later sees the rejection; until then it is not an "unhandled" one.
  response.catch(() => {});
  return response;
}

/** Which timeout a response was fetched under, so a body read cut by it says so. */
const timeouts = new WeakMap<Response, number>();

/** Parses a fetched `file` with `schema`; every failure is a DataError naming the file. */
export async function parseFile<S extends z.ZodMiniType>(
  file: string,
  response: Promise<Response>,
  schema: S,
  { checkInPlace = false, maxBytes = maxDataBytes() }: { checkInPlace?: boolean; maxBytes?: number } = {},
): Promise<z.infer<S>> {
  const r = await response;
  let text: string;
  let json: unknown;
  try {
    // A size problem is not a broken file: it is reported as such, before any parsing.
    text = await readLimited(file, r, maxBytes);
  } catch (e) {
    if (e instanceof DataError) throw e;
    if (isTimeout(e)) throw timedOut(file, timeouts.get(r) ?? fetchTimeoutMs());
    throw new DataError(file, `could not be read (${(e as Error).message})`);
  }
  if (text.trim() === '') throw new DataError(file, 'is empty');
  try {
    json = JSON.parse(text);
  } catch {
    throw new DataError(file, 'is not valid JSON');
  }
  // A big file (100k items) is checked, not rebuilt: zod's parse copies every object, and its
  // compiled validator is ~10x faster. Only for a schema without defaults or transforms, where a
  // valid file already is the parsed value; an invalid one falls through to the parse's issues.
  if (checkInPlace && text.length >= FAST_VALIDATE_BYTES) {
    const { isValid } = await import('./isValid');
    if (isValid(schema, json)) return json as z.infer<S>;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new DataError(file, describeIssues(parsed.error.issues));
  return parsed.data;
}

/** Fetches `file` and parses it with `schema`; every failure is a DataError naming the file. */
export function loadFile<S extends z.ZodMiniType>(
  file: string,
  schema: S,
  options: LoadOptions & { checkInPlace?: boolean; maxBytes?: number } = {},
): Promise<z.infer<S>> {
  return parseFile(file, fetchFile(file, options), schema, options);
}

/** The first few schema problems as "path: message", e.g. "features.3.properties.id: Invalid input". */
export function describeIssues(issues: readonly z.core.$ZodIssue[], max = 3): string {
  const parts = issues.slice(0, max).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const more = issues.length > max ? ` (+${issues.length - max} more)` : '';
  return `does not match the schema: ${parts.join('; ')}${more}`;
}

/**
 * What the map and the list need; the report (the largest file) comes separately, see `loadReport`.
 * Only the items are essential: without the manifest the first view is the items' extent and the
 * credits are missing (a notice says so); without a basemap file the map has no outline or landmarks.
 */
export interface AtlasData {
  manifest: Manifest | null;
  items: ItemCollection;
  boundaries: BoundaryCollection;
  context: ContextCollection;
}

/** Loaded data, plus the non-essential files that failed (each to be named in a notice). */
export interface Loaded {
  data: AtlasData;
  failures: DataError[];
}

const emptyCollection = <T>(): { type: 'FeatureCollection'; features: T[] } => ({ type: 'FeatureCollection', features: [] });

/** Everything the map needs, loaded in parallel; rejects (with a DataError) only if the items fail. */
export async function loadAtlasData(options: LoadOptions = {}): Promise<Loaded> {
  const [manifest, items, boundaries, context] = await Promise.allSettled([
    loadFile('manifest.json', Manifest, options),
    loadFile('items.geojson', ItemCollection, { ...options, checkInPlace: true }),
    loadFile('basemap/boundaries.geojson', BoundaryCollection, options),
    loadFile('basemap/context.geojson', ContextCollection, options),
  ]);
  if (items.status === 'rejected') throw asDataError('items.geojson', items.reason);
  const failures: DataError[] = [];
  const settled = <T>(file: string, r: PromiseSettledResult<T>, fallback: T): T => {
    if (r.status === 'fulfilled') return r.value;
    failures.push(asDataError(file, r.reason));
    return fallback;
  };
  return {
    data: {
      manifest: settled('manifest.json', manifest, null),
      items: items.value,
      boundaries: settled('basemap/boundaries.geojson', boundaries, emptyCollection() as BoundaryCollection),
      context: settled('basemap/context.geojson', context, emptyCollection() as ContextCollection),
    },
    failures,
  };
}

/** Anything thrown while loading `file`, as a DataError naming it. */
export function asDataError(file: string, e: unknown): DataError {
  return e instanceof DataError ? e : new DataError(file, e instanceof Error ? e.message : String(e));
}

/**
 * The report, needed only by the detail's quotes in context and by the reader. `response` lets the
 * caller start the download with the others and parse it once the map is up.
 */
export function loadReport(response: Promise<Response>): Promise<Report> {
  return parseFile('report.json', response, Report);
}

/**
 * The gazetteer (sources and licences behind evidence ids), which the detail view cites. Without
 * it evidence is listed by id; any failure, a 404 included, is for the caller to name in a notice.
 */
export function loadGazetteer(options: LoadOptions = {}): Promise<Gazetteer> {
  return loadFile('gazetteer.json', Gazetteer, options);
}
