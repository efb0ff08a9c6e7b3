/**
 * geo/annotations/contributions.json: contributions a maintainer accepted (`npm run geo:contribute
 * -- FILE --accept`), keyed by item id, one per item (a later accepted one replaces it, after the
 * same conflict check). Each is cited evidence: the contributor's citation becomes a gazetteer entry
 * and the item is located by method `contributed`. Written deterministically (sorted, one
 * coordinate pair per line) so a review diff shows exactly what changed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ContributionGeometry, EvidenceKind, SourceCrs } from '../../src/lib/contribution';
import { Id, type GazetteerEntry, type Location, type Position } from '../../src/lib/schema';
import { PRECISION_LABELS } from '../../src/lib/taxonomy';
import { joinNotes, joinNotesZh } from '../locate/evidence';

export const CONTRIBUTIONS_FILE = 'contributions.json';

export const AcceptedContribution = z
  .object({
    /** WGS-84, 6 decimals: what the map draws. */
    geometry: ContributionGeometry,
    /** As the contributor gave it, when that was not WGS-84 (converted once, here, by gcoord). */
    src_geometry: z.optional(ContributionGeometry),
    src_crs: SourceCrs,
    precision: z.enum(['exact', 'street', 'near']),
    uncertainty_m: z.number().positive(),
    evidence: z
      .object({ kind: EvidenceKind, citation: z.string().min(1), date: z.string(), contributor: z.string().optional() })
      .strict(),
    sentences: z.array(z.number().int().min(0)).min(1),
    data_version: z.string(),
    created: z.string(),
    accepted: z.string(),
    /** What the item had before: the conflict check's record. */
    replaces: z.object({ precision: z.string(), method: z.string() }).strict(),
    /** Set only by --force, when the contribution is less precise than what it replaced. */
    forced: z.literal(true).optional(),
    /** The geometry lies outside Linghe (allowed for an item already located `outside`): the build keeps that rung. */
    outside: z.literal(true).optional(),
  })
  .strict();
export type AcceptedContribution = z.infer<typeof AcceptedContribution>;

export const ContributionsFile = z.record(Id, AcceptedContribution);
export type ContributionsFile = z.infer<typeof ContributionsFile>;

/** The accepted contributions in `annotationsDir`; none when the file does not exist yet. */
export function readContributions(annotationsDir: string): ContributionsFile {
  const path = join(annotationsDir, CONTRIBUTIONS_FILE);
  if (!existsSync(path)) return {};
  const result = ContributionsFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${CONTRIBUTIONS_FILE}: ${issues.length} problem(s):\n  ${issues.join('\n  ')}`);
  }
  return result.data;
}

/** Stable text: keys sorted, each [lon, lat] on one line. */
export function formatContributions(file: ContributionsFile): string {
  const sorted = Object.fromEntries(Object.keys(file).sort().map((k) => [k, file[k]]));
  const json = JSON.stringify(sorted, null, 2);
  return `${json.replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1, $2]')}\n`;
}

export const contributionSourceId = (item: string) => `contribution:${item}`;

function firstPosition(g: ContributionGeometry): Position {
  if (g.type === 'Point') return g.coordinates;
  if (g.type === 'LineString') return g.coordinates[0];
  return g.coordinates[0][0];
}

const KIND_EN: Record<EvidenceKind, string> = {
  on_site: 'on-site knowledge',
  document: 'a public document',
  photo: 'a photo',
  map_service: 'a map service search',
};
const KIND_ZH: Record<EvidenceKind, string> = { on_site: '实地了解', document: '公开文件', photo: '照片', map_service: '地图服务检索' };

/** The citation as a gazetteer entry, so evidence resolves like every other cited fact. */
export function contributionEntries(file: ContributionsFile): GazetteerEntry[] {
  return Object.entries(file).map(([item, c]) => {
    const src = c.src_geometry ?? c.geometry;
    return {
      id: contributionSourceId(item),
      name: `Contributed location (${KIND_EN[c.evidence.kind]}, ${c.evidence.date})`,
      kind: 'contribution',
      source: c.evidence.citation,
      licence: 'contributed to the Atlas; reviewed and accepted by its maintainers',
      src_coordinates: firstPosition(src),
      src_crs: c.src_crs,
      coordinates: firstPosition(c.geometry),
      note: `${src.type}; the first vertex is shown here, the whole geometry is in geo/annotations/${CONTRIBUTIONS_FILE}`,
    };
  });
}

/** Method `contributed`: the accepted geometry, its claimed precision and radius, its citation. */
export function locateContributed(item: string, c: AcceptedContribution, index: ReadonlyMap<string, GazetteerEntry>): Location {
  const e = index.get(contributionSourceId(item));
  if (!e) throw new Error(`contributed: gazetteer has no entry "${contributionSourceId(item)}"`);
  const who = c.evidence.contributor;
  const before = c.replaces.precision in PRECISION_LABELS ? PRECISION_LABELS[c.replaces.precision as keyof typeof PRECISION_LABELS] : null;
  return {
    // Outside Linghe the ladder's rung is `outside` whatever the claim; the claim stays in the note.
    precision: c.outside ? 'outside' : c.precision,
    geometry: c.geometry,
    uncertainty_m: c.uncertainty_m,
    method: 'contributed',
    evidence: [{ source: e.id, says: c.evidence.citation, src_coordinates: e.src_coordinates, src_crs: e.src_crs }],
    note: joinNotes(
      `Placed by ${who ?? 'a contributor'} from ${KIND_EN[c.evidence.kind]} (${c.evidence.date}); reviewed and accepted ${c.accepted}`,
      `Before: ${before?.en ?? c.replaces.precision} (${c.replaces.method})`,
      c.outside ? `Outside Linghe; placed ${PRECISION_LABELS[c.precision].en.toLowerCase()} ±${c.uncertainty_m} m` : undefined,
      c.src_crs !== 'WGS-84' ? `Given in ${c.src_crs}, converted to WGS-84 by the pipeline` : undefined,
    ),
    note_zh: joinNotesZh(
      `由${who ?? '贡献者'}根据${KIND_ZH[c.evidence.kind]}（${c.evidence.date}）标注；${c.accepted}审核通过`,
      `此前：${before?.zh ?? c.replaces.precision}（${c.replaces.method}）`,
      c.outside ? `位于凌河区外；标注为${PRECISION_LABELS[c.precision].zh}，±${c.uncertainty_m}米` : undefined,
      c.src_crs !== 'WGS-84' ? `原为${c.src_crs}坐标，由数据流程转换为WGS-84` : undefined,
    ),
    contribution: { kind: c.evidence.kind, citation: c.evidence.citation, date: c.evidence.date, ...(who ? { contributor: who } : {}), accepted: c.accepted },
  };
}
