/**
 * Whether a loaded report.json is the text the items were located in. The detail shows each quote
 * inside its sentence and the reader marks mentions by offset: against a different text both would
 * show the wrong words as if the report said them. So a report that fails these checks is not used:
 * quotes are shown on their own (they are verbatim in items.geojson) and a notice names the file.
 */
import type { ItemFeature, Report } from './schema';

/** Hex sha256 of the UTF-8 text, as the pipeline computes it (geo/layers.ts). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What is wrong with `report` for these items (empty when it is the right text). */
export async function reportProblems(
  report: Report,
  items: readonly ItemFeature[],
  manifestSha256: string | null,
): Promise<string[]> {
  const problems: string[] = [];
  const actual = await sha256Hex(report.text);
  if (actual !== report.sha256) problems.push(`its text's sha256 is ${actual.slice(0, 12)}…, not the ${report.sha256.slice(0, 12)}… it declares`);
  if (manifestSha256 !== null && report.sha256 !== manifestSha256) {
    problems.push(`sha256 ${report.sha256.slice(0, 12)}… differs from manifest.json's ${manifestSha256.slice(0, 12)}…`);
  }
  let bad = 0;
  let first = '';
  for (const f of items) {
    for (const m of f.properties.mentions) {
      if (report.text.slice(m.start, m.end) !== m.quote) {
        if (!bad) first = `${f.id} @${m.start}–${m.end}`;
        bad++;
      }
    }
  }
  if (bad) problems.push(`${bad} quote${bad > 1 ? 's' : ''} of items.geojson not at their offsets (first: ${first})`);
  return problems;
}
