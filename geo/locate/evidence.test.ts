import { describe, expect, it } from 'vitest';
import { joinNotes, joinNotesZh, withNotes } from './evidence';

describe('joinNotesZh', () => {
  it('ends each sentence with 。 and joins without spaces, skipping empty parts', () => {
    expect(joinNotesZh('道路工程', undefined, ' ', '沿松坡路的3个引用点连线。')).toBe('道路工程。沿松坡路的3个引用点连线。');
  });
  it('keeps a sentence that already ends in 。！？ as it is', () => {
    expect(joinNotesZh('完成！', '为何？', '好。')).toBe('完成！为何？好。');
  });
  it('still ends a sentence that closes with a bracket (unlike English)', () => {
    expect(joinNotesZh('以锦州站为准（OSM）')).toBe('以锦州站为准（OSM）。');
    expect(joinNotes('by 锦州站 (OSM)')).toBe('by 锦州站 (OSM)');
  });
});

describe('withNotes', () => {
  it('puts the annotation note first and what the method adds after it, in each language', () => {
    expect(withNotes({ note: 'road works', note_zh: '道路工程' }, 'Line through 2 points.', '2个点连线。')).toEqual({
      note: 'road works. Line through 2 points.',
      note_zh: '道路工程。2个点连线。',
    });
  });
});
