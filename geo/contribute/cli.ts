/**
 * `npm run geo:contribute -- FILE… [--accept] [--force] [--annotations DIR] [--data DIR] [--diff FILE]`
 *
 * Reviews contribution files (geo/contribute/review.ts) against the current data (public/data/ or
 * --data) and prints, per contribution, a summary or why it is refused, one line per field. With
 * --accept and no refusal, writes them into DIR/contributions.json (default geo/annotations/); the
 * next `npm run geo` places the items. Any refusal writes nothing. --diff writes the before/after
 * GeoJSON. Each reviewed contribution also gets a before/after picture next to its file
 * (FILE-without-.json.ITEM.review.svg; reviewSvg.ts). Exit 0 reviewed (or accepted), 1 refused, 2 usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BoundaryCollection, Gazetteer, ItemCollection, Manifest } from '../../src/lib/schema';
import { lingheFeature } from '../boundaries';
import { readContributionFile, reviewContribution, type Review } from './review';
import { reviewSvg } from './reviewSvg';
import { CONTRIBUTIONS_FILE, formatContributions, readContributions } from './store';

const USAGE = 'usage: npm run geo:contribute -- FILE… [--accept] [--force] [--annotations DIR] [--data DIR] [--diff FILE]';
const ROOT = join(import.meta.dirname, '..', '..');

function main(argv: string[]): number {
  const files: string[] = [];
  const opts = { accept: false, force: false, annotations: join(ROOT, 'geo/annotations'), data: join(ROOT, 'public/data'), diff: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--accept') opts.accept = true;
    else if (a === '--force') opts.force = true;
    else if (a === '--annotations' || a === '--data' || a === '--diff') {
      const v = argv[++i];
      if (!v) return usage(`${a} needs a value`);
      opts[a.slice(2) as 'annotations' | 'data' | 'diff'] = resolve(v);
    } else if (a.startsWith('--')) return usage(`unknown option ${a}`);
    else files.push(a);
  }
  if (!files.length) return usage('no contribution file given');

  const read = (f: string) => JSON.parse(readFileSync(join(opts.data, f), 'utf8')) as unknown;
  const manifest = Manifest.parse(read('manifest.json'));
  const ctx = {
    items: ItemCollection.parse(read('items.geojson')).features,
    dataVersion: manifest.files['items.geojson'].sha256,
    boundaries: BoundaryCollection.parse(read('basemap/boundaries.geojson')),
    gazetteer: Gazetteer.parse(read('gazetteer.json')).entries,
    today: new Date().toISOString().slice(0, 10),
    force: opts.force,
  };

  const reviews: Review[] = [];
  let refused = 0;
  for (const file of files) {
    const { contributions, problems } = readContributionFile(file);
    if (problems.length) {
      refused++;
      console.log(`✗ ${file}: refused`);
      for (const p of problems) console.log(`    ${p}`);
      continue;
    }
    const seen = new Set<string>();
    for (const c of contributions) {
      const r = reviewContribution(c, ctx);
      if (seen.has(c.item)) r.problems.push(`item: "${c.item}" appears twice in this run; send one`);
      seen.add(c.item);
      reviews.push(r);
      console.log(`${r.problems.length ? '✗' : '✓'} ${file}: ${r.item}${r.problems.length ? ': refused' : ''}`);
      for (const line of r.summary) console.log(`    ${line}`);
      for (const p of r.problems) console.log(`    ${p}`);
      if (r.diff.features.length) {
        const svg = `${file.replace(/\.json$/i, '')}.${r.item}.review.svg`;
        writeFileSync(svg, reviewSvg({ outline: lingheFeature(ctx.boundaries).geometry, diff: r.diff, caption: r.summary }));
        console.log(`    before/after picture: ${svg}`);
      }
      if (r.problems.length) refused++;
    }
  }
  if (opts.diff) {
    writeFileSync(opts.diff, `${JSON.stringify({ type: 'FeatureCollection', features: reviews.flatMap((r) => r.diff.features) })}\n`);
    console.log(`before/after GeoJSON: ${opts.diff}`);
  }
  if (refused) {
    console.log(`geo:contribute: ${refused} refused; nothing written`);
    return 1;
  }
  if (!opts.accept) {
    console.log(`geo:contribute: ${reviews.length} contribution(s) pass review; --accept writes them`);
    return 0;
  }
  const stored = readContributions(opts.annotations);
  for (const r of reviews) stored[r.item] = r.accepted!;
  const target = join(opts.annotations, CONTRIBUTIONS_FILE);
  writeFileSync(target, formatContributions(stored));
  console.log(`geo:contribute: accepted ${reviews.length} into ${target}; run npm run geo to place them`);
  return 0;
}

function usage(msg: string): number {
  console.error(`geo:contribute: ${msg}\n${USAGE}`);
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // A reviewer reads one line, not a stack.
  console.error(`geo:contribute: ${(e as Error).message}`);
  process.exitCode = 1;
}
