/**
 * One geocoding run: pick the items located no better than a subdistrict, ask a provider about each
 * one not yet cached for that provider + query, and save every answer the moment it arrives, so an
 * interrupted run keeps what it learned. The first failure stops the run with a one-line reason.
 */
import { readFile } from 'node:fs/promises';
import { ItemCollection, type ItemFeature } from '../../src/lib/schema';
import { geocode as amapGeocode, MissingKeyError } from './amap';
import { entryKey, readCache, writeCacheAtomic, type GeocodeEntry, type Provider } from './cache';
import { GeocodeError, redact } from './errors';
import { geocode as nominatimGeocode } from './nominatim';
import type { Clock, RateLimiter } from './rateLimiter';
import type { GeocodeAnswer } from './types';

/** Only these are worth a geocoder's time: anything better is already located from cited evidence. */
const GEOCODABLE_PRECISIONS = new Set(['subdistrict', 'district']);

export interface RunOptions {
  provider: Provider;
  itemsPath: string;
  cachePath: string;
  baseUrl?: string;
  /** Ask at most this many questions (cached ones don't count). */
  limit?: number;
  /** List the questions without asking or writing anything. */
  dryRun?: boolean;
  /** AMap key; the CLI passes env AMAP_KEY. */
  key?: string;
  timeoutMs?: number;
  limiter?: RateLimiter;
  clock?: Clock;
  today?: () => string;
  log?: (line: string) => void;
}

export interface RunSummary {
  selected: number;
  skipped: number;
  asked: number;
  ok: number;
  no_result: number;
  /** The questions asked (or, in a dry run, that would be asked). */
  questions: { item_id: string; query: string }[];
}

/** A run that stopped; `exitCode` is what the CLI exits with (2: usage/configuration, 1: failure). */
export class RunError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'RunError';
    this.exitCode = exitCode;
  }
}

export const buildQuery = (item: Pick<ItemFeature['properties'], 'name'>): string => `锦州市凌河区 ${item.name}`;

export function selectItems(collection: ItemCollection): ItemFeature[] {
  return collection.features
    .filter((f) => GEOCODABLE_PRECISIONS.has(f.properties.location.precision))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const isoDay = (): string => new Date().toISOString().slice(0, 10);

export async function runGeocode(opts: RunOptions): Promise<RunSummary> {
  const log = opts.log ?? (() => undefined);
  const secrets = [opts.key];
  if (opts.provider === 'amap' && !opts.key && !opts.dryRun) throw new RunError(new MissingKeyError().message, 2);

  const items = selectItems(await readItems(opts.itemsPath));
  let cached: GeocodeEntry[];
  try {
    cached = await readCache(opts.cachePath);
  } catch (e) {
    throw new RunError((e as Error).message);
  }
  const known = new Set(cached.map(entryKey));
  const summary: RunSummary = { selected: items.length, skipped: 0, asked: 0, ok: 0, no_result: 0, questions: [] };

  for (const item of items) {
    const query = buildQuery(item.properties);
    if (known.has(entryKey({ item_id: item.id, provider: opts.provider, query }))) {
      summary.skipped++;
      continue;
    }
    if (opts.limit !== undefined && summary.questions.length >= opts.limit) break;
    summary.questions.push({ item_id: item.id, query });
    if (opts.dryRun) {
      log(`would ask ${opts.provider}: ${item.id} "${query}"`);
      continue;
    }
    let answer: GeocodeAnswer;
    try {
      answer = await ask(opts, query);
    } catch (e) {
      // A GeocodeError's message already opens with its kind (http, timeout, …).
      const reason = e instanceof GeocodeError ? e.message : `error: ${(e as Error).message}`;
      throw new RunError(redact(`geocode stopped at item ${item.id} ("${query}", ${opts.provider}): ${reason}`, secrets));
    }
    summary.asked++;
    const entry: GeocodeEntry = {
      item_id: item.id,
      provider: opts.provider,
      query,
      date: (opts.today ?? isoDay)(),
      ...(answer.status === 'ok' ? { status: 'ok' as const, result: answer.result } : { status: 'no_result' as const }),
    };
    try {
      await writeCacheAtomic(opts.cachePath, [entry]);
    } catch (e) {
      throw new RunError(`geocode stopped at item ${item.id}: ${(e as Error).message}`);
    }
    known.add(entryKey(entry));
    summary[answer.status]++;
    log(`${item.id}: ${answer.status === 'ok' ? `${answer.result.level} ${answer.result.display_name}` : 'no result'}`);
  }
  return summary;
}

async function readItems(path: string): Promise<ItemCollection> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new RunError(`no items to geocode: ${path} does not exist (build it first with \`npm run geo\`)`);
    }
    throw new RunError(`cannot read ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RunError(`${path} is not JSON: ${(e as Error).message}`);
  }
  const parsed = ItemCollection.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RunError(`${path} is not an ItemCollection (${issue?.path.join('.')}: ${issue?.message})`);
  }
  return parsed.data;
}

function ask(opts: RunOptions, query: string): Promise<GeocodeAnswer> {
  const common = { baseUrl: opts.baseUrl, timeoutMs: opts.timeoutMs, limiter: opts.limiter, clock: opts.clock };
  return opts.provider === 'amap' ? amapGeocode(query, { ...common, key: opts.key }) : nominatimGeocode(query, common);
}
