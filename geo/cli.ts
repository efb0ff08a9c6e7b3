/**
 * `npm run geo`: rebuilds every file of public/data/ from the committed inputs and the caches.
 * Reads, calls geo/pipeline.ts, writes. When the items stage fails or validation finds problems it
 * writes nothing and exits 1, so a broken input never replaces the last good data the app serves.
 * Every failure is reported as one line per problem (file, position or item + field, what to do),
 * never as a stack trace: the people who edit the YAML are not debugging the pipeline.
 * ATLAS_ROOT points it at another checkout (the tests use a temporary copy).
 */
import { join, resolve } from 'node:path';
import { PATHS, runPipeline } from './pipeline';
import { writeOutputAtomic } from './writeOutputAtomic';

async function main(): Promise<number> {
  const root = resolve(process.env.ATLAS_ROOT ?? join(import.meta.dirname, '..'));
  const { files, itemsError, problems } = await runPipeline(root);
  if (itemsError || problems.length) {
    if (itemsError) console.error(`geo: ${itemsError.message}`);
    if (problems.length) console.error(`geo: ${problems.length} validation problem(s):\n  ${problems.join('\n  ')}`);
    console.error(`geo: nothing written; ${PATHS.output}/ keeps its last good build`);
    return 1;
  }
  // A whole new folder replaces the old one, so a file the pipeline no longer makes does not linger
  // and a failed write never leaves a partial public/data/.
  writeOutputAtomic(join(root, PATHS.output), files);
  console.log(`geo: wrote ${files.size} files to ${PATHS.output}/`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  // Input problems arrive as messages written for people; anything else still gets one line, and
  // GEO_DEBUG=1 shows the stack for whoever debugs the pipeline itself.
  const err = e instanceof Error ? e : new Error(String(e));
  // One line per problem (schema errors list each item + field), the last says nothing was written.
  const lines = err.message.split('\n').filter((l) => l.trim() !== '');
  lines[lines.length - 1] += ` (nothing written; ${PATHS.output}/ keeps its last good build)`;
  for (const line of lines) console.error(`geo: ${line.trim()}`);
  if (process.env.GEO_DEBUG === '1') console.error(err.stack);
  process.exitCode = 1;
}
