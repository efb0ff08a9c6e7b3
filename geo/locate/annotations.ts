/**
 * geo/annotations/locations.yaml: which locating method applies to which item, and the cited
 * facts it uses. Human-readable and reviewed by hand; parsed strictly so a typo is an error that
 * names the item, not a silently unlocated item.
 */
import { z } from 'zod';
import { Id } from '../../src/lib/schema';
import { parseYaml } from '../parseYaml';

/**
 * Every entry explains itself in both UI languages: `note` (English) and `note_zh` (Chinese, the
 * same facts; place names as the report writes them). Required, so no entry can lack either.
 */
const common = { note: z.string().min(1), note_zh: z.string().min(1) };

export const LocationAnnotation = z.discriminatedUnion('method', [
  /** The item IS a cited place: its own POI (exact) or one whose position is loose (near). */
  z.object({ method: z.literal('cited-place'), source: z.string(), precision: z.enum(['exact', 'near']), uncertainty_m: z.number().min(0).optional(), ...common }).strict(),
  /** A cited POI states an offset from a crossing; the item is at that crossing. */
  z.object({ method: z.literal('crossing-offset'), source: z.string(), ...common }).strict(),
  /** A street known through the cited points whose addresses name it. */
  z.object({
    method: z.literal('street-points'),
    street: z.string().min(1),
    /** A floor for the radius, when the item is somewhere on the street but not at its cited points. */
    uncertainty_m: z.number().min(0).optional(),
    ...common,
  }).strict(),
  /** Linghe north of a line: the railway through cited stations, or a street known by points. */
  z.object({
    method: z.literal('north-of-line'),
    line: z.union([z.object({ stations: z.array(z.string()).min(2) }).strict(), z.object({ street: z.string().min(1) }).strict()]),
    ...common,
  }).strict(),
  /** A community (or subdistrict) named by the report: subdistrict precision, no geometry. */
  z.object({ method: z.literal('community-name'), source: z.string(), ...common }).strict(),
  /** District-wide, or inside Linghe with no better evidence. */
  z.object({ method: z.literal('district'), ...common }).strict(),
  /** Outside Linghe, with the evidence that says so (gazetteer ids; a point only if one is the thing). */
  z.object({ method: z.literal('outside'), sources: z.array(z.string()), point: z.string().optional(), ...common }).strict(),
]);
export type LocationAnnotation = z.infer<typeof LocationAnnotation>;

export const LocationsFile = z.record(Id, LocationAnnotation);
export type LocationsFile = z.infer<typeof LocationsFile>;

/** One line per problem: the file, the item id and the field, what is wrong. */
export function parseLocations(text: string, file = 'locations.yaml'): LocationsFile {
  const raw = (parseYaml(text, file) ?? {}) as unknown;
  const result = LocationsFile.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => {
      const [id, ...field] = i.path.map(String);
      const where = id === undefined ? '(top level)' : `item "${id}"${field.length ? ` field ${field.join('.')}` : ''}`;
      return `${file}: ${where}: ${i.message}`;
    });
    throw new Error(issues.join('\n'));
  }
  return result.data;
}
