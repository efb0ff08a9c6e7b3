/**
 * Loads the files the pipeline wrote to public/data/ and parses each with the shared schema, so a
 * missing or corrupt file becomes a readable message (which file, what is wrong) instead of a
 * blank page or an error deep inside the map.
 */
import type { z } from 'zod';
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
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DataError';
  }
}

/** The URL of a data file, relative to the page so the built app works from any folder. */
export function dataUrl(file: string, base: string = document.baseURI): string {
  return new URL(`data/${file}`, base).href;
}

export interface LoadOptions {
  fetcher?: typeof fetch;
  /** The page's base URL; defaults to document.baseURI. */
  base?: string;
}

/** Fetches `file` and parses it with `schema`; every failure is a DataError naming the file. */
export async function loadFile<S extends z.ZodType>(
  file: string,
  schema: S,
  { fetcher = fetch, base }: LoadOptions = {},
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetcher(dataUrl(file, base));
  } catch (e) {
    throw new DataError(file, `could not be fetched (${(e as Error).message})`);
  }
  if (!response.ok) throw new DataError(file, `HTTP ${response.status} ${response.statusText}`.trim());
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new DataError(file, 'is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new DataError(file, describeIssues(parsed.error.issues));
  return parsed.data;
}

/** The first few schema problems as "path: message", e.g. "features.3.properties.id: Invalid input". */
export function describeIssues(issues: readonly z.core.$ZodIssue[], max = 3): string {
  const parts = issues.slice(0, max).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const more = issues.length > max ? ` (+${issues.length - max} more)` : '';
  return `does not match the schema: ${parts.join('; ')}${more}`;
}

export interface AtlasData {
  manifest: Manifest;
  report: Report;
  items: ItemCollection;
  boundaries: BoundaryCollection;
  context: ContextCollection;
}

/** Everything the app needs, loaded in parallel; rejects with the first DataError. */
export async function loadAtlasData(options: LoadOptions = {}): Promise<AtlasData> {
  const [manifest, report, items, boundaries, context] = await Promise.all([
    loadFile('manifest.json', Manifest, options),
    loadFile('report.json', Report, options),
    loadFile('items.geojson', ItemCollection, options),
    loadFile('basemap/boundaries.geojson', BoundaryCollection, options),
    loadFile('basemap/context.geojson', ContextCollection, options),
  ]);
  return { manifest, report, items, boundaries, context };
}

/**
 * The gazetteer (sources and licences behind evidence ids), which the detail view cites. It is
 * optional: a missing file (404) leaves evidence listed by id; a corrupt one is still an error.
 */
export async function loadGazetteer(options: LoadOptions = {}): Promise<Gazetteer | null> {
  try {
    return await loadFile('gazetteer.json', Gazetteer, options);
  } catch (e) {
    if (e instanceof DataError && e.reason.startsWith('HTTP 404')) return null;
    throw e;
  }
}
