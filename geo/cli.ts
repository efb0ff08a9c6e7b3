/**
 * `npm run geo`: rebuilds every file of public/data/ from the committed inputs and the caches.
 * Reads, calls geo/pipeline.ts, writes. When the items stage fails or validation finds problems it
 * writes nothing and exits 1, so a broken input never replaces the last good data the app serves.
 * ATLAS_ROOT points it at another checkout (the tests use a temporary copy).
 */
import { join, resolve } from 'node:path';
import { PATHS, runPipeline } from './pipeline';
import { writeOutputAtomic } from './writeOutputAtomic';

const root = resolve(process.env.ATLAS_ROOT ?? join(import.meta.dirname, '..'));
const out = join(root, PATHS.output);
const { files, itemsError, problems } = await runPipeline(root);

if (itemsError || problems.length) {
  if (itemsError) console.error(`geo: ${itemsError.message}`);
  if (problems.length) console.error(`geo: ${problems.length} validation problem(s):\n  ${problems.join('\n  ')}`);
  console.error(`geo: nothing written; ${PATHS.output}/ keeps its last good build`);
  process.exit(1);
}

// A whole new folder replaces the old one, so a file the pipeline no longer makes does not linger
// and a failed write never leaves a partial public/data/.
writeOutputAtomic(out, files);
console.log(`geo: wrote ${files.size} files to ${PATHS.output}/`);
