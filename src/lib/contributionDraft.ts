/**
 * From what the contributor drew and typed to a contribution file: built here, checked with the
 * pipeline's own schema (src/lib/contribution.ts), handed over as a download or as text to paste.
 * The app sends nothing anywhere: the file and the text leave only by the user's own hand.
 */
import {
  CONTRIBUTION_FORMAT,
  ContributionFile,
  type ClaimedPrecision,
  type Contribution,
  type ContributionGeometry,
  type EvidenceKind,
  type SourceCrs,
} from './contribution';
import type { ItemFeature, Manifest } from './schema';

/** The evidence form's fields, as typed (numbers still text). */
export interface EvidenceForm {
  kind: EvidenceKind;
  citation: string;
  date: string;
  precision: ClaimedPrecision;
  uncertainty: string;
  contributor: string;
}

/** Form fields a problem can point at; `geometry` is the drawing. */
export type FormField = 'kind' | 'citation' | 'date' | 'precision' | 'uncertainty' | 'contributor' | 'geometry';

/** What a shape usually claims: a drawn outline is the place, a line a street, a pin is near it. */
export function defaultPrecision(g: ContributionGeometry | null): { precision: ClaimedPrecision; uncertainty: string } {
  if (g?.type === 'LineString') return { precision: 'street', uncertainty: '50' };
  if (g?.type === 'Point') return { precision: 'near', uncertainty: '50' };
  return { precision: 'exact', uncertainty: '30' };
}

export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * `crs` is the CRS of the map the geometry was drawn on (placing.ts): WGS-84, or GCJ-02 on 高德's
 * map. It is written as drawn, with its CRS, and the pipeline converts it once (geo/crs.ts).
 */
export function buildContribution(
  item: ItemFeature,
  geometry: ContributionGeometry | null,
  form: EvidenceForm,
  manifest: Manifest | null,
  now = new Date(),
  crs: Extract<SourceCrs, 'WGS-84' | 'GCJ-02'> = 'WGS-84',
): unknown {
  const contributor = form.contributor.trim();
  return {
    format: CONTRIBUTION_FORMAT,
    contributions: [
      {
        item: item.id,
        geometry,
        crs, // as drawn: the browser converts nothing
        ...(crs === 'GCJ-02' ? { basemap: 'amap' } : {}),
        evidence: {
          kind: form.kind,
          citation: form.citation,
          date: form.date,
          precision: form.precision,
          uncertainty_m: form.uncertainty.trim() === '' ? NaN : Number(form.uncertainty),
          ...(contributor ? { contributor } : {}),
        },
        sentences: [...new Set(item.properties.mentions.map((m) => m.sentence))].sort((a, b) => a - b),
        data_version: manifest?.files['items.geojson']?.sha256 ?? '',
        before: { precision: item.properties.location.precision, method: item.properties.location.method },
        created: today(now),
      },
    ],
  };
}

const FIELD_OF: Record<string, FormField> = {
  kind: 'kind',
  citation: 'citation',
  date: 'date',
  precision: 'precision',
  uncertainty_m: 'uncertainty',
  contributor: 'contributor',
  geometry: 'geometry',
};

/** Validates with the shared schema; the problems, per form field (empty when it is valid). */
export function checkContribution(file: unknown): { file: ContributionFile | null; fields: FormField[] } {
  const r = ContributionFile.safeParse(file);
  if (r.success) return { file: r.data, fields: [] };
  const fields = new Set<FormField>();
  for (const issue of r.error.issues) {
    const key = issue.path.find((k) => typeof k === 'string' && k in FIELD_OF && k !== 'evidence') as string | undefined;
    fields.add(key ? FIELD_OF[key] : 'geometry');
  }
  return { file: null, fields: [...fields] };
}

export const fileName = (c: Contribution) => `contribution-${c.item}-${c.created}.json`;

export const fileText = (f: ContributionFile) => `${JSON.stringify(f, null, 2)}\n`;

/** A prefilled message for an issue tracker or an e-mail: what, where, how known, and the file. */
export function proposalText(f: ContributionFile, item: ItemFeature, target: string): string {
  const c = f.contributions[0];
  const lines = [
    `Propose a location for "${item.properties.name}" (${item.properties.name_en}), item ${c.item}`,
    `Currently: ${c.before.precision} (${c.before.method}). Proposed: ${c.evidence.precision}, ±${c.evidence.uncertainty_m} m, a ${c.geometry.type}.`,
    `How I know (${c.evidence.kind}, ${c.evidence.date}): ${c.evidence.citation}`,
    ...(c.evidence.contributor ? [`Contributor: ${c.evidence.contributor}`] : []),
    ...(target ? [`To: ${target}`] : []),
    '',
    `Maintainers: save the JSON below as ${fileName(c)} and run npm run geo:contribute -- ${fileName(c)}`,
    '',
    '```json',
    fileText(f).trimEnd(),
    '```',
  ];
  return `${lines.join('\n')}\n`;
}
