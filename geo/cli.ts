/**
 * `npm run geo`: rebuilds every file of public/data/ from the committed inputs and the caches.
 * Reads, calls geo/pipeline.ts, writes; exits non-zero (after writing what could be built) when the
 * items stage failed or validation found problems.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PATHS, runPipeline } from './pipeline';

const root = resolve(import.meta.dirname, '..');
const out = join(root, PATHS.output);
const { files, itemsError, problems } = await runPipeline(root);

// Start from an empty folder so a file the pipeline no longer makes does not linger.
for (const name of readdirSync(out)) rmSync(join(out, name), { recursive: true, force: true });
for (const [name, text] of files) {
  mkdirSync(dirname(join(out, name)), { recursive: true });
  writeFileSync(join(out, name), text);
}
console.log(`geo: wrote ${files.size} files to ${PATHS.output}/`);

if (itemsError) console.error(`geo: ${itemsError.message}\n  (basemap files were written; item files were NOT)`);
if (problems.length) console.error(`geo: ${problems.length} validation problem(s):\n  ${problems.join('\n  ')}`);
if (itemsError || problems.length) process.exit(1);
