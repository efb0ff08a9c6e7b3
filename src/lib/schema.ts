/**
 * The one contract between the pipeline (`geo/`) and the app (`src/`).
 *
 * The pipeline writes every file in `public/data/` through these schemas and the app parses every
 * file it loads with the same ones, so a file that would break the app fails the build first, and a
 * broken file that reaches a browser becomes a readable notice instead of a blank page.
 * A schema and its type share one name (`Item` is both).
 */
import { z } from 'zod/mini';

const NonNegativeInt = z.int().check(z.gte(0));
const NonEmpty = z.string().check(z.minLength(1));

// ---------------------------------------------------------------- vocabularies

/** Item categories; labels live in `taxonomy.ts`. */
export const Category = z.enum([
  'industrial_park', // 一区三园 and its parks, 产业园, 示范区
  'enterprise', // a company's plant, site or project
  'real_estate', // land plots (地块), housing and commercial developments
  'renewal', // old-neighbourhood (老旧小区) and shantytown (棚户区) renovation
  'road_bridge', // roads, streets, bridges, underpasses
  'area_plan', // area-wide plans: 铁北新城, 金廊/银带, the 双凌 zone as a plan
  'education', // schools, kindergartens, colleges
  'park_ecology', // parks, rivers, mountains, green space
  'culture_tourism', // heritage, memorials, night markets, tourism projects
  'commerce', // markets, malls, commercial streets, office towers
  'public_facility', // clinics, barracks, service centres, utilities
  'rural', // villages and rural areas
]);
export type Category = z.infer<typeof Category>;

/** What a mention says about progress, from its verbs (see geo/items/status.ts). */
export const Status = z.enum(['completed', 'under_way', 'planned']);
export type Status = z.infer<typeof Status>;

/** How well a location is known: the precision ladder of DESIGN.md, best first. */
export const Precision = z.enum(['exact', 'near', 'street', 'area', 'subdistrict', 'district', 'outside']);
export type Precision = z.infer<typeof Precision>;

/** Precisions drawn with a geometry on the map; the others are listed only. */
export const MAPPED_PRECISIONS: readonly Precision[] = ['exact', 'near', 'street', 'area'];

export const YEAR_MIN = 2018;
export const YEAR_MAX = 2026;
export const Year = z.int().check(z.gte(YEAR_MIN), z.lte(YEAR_MAX));

/** Kebab-case ASCII id, stable across builds (used in URLs). */
export const Id = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case ASCII id'));

// ---------------------------------------------------------------- geometry (WGS-84, [lon, lat])

const Lon = z.number().check(z.gte(-180), z.lte(180));
const Lat = z.number().check(z.gte(-90), z.lte(90));
export const Position = z.tuple([Lon, Lat]);
export type Position = z.infer<typeof Position>;

const inRange = (p: unknown): boolean =>
  Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90;

/**
 * At least `min` positions, each as `Position` checks it, in one loop: a line or ring as an array of
 * zod tuples cost ~100 ms of the first load for the basemap's ~6,750 positions (cold, software-
 * rendered page); the loop ~1 ms. A bad position is named by its path, like the tuple's issue.
 */
function positions(min: number) {
  return z.custom<Position[]>((v) => Array.isArray(v), { message: 'expected array' }).check(
    z.superRefine((ps: Position[], ctx) => {
      if (ps.length < min) ctx.addIssue({ code: 'custom', message: `expected array >= ${min} items`, input: ps });
      const bad = ps.findIndex((p) => !inRange(p));
      if (bad >= 0) ctx.addIssue({ code: 'custom', message: 'expected [lon, lat] with lon -180…180, lat -90…90', input: ps[bad], path: [bad] });
    }),
  );
}

export const Point = z.object({ type: z.literal('Point'), coordinates: Position });
export const LineString = z.object({ type: z.literal('LineString'), coordinates: positions(2) });
const Ring = positions(4);
export const Polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).check(z.minLength(1)) });
export const MultiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(Ring).check(z.minLength(1))).check(z.minLength(1)),
});
export const Geometry = z.discriminatedUnion('type', [Point, LineString, Polygon, MultiPolygon]);
export type Geometry = z.infer<typeof Geometry>;

// ---------------------------------------------------------------- the report

export const Span = z.object({ start: NonNegativeInt, end: NonNegativeInt });
export type Span = z.infer<typeof Span>;

/** 一 / 二 / 三 and their (一)…(六), with offsets into the report text. */
export const Section = z.extend(Span, {
  path: z.string(), // e.g. "一", "一.(四)", "三.(三)"
  title: z.string(),
  period: z.enum(['preamble', 'review', 'goals', 'plan', 'closing']),
});
export type Section = z.infer<typeof Section>;

/** A topic paragraph opened by a heading such as "项目建设取得新成效。" (heading may be empty). */
export const Paragraph = z.extend(Span, { index: NonNegativeInt, section: z.string(), heading: z.string() });
export type Paragraph = z.infer<typeof Paragraph>;

export const Sentence = z.extend(Span, {
  index: NonNegativeInt,
  section: z.string(),
  paragraph: NonNegativeInt,
});
export type Sentence = z.infer<typeof Sentence>;

export const Report = z.object({
  id: z.literal('linghe-2022'),
  title: z.string(),
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  speaker: z.string(),
  venue: z.string(),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  text: z.string(),
  sections: z.array(Section),
  paragraphs: z.array(Paragraph),
  sentences: z.array(Sentence),
});
export type Report = z.infer<typeof Report>;

// ---------------------------------------------------------------- items

/** One span of the report that speaks of an item. `quote === report.text.slice(start, end)`. */
export const Mention = z.extend(Span, {
  quote: NonEmpty,
  section: z.string(), // section path, e.g. "三.(三)"
  sentence: NonNegativeInt, // index into report.sentences
  years: z.array(Year).check(z.minLength(1)),
  status: Status,
  /** The words of the report that state the status, joined by 、 (e.g. "建成、通车"); empty for an override. */
  status_words: z.string(),
  /** Which rule decided: a rule id from geo/items/status.ts, or "override". */
  status_rule: z.string(),
  override_reason: z.optional(z.string()),
  override_reason_zh: z.optional(z.string()), // `override_reason` in Chinese
});
export type Mention = z.infer<typeof Mention>;

/** A cited fact used to locate something; `source` resolves in the gazetteer. */
export const Evidence = z.object({
  source: z.string(), // gazetteer entry id
  says: z.string(), // what the source states, in its words (an address, a name match, …)
  src_coordinates: z.nullable(Position), // as published, in src_crs
  src_crs: z.string(), // "GCJ-02", "BD-09", "WGS-84", "none", …
});
export type Evidence = z.infer<typeof Evidence>;

export const Location = z.object({
  precision: Precision,
  geometry: z.nullable(Geometry),
  uncertainty_m: z.nullable(z.number().check(z.gte(0))),
  method: z.string(), // a method id from geo/locate/
  evidence: z.array(Evidence),
  note: z.optional(z.string()),
  note_zh: z.optional(z.string()), // `note` in Chinese (the app shows it when the UI is zh)
  /** Method `contributed`: who placed it, how they know and when (geo/contribute/), shown as text. */
  contribution: z.optional(
    z.object({
      kind: z.enum(['on_site', 'document', 'photo', 'map_service']),
      citation: z.string(),
      date: z.string(),
      contributor: z.optional(z.string()),
      accepted: z.string(),
    }),
  ),
});
export type Location = z.infer<typeof Location>;

/** An item before locating: what the report says (geo/items/ writes these). */
export const ItemDraft = z.object({
  id: Id,
  name: NonEmpty, // zh, as the report names it
  name_en: NonEmpty, // our translation
  category: Category,
  /** Subdistrict codes (e.g. "210703004") and named-area ids (e.g. "tiebei"), see taxonomy.ts. */
  neighbourhoods: z.array(z.string()),
  mentions: z.array(Mention).check(z.minLength(1)),
  /** Candidate place strings of the ledger this item claims. */
  claims: z._default(z.array(z.string()), []),
  note: z.optional(z.string()),
});
export type ItemDraft = z.infer<typeof ItemDraft>;

/**
 * As served. `claims` is required here (the draft's default filled it in before), so a served file
 * holds no defaults or transforms: a file that validates is already its parsed value (data.ts relies
 * on that to check big item files in place).
 */
export const ItemProperties = z.extend(ItemDraft, {
  claims: z.array(z.string()),
  location: z.omit(Location, { geometry: true }),
});
export type ItemProperties = z.infer<typeof ItemProperties>;

/** An item as served: a GeoJSON Feature; `geometry` is null when not mapped (RFC 7946 allows it). */
export const ItemFeature = z.object({
  type: z.literal('Feature'),
  id: Id,
  geometry: z.nullable(Geometry),
  properties: ItemProperties,
});
export type ItemFeature = z.infer<typeof ItemFeature>;

/**
 * Ids are unique: the list is keyed by them and URLs name them, so a duplicate would break the
 * list (Svelte's keyed each) and make a shared link ambiguous. The issue names the second copy.
 */
export const ItemCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(ItemFeature).check(
    z.superRefine((features, ctx) => {
      const seen = new Set<string>();
      features.forEach((f, i) => {
        if (seen.has(f.id)) ctx.addIssue({ code: 'custom', message: `duplicate item id "${f.id}"`, input: f.id, path: [i, 'id'] });
        seen.add(f.id);
      });
    }),
  ),
});
export type ItemCollection = z.infer<typeof ItemCollection>;

// ---------------------------------------------------------------- gazetteer and basemap

/** A cited fact with a coordinate, converted once to WGS-84. */
export const GazetteerEntry = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(), // poi, railway_station, college, monitoring_site, city, boundary, community, …
  address: z.optional(z.string()),
  source: z.string(),
  licence: z.string(),
  src_coordinates: z.nullable(Position),
  src_crs: z.string(),
  coordinates: z.nullable(Position), // WGS-84
  note: z.optional(z.string()),
});
export type GazetteerEntry = z.infer<typeof GazetteerEntry>;

export const Gazetteer = z.object({ entries: z.array(GazetteerEntry) });
export type Gazetteer = z.infer<typeof Gazetteer>;

export const BoundaryFeature = z.object({
  type: z.literal('Feature'),
  geometry: z.union([Polygon, MultiPolygon]),
  properties: z.object({ name: z.string(), adcode: z.string(), is_linghe: z.boolean() }),
});
export const BoundaryCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(BoundaryFeature).check(z.minLength(1)),
});
export type BoundaryCollection = z.infer<typeof BoundaryCollection>;

export const ContextFeature = z.object({
  type: z.literal('Feature'),
  geometry: Point,
  properties: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
});
export const ContextCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(ContextFeature),
});
export type ContextCollection = z.infer<typeof ContextCollection>;

// ---------------------------------------------------------------- stated figures

/** What a stated quantity measures (geo/items/figures.ts decides from its unit). */
export const FigureKind = z.enum(['money', 'area', 'length', 'households', 'dwellings', 'people', 'count', 'percent']);
export type FigureKind = z.infer<typeof FigureKind>;

/** Normalised units: CNY and USD in units (not 万/亿), m² and m, mu (亩) and ha kept as stated. */
export const FigureUnit = z.enum(['CNY', 'USD', 'm2', 'mu', 'ha', 'm', 'household', 'dwelling', 'person', 'person_time', 'item', 'percent']);
export type FigureUnit = z.infer<typeof FigureUnit>;

/** What money is for, from the words of its clause (geo/items/figures.ts MONEY_PURPOSES). */
export const MoneyPurpose = z.enum(['investment', 'funds_obtained', 'output', 'revenue', 'income', 'spending', 'other']);
export type MoneyPurpose = z.infer<typeof MoneyPurpose>;

/**
 * One quantity the report states, `quote === report.text.slice(start, end)` ("1.5亿元"). Attached to
 * every item whose mention overlaps it (`scope: 'item'`: theirs); else linked to the items of one
 * category named in the same clause (`scope: 'sentence'`: stated for the work they are part of,
 * such as "累计投入资金1.9亿元" for 19 小区 of which 五里营子 is named — not any one item's own);
 * else district-wide (geo/items/figures.ts `figureScope`).
 */
export const Figure = z.extend(Span, {
  id: z.string(), // "f<start>": stable while the report text is
  quote: NonEmpty,
  value: z.number().check(z.gte(0)),
  unit: FigureUnit,
  kind: FigureKind,
  /** Counted things of a count (个/家/项…, the classifier as written) or '' for measures. */
  counter: z.string(),
  /** The text qualifies the number (余, 多, 近, 以上, 超过): value is a bound, not exact. */
  approx: z.boolean(),
  purpose: z.nullable(MoneyPurpose), // money only
  section: z.string(),
  sentence: z.nullable(NonNegativeInt),
  scope: z.enum(['item', 'sentence', 'district']),
  /** scope item: items with a mention overlapping the figure (it is theirs); sentence: the items of its clause. */
  items: z.array(Id),
  /** Items named in the same clause but not linked (besides an item's own, or ambiguous): context only. */
  context_items: z.array(Id),
});
export type Figure = z.infer<typeof Figure>;

/** Every run of digits in the report: part of a figure, or dismissed by a named rule. */
export const NumberEntry = z.extend(Span, {
  text: z.string(),
  figure: z.nullable(z.string()),
  dismissed: z.nullable(z.string()), // "rule-id: reason"
});
export type NumberEntry = z.infer<typeof NumberEntry>;

export const Figures = z.object({ figures: z.array(Figure), numbers: z.array(NumberEntry) });
export type Figures = z.infer<typeof Figures>;

// ---------------------------------------------------------------- ledger and manifest

/** Every candidate place mention the finder saw, and who accounts for it. */
export const LedgerEntry = z.extend(Span, {
  text: z.string(),
  rule: z.string(), // which finder rule produced it (suffix:路, gazetteer, …)
  claimed_by: z.nullable(Id),
  dismissed: z.nullable(z.string()), // the reason, when not place-bound
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const Ledger = z.object({ entries: z.array(LedgerEntry) });
export type Ledger = z.infer<typeof Ledger>;

export const Attribution = z.object({ id: z.string(), text: z.string(), licence: z.string() });
export type Attribution = z.infer<typeof Attribution>;

export const Manifest = z.object({
  generated_by: z.string(),
  report_sha256: z.string(),
  /** File name (relative to public/data) → sha256 and byte size, for integrity and benchmarks. */
  files: z.record(z.string(), z.object({ sha256: z.string(), bytes: z.int() })),
  /** Bounding box of Linghe District, WGS-84 [w, s, e, n]: the first view. */
  linghe_bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  attributions: z.array(Attribution),
  counts: z.object({
    items: z.int(),
    mapped: z.int(),
    by_category: z.record(z.string(), z.int()),
    by_status: z.record(z.string(), z.int()),
    by_precision: z.record(z.string(), z.int()),
    by_method: z.record(z.string(), z.int()),
    ledger: z.object({ candidates: z.int(), claimed: z.int(), dismissed: z.int() }),
    /** Digit runs of the report and what became of them (figures.json). */
    figures: z.object({ numbers: z.int(), figures: z.int(), attached: z.int(), sentence: z.int(), district: z.int(), dismissed: z.int() }),
  }),
});
export type Manifest = z.infer<typeof Manifest>;
