/**
 * npx tsx geo/crosscheck-cli.ts PATH/210703.json
 * Derives geo/sources/boundary-crosscheck-210703.json (numbers only) from the DataV reference file,
 * which stays outside the repository (no licence stated).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { crosscheckFacts } from './crosscheckFacts';

const path = process.argv[2];
if (!path) {
  console.error('usage: npx tsx geo/crosscheck-cli.ts PATH/210703.json');
  process.exit(2);
}
const facts = crosscheckFacts(JSON.parse(readFileSync(path, 'utf8')), `DataV.GeoAtlas ${basename(path)} (boundaries-crosscheck, GCJ-02, no licence stated; not committed)`);
const out = join(import.meta.dirname, 'sources', `boundary-crosscheck-${facts.adcode}.json`);
writeFileSync(out, `${JSON.stringify(facts, null, 2)}\n`);
console.log(`crosscheck: wrote ${out}`);
