/**
 * A contribution: someone who knows where an item is places it on the map and says how they know.
 * The app writes these files (download, no network) and the pipeline reviews them
 * (`npm run geo:contribute`) with this same schema, so a file the app makes always passes the
 * schema step and a hand-edited one is held to the same rules.
 *
 * Coordinates are WGS-84 unless `crs` says otherwise; only a map service's place search may give
 * GCJ-02 or BD-09, and the PIPELINE converts it (geo/crs.ts), never the browser.
 */
import { z } from 'zod/mini';
import { Id, LineString, Point, Polygon, Precision } from './schema';

export const CONTRIBUTION_FORMAT = 'linghe-atlas-contribution/1';

/** Files larger than this are refused before they are read: a real one is a few kilobytes. */
export const CONTRIBUTION_MAX_BYTES = 1_000_000;

/** How the contributor knows: on site, a public document or page, a photo, a map service's search. */
export const EvidenceKind = z.enum(['on_site', 'document', 'photo', 'map_service']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const SourceCrs = z.enum(['WGS-84', 'GCJ-02', 'BD-09']);
export type SourceCrs = z.infer<typeof SourceCrs>;

/** The rungs of the precision ladder a contribution may claim; coarser ones need no contribution. */
export const ClaimedPrecision = z.enum(['exact', 'street', 'near']);
export type ClaimedPrecision = z.infer<typeof ClaimedPrecision>;

/**
 * Free text is shown as text everywhere (Svelte escapes it), but markup in a citation is never a
 * citation: a tag or a script URL is refused so that no reviewer has to wonder what it would do.
 */
const MARKUP = /<\s*\/?\s*[a-z!?]|javascript\s*:|on[a-z]+\s*=/i;
const plainText = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => !MARKUP.test(s), 'looks like HTML or script; write plain text'),
  );
const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'));

export const ContributionEvidence = z.strictObject({
  kind: EvidenceKind,
  /** A URL or a description a reviewer can follow: "lived at 3-2-501 since 2010", a notice's title… */
  citation: plainText(1000),
  /** When the contributor saw it (a visit, a page, a photo, a search). */
  date: IsoDate,
  precision: ClaimedPrecision,
  /** Radius (m) within which the claimed place lies. */
  uncertainty_m: z.number().check(z.gt(0), z.lte(5000)),
  contributor: z.optional(plainText(100)),
});
export type ContributionEvidence = z.infer<typeof ContributionEvidence>;

export const ContributionGeometry = z.discriminatedUnion('type', [Point, LineString, Polygon]);
export type ContributionGeometry = z.infer<typeof ContributionGeometry>;

export const Contribution = z
  .strictObject({
    item: Id,
    geometry: ContributionGeometry,
    /**
     * The geometry's CRS. The app writes the CRS of the map it was drawn on: WGS-84, or GCJ-02 when
     * drawn on 高德's map (`basemap: 'amap'`); the pipeline converts, never the browser.
     */
    crs: SourceCrs,
    /** Set when the geometry was drawn on a map service's own map (高德, GCJ-02). */
    basemap: z.optional(z.literal('amap')),
    evidence: ContributionEvidence,
    /** The report sentences (indices into report.sentences) the item's mentions are in. */
    sentences: z.array(z.int().check(z.gte(0))).check(z.minLength(1)),
    /** sha256 of the items file (manifest.files["items.geojson"]) the contributor saw. */
    data_version: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'a sha256 in hex')),
    /** The item's location when the contribution was made. */
    before: z.strictObject({ precision: Precision, method: z.string().check(z.regex(/^[a-z0-9:-]{1,60}$/, 'a method id')) }),
    created: IsoDate,
  })
  .check(
    z.refine((c) => c.crs === 'WGS-84' || c.evidence.kind === 'map_service' || (c.crs === 'GCJ-02' && c.basemap === 'amap'), {
      message: 'only a map service gives GCJ-02 or BD-09 coordinates: its place search (evidence kind map_service) or its map (basemap amap, GCJ-02)',
      path: ['crs'],
    }),
  );
export type Contribution = z.infer<typeof Contribution>;

export const ContributionFile = z.strictObject({
  format: z.literal(CONTRIBUTION_FORMAT),
  contributions: z.array(Contribution).check(z.minLength(1), z.maxLength(200)),
});
export type ContributionFile = z.infer<typeof ContributionFile>;

/** One line per problem, naming the field: "contributions.0.evidence.date: a date as YYYY-MM-DD". */
export function issueLines(error: z.core.$ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(file)'}: ${i.message}`);
}
