import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeOutputAtomic, type OutputFs } from './writeOutputAtomic';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A parent folder holding data/ with a last good build of two files. */
function lastGoodBuild(): { parent: string; out: string } {
  const parent = fs.mkdtempSync(join(tmpdir(), 'atlas-out-'));
  temps.push(parent);
  const out = join(parent, 'data');
  writeOutputAtomic(out, new Map([['a.json', 'old a\n'], ['basemap/b.json', 'old b\n']]));
  return { parent, out };
}

/** Every file under `dir`, path → bytes. */
function snapshot(dir: string): Record<string, string> {
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return Object.fromEntries(files.map((d) => [join(d.parentPath, d.name).slice(dir.length), fs.readFileSync(join(d.parentPath, d.name), 'base64')]));
}

/** `what` fails once, on the call after `after` successful ones (a transient ENOSPC). */
const failing = (what: keyof OutputFs, after: number): OutputFs => {
  let calls = 0;
  return {
    ...fs,
    [what]: (...args: unknown[]) => {
      if (++calls === after + 1) throw Object.assign(new Error(`ENOSPC: no space left on device (injected, ${what})`), { code: 'ENOSPC' });
      return (fs[what] as (...a: unknown[]) => unknown)(...args);
    },
  } as OutputFs;
};

const next = new Map([['a.json', 'new a\n'], ['basemap/b.json', 'new b\n'], ['c.json', 'new c\n']]);

describe('writeOutputAtomic', () => {
  it('replaces the folder as a whole: new files in, files no longer made gone', () => {
    const { parent, out } = lastGoodBuild();
    writeOutputAtomic(out, new Map([['a.json', 'new a\n'], ['c.json', 'c\n']]));
    expect(fs.readdirSync(out).sort()).toEqual(['a.json', 'c.json']);
    expect(fs.readFileSync(join(out, 'a.json'), 'utf8')).toBe('new a\n');
    expect(fs.readdirSync(parent)).toEqual(['data']);
  });

  // Each write-phase failure: after 0, 1, 2 files written, and the final renames.
  const faults: [keyof OutputFs, number][] = [['writeFileSync', 0], ['writeFileSync', 1], ['writeFileSync', 2], ['renameSync', 0], ['renameSync', 1], ['mkdirSync', 2]];
  for (const [what, after] of faults) {
    it(`leaves the last good build byte-identical and no temp folder when ${what} fails after ${after} call(s)`, () => {
      const { parent, out } = lastGoodBuild();
      const before = snapshot(out);
      expect(() => writeOutputAtomic(out, next, failing(what, after))).toThrow(/ENOSPC/);
      expect(snapshot(out)).toEqual(before);
      expect(fs.readdirSync(parent)).toEqual(['data']);
    });
  }

  it('removes a temp folder a killed run left behind', () => {
    const { parent, out } = lastGoodBuild();
    fs.mkdirSync(join(parent, '.data-tmp-Killed/basemap'), { recursive: true });
    fs.writeFileSync(join(parent, '.data-tmp-Killed/basemap/half.json'), '{"trunc');
    writeOutputAtomic(out, next);
    expect(fs.readdirSync(parent)).toEqual(['data']);
    expect(fs.readFileSync(join(out, 'c.json'), 'utf8')).toBe('new c\n');
  });

  it('creates the folder on a first run', () => {
    const parent = fs.mkdtempSync(join(tmpdir(), 'atlas-out-'));
    temps.push(parent);
    writeOutputAtomic(join(parent, 'public/data'), next);
    expect(fs.readdirSync(join(parent, 'public'))).toEqual(['data']);
    expect(Object.keys(snapshot(join(parent, 'public/data'))).length).toBe(3);
  });
});
