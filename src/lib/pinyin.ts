/**
 * Full pinyin and initials of a Chinese name, for search ("songpolu", "song po lu", "spl").
 * pinyin-pro carries a large dictionary, so the app loads this module lazily (see state.svelte.ts)
 * and the first paint does not wait for it.
 */
import { pinyin } from 'pinyin-pro';

export function pinyinOf(zh: string): { full: string; initials: string } {
  // nonZh 'consecutive' keeps Latin letters and digits of a name ("5G") as they are.
  const full = pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join(' ');
  const initials = pinyin(zh, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  return { full: full.toLowerCase(), initials: initials.toLowerCase() };
}
