/**
 * `npm run geo:contribute` as a maintainer runs it, against temporary copies: hostile files are each
 * refused with a one-line reason per field and leave the annotations byte-identical; a good one,
 * accepted, is placed by the next `npm run geo` and changes nothing else in the output.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRIBUTION_MAX_BYTES } from '../../src/lib/contribution';
import { copyInputs, contributionFor, fileOf, otherDifferences, REPO, reviewContext, runTs } from './testkit';

const temps: string[] = [];
afterAll(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
};

const contribute = (args: string[]) => runTs('geo/contribute/cli.ts', args);
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const ITEM = 'guizhou-xiaoqu';

describe('npm run geo:contribute', () => {
  it('refuses each hostile file, saying why per field, and changes nothing', () => {
    const dir = tmp('atlas-hostile-');
    const root = copyInputs();
    temps.push(root);
    const annotations = join(root, 'geo/annotations');
    const before = snapshot(annotations);
    const ctx = reviewContext();
    const c = () => contributionFor(ITEM, ctx);
    const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
    const files = {
      'bad-json': write('bad.json', '{"format": "linghe-atlas-contribution/1", "contributions": [{'),
      'wrong-schema': write('schema.json', JSON.stringify({ format: 'something-else', contributions: 'none' })),
      'unknown-item': write('unknown.json', fileOf({ ...c(), item: 'no-such-item' })),
      'self-intersecting': write('kinks.json', fileOf({ ...c(), geometry: { type: 'Polygon', coordinates: [[[121.17, 41.12], [121.18, 41.13], [121.18, 41.12], [121.17, 41.13], [121.17, 41.12]]] } })),
      swapped: write('swapped.json', fileOf({ ...c(), geometry: { type: 'Point', coordinates: [41.121, 121.175] }, evidence: { ...c().evidence, precision: 'near' } })),
      'gcj-as-wgs': write('gcj.json', fileOf({ ...c(), geometry: { type: 'Point', coordinates: [121.165514, 41.101191] }, evidence: { ...c().evidence, kind: 'map_service', precision: 'near' } })),
      html: write('html.json', fileOf({ ...c(), evidence: { ...c().evidence, citation: '<script>alert(1)</script>', contributor: '<img src=x onerror=alert(1)>' } })),
      huge: write('huge.json', fileOf(c()).replace('"created"', `"padding": "${'x'.repeat(10 * 1024 * 1024)}", "created"`)),
      stale: write('stale.json', fileOf({ ...c(), data_version: '0'.repeat(64), before: { precision: 'district', method: 'district' } })),
    };
    const r = contribute([...Object.values(files), '--accept', '--annotations', annotations]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    const block = (name: string) => out.split(/\n(?=[✓✗] )/).find((b) => b.includes(`${files[name as keyof typeof files]}:`)) ?? '';
    expect(block('bad-json')).toMatch(/refused\n\s+\(file\): not JSON \(/);
    expect(block('wrong-schema')).toMatch(/format: /);
    expect(block('wrong-schema')).toMatch(/contributions: /);
    expect(block('unknown-item')).toMatch(/item: no item "no-such-item" in the current data/);
    expect(block('self-intersecting')).toMatch(/geometry: 1 self-intersection\(s\)/);
    expect(block('swapped')).toMatch(/longitude and latitude swapped\?/);
    expect(block('gcj-as-wgs')).toMatch(/crs: position \[121\.165514,41\.101191\] is poi:东湖公园's published GCJ-02 coordinate/);
    expect(block('html')).toMatch(/evidence\.citation: looks like HTML or script/);
    expect(block('html')).toMatch(/evidence\.contributor: looks like HTML or script/);
    expect(block('huge')).toMatch(new RegExp(`\\(file\\): \\d+ bytes, over the ${CONTRIBUTION_MAX_BYTES}-byte limit`));
    expect(block('stale')).toMatch(/data_version: stale/);
    expect(out).not.toMatch(/\n\s+at /); // no stack traces
    expect(out).toMatch(/9 refused; nothing written/);
    expect(snapshot(annotations)).toEqual(before);
  }, 180_000);

  it('accepts into a copy of the annotations; the rebuild places the item and changes nothing else', () => {
    const root = copyInputs();
    temps.push(root);
    const annotations = join(root, 'geo/annotations');
    const ctx = reviewContext();
    const c = contributionFor(ITEM, ctx);
    c.evidence.citation = 'Lived there 2009–2020: "east gate" & <3 the park';
    const file = join(tmp('atlas-contrib-'), 'c.json');
    writeFileSync(file, fileOf(c));
    const diff = `${file}.diff.geojson`;
    const r = contribute([file, '--accept', '--annotations', annotations, '--diff', diff]);
    expect(r.stdout).toMatch(/accepted 1 into/);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(diff, 'utf8')).features).toHaveLength(1);
    // A before/after picture next to the contribution file, named in the output.
    const svg = join(dirname(file), `c.${ITEM}.review.svg`);
    expect(r.stdout).toContain(`before/after picture: ${svg}`);
    expect(readFileSync(svg, 'utf8')).toMatch(/class="outline"[\s\S]*class="after"[\s\S]*class="caption"[^>]*>guizhou-xiaoqu /);
    // Stored as text, verbatim.
    const stored = JSON.parse(readFileSync(join(annotations, 'contributions.json'), 'utf8'));
    expect(stored[ITEM].evidence.citation).toBe(c.evidence.citation);

    const build = runTs('geo/cli.ts', [], { ATLAS_ROOT: root });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const out = join(root, 'public/data');
    const read = (dir: string, f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const repoData = join(REPO, 'public/data');

    const items = read(out, 'items.geojson').features;
    const placed = items.find((f: { id: string }) => f.id === ITEM);
    expect(placed.geometry).toEqual(c.geometry);
    expect(placed.properties.location).toMatchObject({
      precision: 'exact',
      method: 'contributed',
      uncertainty_m: 40,
      evidence: [{ source: `contribution:${ITEM}`, says: c.evidence.citation, src_crs: 'WGS-84', src_coordinates: c.geometry.type === 'Polygon' ? c.geometry.coordinates[0][0] : null }],
      contribution: { kind: 'on_site', citation: c.evidence.citation, date: '2026-11-30', contributor: 'Li Hua' },
    });
    // Nothing else changed: every other item, entry and layer feature; the other files byte for byte.
    expect(otherDifferences(out, repoData, ITEM)).toEqual([]);
    expect(read(out, 'layers/items-polygon.geojson').features.some((x: { properties: { id: string } }) => x.properties.id === ITEM)).toBe(true);
    const [m, m0] = [read(out, 'manifest.json').counts, read(repoData, 'manifest.json').counts];
    expect(m.by_method.contributed).toBe((m0.by_method.contributed ?? 0) + 1);
    expect(m.mapped).toBe(m0.mapped + 1);
  }, 180_000);
});
