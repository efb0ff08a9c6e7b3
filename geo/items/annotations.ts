/**
 * The curated item annotations (geo/annotations/items.yaml): validated, then resolved against the
 * report into ItemDrafts whose every mention is an exact span of the text.
 *
 * Errors name the file, the item and the path of the bad value, because the curator edits YAML by
 * hand and must find the line: `items.yaml: item "xuzhou-jie" mentions[1].quote: …`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseYaml } from '../parseYaml.ts';
import { z } from 'zod';
import { Category, Id, ItemDraft, Status, Year } from '../../src/lib/schema.ts';
import type { Mention, Report } from '../../src/lib/schema.ts';
import { NEIGHBOURHOOD_IDS } from '../../src/lib/taxonomy.ts';
import { sectionAt, sentenceAt } from './segment.ts';
import { statusFor, yearsFor } from './status.ts';

export const ITEMS_PATH = 'geo/annotations/items.yaml';

export const MentionAnnotation = z
  .object({
    quote: z.string().min(1),
    /** 1-based; only needed when the quote occurs more than once. */
    occurrence: z.number().int().min(1).optional(),
    status: z.optional(Status), // Status is a zod/mini schema: no .optional() method
    years: z.array(Year).min(1).optional(),
    reason: z.string().trim().min(1).optional(),
    /** `reason` in Chinese: the app shows the curator's note in the UI's language. */
    reason_zh: z.string().trim().min(1).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const overrides = m.status !== undefined || m.years !== undefined;
    if (overrides && m.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'an override (status/years) needs a reason' });
    }
    if (m.reason !== undefined && m.reason_zh === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason_zh'], message: 'a reason needs its Chinese twin (reason_zh)' });
    }
    if (!overrides && m.reason !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a reason without a status/years override explains nothing' });
    }
  });
export type MentionAnnotation = z.infer<typeof MentionAnnotation>;

export const ItemAnnotation = z
  .object({
    id: Id,
    name: z.string().min(1),
    name_en: z.string().min(1),
    category: Category,
    neighbourhoods: z
      .array(z.string().refine((n) => NEIGHBOURHOOD_IDS.has(n), { message: 'not a neighbourhood id of taxonomy.ts' }))
      .default([]),
    claims: z.array(z.string().min(1)).default([]),
    note: z.string().optional(),
    mentions: z.array(MentionAnnotation).min(1),
  })
  .strict();
export type ItemAnnotation = z.infer<typeof ItemAnnotation>;

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

function itemLabel(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `item "${id}"` : `item #${index + 1}`;
}

/** Validates parsed YAML; throws on the first bad item with every issue of that item. */
export function validateAnnotations(raw: unknown, file = 'items.yaml'): ItemAnnotation[] {
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a list of items, got ${raw === null ? 'nothing' : typeof raw}`);
  const seen = new Map<string, number>();
  return raw.map((entry, index) => {
    const result = ItemAnnotation.safeParse(entry);
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${issuePath(i.path) || '(item)'}: ${i.message}`);
      throw new Error(`${file}: ${itemLabel(entry, index)} ${issues.join('; ')}`);
    }
    const first = seen.get(result.data.id);
    if (first !== undefined) {
      throw new Error(`${file}: item "${result.data.id}" id: duplicate (also item #${first + 1})`);
    }
    seen.set(result.data.id, index);
    return result.data;
  });
}

export function parseAnnotations(yamlText: string, file = 'items.yaml'): ItemAnnotation[] {
  const raw = parseYaml(yamlText, file);
  return validateAnnotations(raw, file);
}

export function loadAnnotations(path: string): ItemAnnotation[] {
  if (!existsSync(path)) throw new Error(`${path}: missing (the curated items; see geo/items/annotations.ts)`);
  return parseAnnotations(readFileSync(path, 'utf8'), path.split('/').pop());
}

/** All start offsets of `needle` in `text`, overlapping ones included. */
export function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** One mention resolved against the report: span, sentence, section, status and years. */
export function resolveMention(report: Report, m: MentionAnnotation): Mention {
  const found = occurrences(report.text, m.quote);
  if (found.length === 0) throw new Error(`quote "${m.quote}": not in the report`);
  if (m.occurrence === undefined && found.length > 1) {
    throw new Error(`quote "${m.quote}": ambiguous, occurs ${found.length} times (at ${found.join(', ')}); add occurrence`);
  }
  if (m.occurrence !== undefined && m.occurrence > found.length) {
    throw new Error(`quote "${m.quote}": occurrence ${m.occurrence} asked, only ${found.length} in the report`);
  }
  const start = found[(m.occurrence ?? 1) - 1];
  const end = start + m.quote.length;
  const sentence = sentenceAt(report.sentences, start);
  if (!sentence || end > sentence.end) {
    throw new Error(`quote "${m.quote}" (at ${start}): crosses a sentence boundary; quote within one sentence`);
  }
  const section = sectionAt(report.sections, start);
  const quote = { start, end };
  const status = m.status
    ? // The report's own words go in status_words (the app shows them in 「」); an override has
      // none of its own, its reasoning is the curator's and travels as override_reason.
      { status: m.status, status_words: '', status_rule: 'override' }
    : statusFor(report.text, sentence, quote, section.period);
  const years = m.years ? [...new Set(m.years)].sort((a, b) => a - b) : yearsFor(report.text, sentence, quote, section.period).years;
  return {
    start,
    end,
    quote: m.quote,
    section: section.path,
    sentence: sentence.index,
    years,
    ...status,
    ...(m.reason !== undefined ? { override_reason: m.reason } : {}),
    ...(m.reason_zh !== undefined ? { override_reason_zh: m.reason_zh } : {}),
  };
}

/** ItemDrafts of validated annotations; errors name the item and the mention. */
export function resolveItems(report: Report, items: readonly ItemAnnotation[], file = 'items.yaml'): ItemDraft[] {
  return items.map((item) => {
    const mentions = item.mentions.map((m, i) => {
      try {
        return resolveMention(report, m);
      } catch (e) {
        throw new Error(`${file}: item "${item.id}" mentions[${i}].quote: ${(e as Error).message}`);
      }
    });
    const { mentions: _, ...rest } = item;
    const parsed = ItemDraft.safeParse({ ...rest, mentions });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${issuePath(i.path)}: ${i.message}`);
      throw new Error(`${file}: item "${item.id}" ${issues.join('; ')}`);
    }
    return parsed.data;
  });
}
