/**
 * Issue 15 at 10,000 synthetic items (bench/synthetic.ts, built in memory from public/data). Points
 * are drawn by the GPU layer from one byte per point (map-points.spec.ts proves by pixels that it
 * draws what MapLibre's circle layer would); shapes hide by feature-state. Here, at scale: every
 * point in view is drawn exactly when the list's predicate keeps it, in the year's status; no item
 * tile is rebuilt; labels out of zoom range get the filter when the map zooms in; hidden items
 * are no hover targets; a deep link selects; the list still works by
 * keyboard; axe finds nothing serious. One page load: a 10k page is slow on a busy machine.
 */
import type { Page } from '@playwright/test';
import { syntheticItems } from '../../bench/synthetic';
import { statusAt } from '../../src/lib/filters';
import { BoundaryCollection, ItemCollection } from '../../src/lib/schema';
import { expect, openSecondRowByKeyboard, seriousAxe, test } from './fixtures';
import { readData, serve } from './dataFixtures';

const N = 10_000;
const items = syntheticItems(ItemCollection.parse(JSON.parse(readData('items.geojson'))), BoundaryCollection.parse(JSON.parse(readData('basemap/boundaries.geojson'))), { n: N, seed: 15 });
const body = JSON.stringify(items);
const byId = new Map(items.features.map((f) => [f.id, f]));
const CATEGORY = 'road_bridge';
/** pointLayer.ts statusCode */
const code = (s: string) => (s === 'completed' ? 0 : s === 'under_way' ? 1 : 2);

test.describe.configure({ timeout: 180_000 });

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = (window as any).__atlasMap;
    return !!map && map.isStyleLoaded() && map.loaded() && !map.isMoving() && map.querySourceFeatures('items').length > 0;
  }, undefined, { timeout: 120_000, polling: 100 });
}

/** Every point in view (MapLibre's hit layer keeps them all), with what the GPU layer draws for it and where. */
function pointsInView(page: Page): Promise<{ id: string; drawn: boolean; status: number; x: number; y: number }[]> {
  return page.evaluate(() => {
    const w = window as any;
    const byId = new Map<string, any>();
    for (const f of w.__atlasMap.queryRenderedFeatures({ layers: ['items-point'] })) {
      const p = w.__atlasMap.project(f.geometry.coordinates);
      byId.set(f.properties.id, { id: f.properties.id, ...w.__atlasPoint(f.properties.id), x: p.x, y: p.y });
    }
    return [...byId.values()];
  });
}

test('10k items: a deep link selects; a category and a year hide and restyle exactly the right points without re-tiling; hover, keyboard and axe still work', async ({ page }) => {
  // An item with a different status in 2021 than overall, to check the year's restyling on it too.
  const linked = items.features.find((f) => {
    const s = statusAt(f.properties.mentions, 2021);
    return s !== '' && s !== statusAt(f.properties.mentions, null) && f.properties.category !== CATEGORY;
  })!;
  await serve(page, 'items.geojson', body);
  await page.goto(`/?item=${linked.id}#map=12.5/41.12/121.15`);
  await expect(page.getByTestId('item-detail')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', String(N));
  await idle(page);
  expect(await page.evaluate((id) => (window as any).__atlasMap.getFeatureState({ source: 'items', id }), linked.id)).toMatchObject({ selected: true });
  const before = await pointsInView(page);
  expect(before.length).toBeGreaterThan(1000);
  expect(before.filter((p) => !p.drawn)).toEqual([]);

  // Count tiles MapLibre (re)loads for the items while the filters change.
  await page.evaluate(() => {
    const w = window as any;
    w.__itemTiles = 0;
    w.__atlasMap.on('data', (e: any) => {
      if (e.dataType === 'source' && e.tile && String(e.sourceId).startsWith('items')) w.__itemTiles++;
    });
  });
  await page.getByTestId('item-detail').locator('button.back').click();
  await idle(page);
  const bridges = new Set(items.features.filter((f) => f.properties.category === CATEGORY).map((f) => f.id));
  await page.locator(`[data-testid="filter-category"] input[value="${CATEGORY}"]`).check();
  await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', String(bridges.size));
  await idle(page);
  const filtered = await pointsInView(page);
  expect(filtered.map((p) => p.id).sort()).toEqual(before.map((p) => p.id).sort());
  expect(filtered.filter((p) => p.drawn !== bridges.has(p.id)), 'drawn exactly when a bridge').toEqual([]);
  expect(filtered.filter((p) => p.drawn).length).toBeGreaterThan(20);

  // A hidden item with no shown one near it is no hover target (the cursor stays plain)…
  const shown = filtered.filter((p) => p.drawn);
  const lonely = filtered.find((p) => !p.drawn && shown.every((q) => Math.hypot(q.x - p.x, q.y - p.y) > 20));
  expect(lonely).toBeDefined();
  const canvas = page.locator('.maplibregl-canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + lonely!.x, box.y + lonely!.y);
  await expect(canvas).not.toHaveCSS('cursor', 'pointer');
  // …while a shown one is, hidden ones under it or not, and hovering it marks its row.
  const target = shown.find((p) => shown.every((q) => q.id === p.id || Math.hypot(q.x - p.x, q.y - p.y) > 12))!;
  await page.mouse.move(box.x + target.x, box.y + target.y);
  await expect(canvas).toHaveCSS('cursor', 'pointer');
  await page.mouse.move(box.x + 2, box.y + 2);

  await page.locator(`[data-testid="filter-category"] input[value="${CATEGORY}"]`).uncheck();
  await page.locator('[data-testid="filter-year"] button[data-year="2021"]').click();
  await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', String(items.features.filter((f) => statusAt(f.properties.mentions, 2021) !== '').length));
  await idle(page);
  // Every point in view is drawn exactly when it has a 2021 mention, and in its 2021 status.
  const points = await pointsInView(page);
  expect(points.length).toBeGreaterThan(1000);
  const wrongYear = points.filter((p) => {
    const st = statusAt(byId.get(p.id)!.properties.mentions, 2021);
    return p.drawn !== (st !== '') || (st !== '' && p.status !== code(st));
  });
  expect(wrongYear, 'drawn exactly with a 2021 mention, in the 2021 status').toEqual([]);
  expect(points.some((p) => p.status !== code(statusAt(byId.get(p.id)!.properties.mentions, null))), 'some points change status with the year').toBe(true);
  expect(await page.evaluate(() => (window as any).__itemTiles), 'item tiles rebuilt (labels start at z15 here)').toBe(0);

  // Labels (drawn from z15 at this size) were not filtered while out of range; zooming in filters
  // them before their tiles load: every name drawn belongs to an item the year keeps.
  await page.evaluate(() => (window as any).__atlasMap.jumpTo({ center: [121.15, 41.12], zoom: 15.5 }));
  await idle(page);
  const labels: string[] = await page.evaluate(() => (window as any).__atlasMap.queryRenderedFeatures({ layers: ['items-label'] }).map((f: any) => f.properties.id as string));
  expect(labels.length).toBeGreaterThan(3);
  expect(labels.filter((id) => statusAt(byId.get(id)!.properties.mentions, 2021) === ''), 'labels of items without a 2021 mention').toEqual([]);

  // The list still works by keyboard at this size: arrows move the active row, Enter opens it.
  await openSecondRowByKeyboard(page);
  expect(await seriousAxe(page)).toEqual([]);
});
