import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { END, performanceSection, replaceSection, START } from './readme';
import type { Summary } from './table';

describe('the README performance section', () => {
  const results = JSON.parse(readFileSync('bench/results.json', 'utf8')) as Summary;

  it('is what bench/readme.ts writes from the committed results.json (regenerate, never hand-edit)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme.slice(readme.indexOf(START) + START.length + 1, readme.indexOf(END) - 1)).toBe(performanceSection(results));
  });

  it('replaces only the text between the markers, and refuses a README without them', () => {
    expect(replaceSection(`a\n${START}\nold\n${END}\nb`, 'new')).toBe(`a\n${START}\nnew\n${END}\nb`);
    expect(() => replaceSection('no markers', 'x')).toThrow(/no <!-- bench:start/);
  });

  it('takes its figures from the results', () => {
    expect(performanceSection(results)).toContain(String(results.load_ratio_vs_bare));
  });
});
