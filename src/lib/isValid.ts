/**
 * zod's ahead-of-time compiled validator, in a chunk of its own: only big files need it, and its
 * code generator would otherwise add to every first load.
 */
import { z } from 'zod/mini';

const compiled = new WeakMap<z.ZodMiniType, z.ZodMiniType>();

/** Whether `value` matches `schema` (same answer as `schema.safeParse(value).success`). */
export function isValid(schema: z.ZodMiniType, value: unknown): boolean {
  let c = compiled.get(schema);
  if (!c) compiled.set(schema, (c = z.compile(schema)));
  return z.validate(c, value);
}
