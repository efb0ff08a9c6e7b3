/**
 * The coverage ledger: every candidate place mention of the report is CLAIMED by an item,
 * DISMISSED with a reason (geo/annotations/ledger.yaml), or UNACCOUNTED — and the build refuses
 * unaccounted ones, so no place of the report is silently left off the map.
 *
 * Claim rule (one, on purpose): a candidate is claimed by the first item (in file order) that lists
 * the candidate's exact text in `claims` AND has a mention whose span overlaps the candidate's span
 * (inside or crossing). The claim is thus tied to where the item is quoted: an item claiming 徐州街
 * claims it where its mention speaks of it, not every 徐州街 of the report.
 * Dismissal: `text` equal to the candidate's, and `at` (start offsets) absent or listing its start.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseYaml } from '../parseYaml.ts';
import { z } from 'zod';
import type { ItemDraft, Ledger, LedgerEntry } from '../../src/lib/schema.ts';
import type { Candidate } from './candidates.ts';

export const LEDGER_PATH = 'geo/annotations/ledger.yaml';

export const Dismissal = z
  .object({
    text: z.string().min(1),
    reason: z.string().trim().min(1),
    at: z.array(z.number().int().min(0)).min(1).optional(),
  })
  .strict();
export type Dismissal = z.infer<typeof Dismissal>;

export function parseDismissals(yamlText: string, file = 'ledger.yaml'): Dismissal[] {
  const raw = parseYaml(yamlText, file);
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a list of dismissals, got ${typeof raw}`);
  return raw.map((entry, i) => {
    const result = Dismissal.safeParse(entry);
    if (result.success) return result.data;
    const text = (entry as { text?: unknown } | null)?.text;
    const label = typeof text === 'string' ? `dismissal[${i}] "${text}"` : `dismissal[${i}]`;
    throw new Error(`${file}: ${label} ${result.error.issues.map((x) => `${x.path.join('.') || '(entry)'}: ${x.message}`).join('; ')}`);
  });
}

/** Dismissals of ledger.yaml; a missing file means none yet. */
export function loadDismissals(path: string): Dismissal[] {
  return existsSync(path) ? parseDismissals(readFileSync(path, 'utf8'), path.split('/').pop()) : [];
}

export interface StaleDismissal {
  dismissal: Dismissal;
  /** Offsets of `at` that match no unclaimed candidate; all of them (or [-1] without `at`). */
  unmatched: number[];
}

export interface UnmatchedClaim {
  item: string;
  text: string;
}

export interface LedgerResult {
  ledger: Ledger;
  unaccounted: LedgerEntry[];
  /** Dismissals (or `at` offsets) that account for no candidate: stale, or shadowed by a claim. */
  stale: StaleDismissal[];
  /** Claims that account for no candidate: fine (the finder may not produce the text), but counted. */
  unmatchedClaims: UnmatchedClaim[];
  counts: { candidates: number; claimed: number; dismissed: number; unaccounted: number };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function buildLedger(candidates: readonly Candidate[], drafts: readonly ItemDraft[], dismissals: readonly Dismissal[]): LedgerResult {
  const usedClaims = new Set<string>();
  const usedDismissals = new Map<Dismissal, Set<number>>();
  const entries: LedgerEntry[] = candidates.map((c) => {
    const claimer = drafts.find((d) => d.claims.includes(c.text) && d.mentions.some((m) => overlaps(m, c)));
    if (claimer) {
      usedClaims.add(`${claimer.id}\u0000${c.text}`);
      return { ...c, claimed_by: claimer.id, dismissed: null };
    }
    const dismissal = dismissals.find((d) => d.text === c.text && (!d.at || d.at.includes(c.start)));
    if (dismissal) {
      usedDismissals.set(dismissal, (usedDismissals.get(dismissal) ?? new Set()).add(c.start));
      return { ...c, claimed_by: null, dismissed: dismissal.reason };
    }
    return { ...c, claimed_by: null, dismissed: null };
  });

  const stale: StaleDismissal[] = dismissals.flatMap((d) => {
    const used = usedDismissals.get(d);
    if (!d.at) return used ? [] : [{ dismissal: d, unmatched: [-1] }];
    const unmatched = d.at.filter((at) => !used?.has(at));
    return unmatched.length > 0 ? [{ dismissal: d, unmatched }] : [];
  });
  const unmatchedClaims = drafts.flatMap((d) =>
    d.claims.filter((text) => !usedClaims.has(`${d.id}\u0000${text}`)).map((text) => ({ item: d.id, text })),
  );
  const unaccounted = entries.filter((e) => e.claimed_by === null && e.dismissed === null);
  return {
    ledger: { entries },
    unaccounted,
    stale,
    unmatchedClaims,
    counts: {
      candidates: entries.length,
      claimed: entries.filter((e) => e.claimed_by !== null).length,
      dismissed: entries.filter((e) => e.dismissed !== null).length,
      unaccounted: unaccounted.length,
    },
  };
}

/** One line per unaccounted candidate: text, offset, rule and 20 characters of context each side. */
export function describeUnaccounted(text: string, unaccounted: readonly LedgerEntry[]): string {
  return unaccounted
    .map((e) => {
      const before = text.slice(Math.max(0, e.start - 20), e.start);
      const after = text.slice(e.end, e.end + 20);
      return `  ${e.text} @${e.start} (${e.rule}): …${before}【${e.text}】${after}…`;
    })
    .join('\n');
}
