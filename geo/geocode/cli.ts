/**
 * npm run geo:geocode -- --provider nominatim|amap [--base-url URL] [--limit N] [--dry-run]
 *   [--items public/data/items.geojson] [--cache geo/annotations/geocode-cache.json]
 * AMap reads its key from env AMAP_KEY. Exit codes: 0 done, 1 a request or file failed, 2 usage/key.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Provider } from './cache';
import { RunError, runGeocode } from './run';

const repo = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        provider: { type: 'string' },
        'base-url': { type: 'string' },
        limit: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        items: { type: 'string', default: repo('public/data/items.geojson') },
        cache: { type: 'string', default: repo('geo/annotations/geocode-cache.json') },
      },
    }));
  } catch (e) {
    console.error(`geo:geocode: ${(e as Error).message}`);
    return 2;
  }
  const provider = Provider.safeParse(values.provider);
  if (!provider.success) {
    console.error(`geo:geocode: --provider must be nominatim or amap, got ${JSON.stringify(values.provider ?? null)}`);
    return 2;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    console.error(`geo:geocode: --limit must be a whole number, got ${JSON.stringify(values.limit)}`);
    return 2;
  }
  try {
    const s = await runGeocode({
      provider: provider.data,
      itemsPath: values.items,
      cachePath: values.cache,
      baseUrl: values['base-url'],
      limit,
      dryRun: values['dry-run'],
      key: process.env.AMAP_KEY || undefined,
      log: (line) => console.log(line),
    });
    const verb = values['dry-run'] ? 'would ask' : 'asked';
    console.log(`${provider.data}: ${s.selected} items to geocode, ${s.skipped} cached, ${verb} ${s.questions.length} (ok ${s.ok}, no result ${s.no_result})`);
    return 0;
  } catch (e) {
    console.error(`geo:geocode: ${(e as Error).message}`);
    return e instanceof RunError ? e.exitCode : 1;
  }
}

process.exitCode = await main();
