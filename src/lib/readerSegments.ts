/**
 * The report cut into renderable runs: per sentence, plain text and the stretches that mention
 * items. Mentions may overlap (two items in one phrase); a stretch links to the item whose mention
 * covering it is the shortest — the most specific reading of those words. Where an item's name
 * appears inside its quote, the name itself is such a shorter span, so five projects listed in one
 * quote ("御锦府、翡翠东湖、兰亭序…") each keep a link on their own name.
 */
import type { ItemFeature, Report } from './schema';

export interface Run {
  text: string;
  /** The item this run links to, or null for plain text. */
  item: string | null;
}

export interface ReaderSentence {
  index: number;
  runs: Run[];
}

export interface ReaderParagraph {
  index: number;
  /** A section's own heading paragraph is rendered as a heading. */
  heading: boolean;
  sentences: ReaderSentence[];
}

interface Span {
  start: number;
  end: number;
  item: string;
}

export function readerSegments(report: Report, items: readonly ItemFeature[]): ReaderParagraph[] {
  const spans: Span[] = [];
  for (const f of items) {
    for (const m of f.properties.mentions) {
      spans.push({ start: m.start, end: m.end, item: f.id });
      const at = m.quote.indexOf(f.properties.name);
      if (at >= 0 && f.properties.name.length < m.quote.length) {
        spans.push({ start: m.start + at, end: m.start + at + f.properties.name.length, item: f.id });
      }
    }
  }
  spans.sort((a, b) => a.start - b.start);

  const headings = new Set(report.sections.map((s) => `${s.start}:${s.title}`));
  let k = 0; // first span that may still reach the current sentence
  const bySentence = report.sentences.map((sent) => {
    while (k < spans.length && spans[k].end <= sent.start) k++;
    const here: Span[] = [];
    for (let j = k; j < spans.length && spans[j].start < sent.end; j++) if (spans[j].end > sent.start) here.push(spans[j]);
    return { index: sent.index, paragraph: sent.paragraph, runs: runs(report.text, sent.start, sent.end, here) };
  });

  return report.paragraphs.map((p) => ({
    index: p.index,
    heading: headings.has(`${p.start}:${report.text.slice(p.start, p.end).trim()}`),
    sentences: bySentence.filter((s) => s.paragraph === p.index),
  }));
}

function runs(text: string, start: number, end: number, spans: Span[]): Run[] {
  const cuts = new Set([start, end]);
  for (const s of spans) {
    cuts.add(Math.max(start, s.start));
    cuts.add(Math.min(end, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    let best: Span | null = null;
    for (const s of spans) if (s.start <= a && s.end >= b && (!best || s.end - s.start < best.end - best.start)) best = s;
    const item = best?.item ?? null;
    const last = out[out.length - 1];
    if (last && last.item === item) last.text += text.slice(a, b);
    else out.push({ text: text.slice(a, b), item });
  }
  return out;
}
