import { describe, expect, it } from 'vitest';
import { parseYaml } from './parseYaml';

describe('parseYaml', () => {
  it('parses valid YAML', () => {
    expect(parseYaml('a: 1\nb: [x, y]\n', 'f.yaml')).toEqual({ a: 1, b: ['x', 'y'] });
  });

  it('reports a syntax error as one line with file:line:col and what to do', () => {
    let message = '';
    try {
      parseYaml('a: 1\nb: [1, 2\nc: d: e\n', 'geo/annotations/locations.yaml');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^geo\/annotations\/locations\.yaml:3:1: YAML syntax error: .+; fix the file there/);
    expect(message).not.toContain('\n');
    expect(message).not.toMatch(/at line \d+/);
  });

  it('places a bad indentation on its own line', () => {
    expect(() => parseYaml('items:\n  - id: a\n   name: b\n', 'items.yaml')).toThrow(/^items\.yaml:3:\d+: YAML syntax error/);
  });
});
