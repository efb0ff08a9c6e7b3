import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { otherDifferences, REPO } from './testkit';

describe('otherDifferences', () => {
  it('ignores the placed item but names any other change', () => {
    const data = join(REPO, 'public/data');
    const dir = mkdtempSync(join(tmpdir(), 'atlas-diff-'));
    try {
      cpSync(data, dir, { recursive: true });
      const path = join(dir, 'items.geojson');
      const items = JSON.parse(readFileSync(path, 'utf8'));
      items.features[0].properties.name_en += ' (changed)';
      writeFileSync(path, JSON.stringify(items));
      expect(otherDifferences(dir, data, items.features[0].id)).toEqual([]);
      expect(otherDifferences(dir, data, items.features[1].id)).toEqual(['items.geojson: another feature changed']);
      writeFileSync(join(dir, 'ledger.json'), '{}');
      expect(otherDifferences(dir, data, items.features[0].id)).toEqual(['ledger.json: changed']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
