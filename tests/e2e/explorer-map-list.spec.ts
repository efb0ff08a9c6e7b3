/**
 * The explorer's list and map agree: every filter changes both, hover and selection sync both ways,
 * the detail shows the item's evidence and quotes, and the reader links back to the map.
 */
import type { Page } from '@playwright/test';
import { expect, openSecondRowByKeyboard, test, waitForMapIdle } from './fixtures';

/** Item layers (src/lib/map/itemLayers.ts ITEM_FEATURE_LAYERS). */
const ITEM_LAYERS = ['items-area-fill', 'items-polygon-fill', 'items-line-exact', 'items-line-street', 'items-point'];

interface Rendered {
  id: string;
  category: string;
  hoods: string;
  [k: string]: string;
}

/**
 * Items the map draws right now, one entry per item, read from the map (not pixels): shapes from
 * MapLibre's rendered features less those hidden by feature-state, points from the bytes the GPU
 * layer draws (controller.renderedItems; map-points.spec.ts checks those pixels).
 */
async function rendered(page: Page): Promise<Rendered[]> {
  await waitForMapIdle(page);
  return page.evaluate(() => ((window as any).__atlasRendered() as Rendered[]).sort((a, b) => a.id.localeCompare(b.id)));
}

async function counts(page: Page): Promise<{ n: number; mapped: number }> {
  const list = page.getByTestId('item-list');
  return { n: Number(await list.getAttribute('data-count')), mapped: Number(await list.getAttribute('data-mapped-count')) };
}

/** Waits until the map shows exactly as many items as the list says are mapped, and returns them. */
async function mapAgreesWithList(page: Page): Promise<{ n: number; mapped: number; features: Rendered[] }> {
  let c = await counts(page);
  await expect.poll(async () => (c = await counts(page), (await rendered(page)).length - c.mapped)).toBe(0);
  return { ...c, features: await rendered(page) };
}

async function open(page: Page, url = '/') {
  await page.goto(url);
  await expect(page.getByTestId(url.includes('item=') ? 'item-detail' : 'item-list')).toBeVisible();
  await waitForMapIdle(page);
}

test('every filter changes both the list and the map, and clearing restores all', async ({ page }) => {
  await open(page);
  const all = await mapAgreesWithList(page);
  const manifest = await (await page.request.get('/data/manifest.json')).json();
  expect(all.n).toBe(manifest.counts.items);
  expect(all.mapped).toBe(manifest.counts.mapped);

  // category
  await page.getByTestId('filter-category').getByRole('checkbox', { name: /道路桥梁/ }).check();
  const roads = await mapAgreesWithList(page);
  expect(roads.n).toBeLessThan(all.n);
  expect(roads.features.length).toBeGreaterThan(0);
  expect(new Set(roads.features.map((f) => f.category))).toEqual(new Set(['road_bridge']));
  for (const row of await page.getByTestId('item-row').all()) await expect(row).toHaveAccessibleName(/道路桥梁/);

  // year 2022 on top: items shown with their 2022 status
  await page.getByTestId('filter-year').locator('[data-year="2022"]').click();
  const y2022 = await mapAgreesWithList(page);
  expect(y2022.n).toBeLessThan(roads.n);
  for (const f of y2022.features) expect(f.st2022).not.toBe('');

  // the year's own count is what the list then shows
  await page.getByTestId('filter-year').locator('[data-year="2020"]').click();
  const y2020 = await mapAgreesWithList(page);
  for (const f of y2020.features) expect(f.st2020).not.toBe('');
  expect(y2020.n).not.toBe(y2022.n);

  await page.getByRole('button', { name: '清除全部筛选' }).click();
  expect((await mapAgreesWithList(page)).n).toBe(all.n);

  // status: counts shown on the option are what the list shows
  const planned = page.getByTestId('filter-status').getByRole('checkbox', { name: /计划/ });
  const plannedCount = Number(await planned.locator('xpath=..').locator('.n').textContent());
  await planned.check();
  const p = await mapAgreesWithList(page);
  expect(p.n).toBe(plannedCount);
  for (const f of p.features) expect(f.st).toBe('planned');
  await planned.uncheck();

  // neighbourhood: 铁北 filters and frames the Tiebei area
  await page.getByTestId('filter-neighbourhood').getByRole('checkbox', { name: /铁北/ }).check();
  const tiebei = await mapAgreesWithList(page);
  expect(tiebei.features.length).toBeGreaterThan(0);
  for (const f of tiebei.features) expect(f.hoods).toContain('|tiebei|');
  const framed = await page.evaluate(async () => {
    const map = (window as any).__atlasMap;
    const items = await (await fetch('data/items.geojson')).json();
    const area = items.features.find((f: any) => f.id === 'tiebei-xincheng');
    const pts = area.geometry.coordinates.flat(2);
    const xs = pts.map((p: number[]) => p[0]);
    const ys = pts.map((p: number[]) => p[1]);
    const b = map.getBounds();
    // the area's bbox fills the view (fitBounds with padding)
    return b.contains([Math.min(...xs), Math.min(...ys)]) && b.contains([Math.max(...xs), Math.max(...ys)]) &&
      b.getEast() - b.getWest() < (Math.max(...xs) - Math.min(...xs)) * 2;
  });
  expect(framed).toBe(true);
  await page.getByRole('button', { name: '清除全部筛选' }).click();

  // search: Chinese, pinyin initials and English reach the same item
  const search = page.getByTestId('search');
  for (const q of ['松坡路', 'songpolu', 'spl', 'Songpo Road']) {
    // From the full list each time, and only once this query is applied (the box is debounced),
    // so a query cannot pass on the previous one's results.
    await search.fill('');
    await expect.poll(async () => (await counts(page)).n).toBe(all.n);
    await search.fill(q);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
    await expect(page.getByTestId('item-row').filter({ has: page.locator('text=松坡路') }).first()).toBeVisible();
    const r = await mapAgreesWithList(page);
    expect(r.n, q).toBeLessThan(all.n);
    expect(r.features.map((f) => f.id)).toContain('songpo-lu');
  }
  await search.fill('');
  await expect.poll(async () => (await counts(page)).n).toBe(all.n);
});

test('hover and selection sync list and map both ways; the detail shows evidence and quotes', async ({ page }) => {
  await open(page);
  const id = 'liaoshen-zhanyi-jinianguan';
  const row = page.locator(`[data-testid="item-row"][data-item-id="${id}"]`);

  // list → map: hovering a row sets the feature's hover state
  await page.getByTestId('search').fill('辽沈');
  await row.hover();
  await expect
    .poll(() => page.evaluate((i) => (window as any).__atlasMap.getFeatureState({ source: 'items', id: i }).hover, id))
    .toBe(true);
  await page.getByTestId('search').fill('');
  await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', /\d{2,}/);

  // map → list: hovering the feature highlights (and reveals) its row
  await waitForMapIdle(page);
  const target = await page.evaluate((layers) => {
    const map = (window as any).__atlasMap;
    const f = map.queryRenderedFeatures({ layers: ['items-point'] }).find((x: any) => x.properties.precision === 'exact');
    const p = map.project(f.geometry.coordinates);
    const top = map.queryRenderedFeatures([p.x, p.y], { layers })[0];
    const r = map.getCanvas().getBoundingClientRect();
    return { id: top.properties.id as string, x: r.left + p.x, y: r.top + p.y };
  }, ITEM_LAYERS);
  await page.mouse.move(target.x, target.y);
  await expect(page.locator(`[data-testid="item-row"][data-item-id="${target.id}"]`)).toHaveAttribute('data-hovered', 'true');

  // map → detail: clicking the feature selects it
  await page.mouse.click(target.x, target.y);
  const detail = page.getByTestId('item-detail');
  await expect(detail).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`item=${target.id}`));
  await page.getByRole('button', { name: /返回列表/ }).click();
  await expect(detail).toBeHidden();

  // list → map: clicking a row selects and frames it
  await page.getByTestId('search').fill('辽沈');
  await row.click();
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('辽沈战役纪念馆');
  await expect(detail).toContainText('Liaoshen');
  await expect(detail).toContainText('译名');
  await expect(detail).toContainText('精确');
  await expect(detail.locator('blockquote mark').first()).not.toBeEmpty();
  const quoteOk = await page.evaluate(async (i) => {
    const items = await (await fetch('data/items.geojson')).json();
    const m = items.features.find((f: any) => f.id === i).properties.mentions[0];
    const mark = document.querySelector('[data-testid="item-detail"] blockquote mark')!;
    const bq = mark.closest('blockquote')!;
    return mark.textContent === m.quote && bq.textContent!.length > m.quote.length;
  }, id);
  expect(quoteOk).toBe(true);
  // evidence names its gazetteer source and licence
  await expect(detail.locator('.evidence')).toContainText('辽沈战役纪念馆');
  await expect(detail.locator('.evidence')).toContainText(/许可/);
  await waitForMapIdle(page);
  const state = await page.evaluate((i) => {
    const map = (window as any).__atlasMap;
    return { selected: map.getFeatureState({ source: 'items', id: i }).selected, zoom: map.getZoom() };
  }, id);
  expect(state.selected).toBe(true);
  expect(state.zoom).toBeGreaterThan(14);

  // keyboard: back to the list with Escape, arrows move, Enter selects
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await page.getByTestId('search').fill('');
  await openSecondRowByKeyboard(page);
});

test('the reader links both ways: a selection scrolls to its sentence, a mention selects its item', async ({ page }) => {
  await open(page, '/?item=songpo-lu');
  await expect(page.getByTestId('item-detail')).toBeVisible();
  await page.getByTestId('item-detail').getByRole('button', { name: '在报告中阅读' }).first().click();
  const reader = page.getByTestId('report-reader');
  await expect(reader).toBeVisible();
  await expect(page).toHaveURL(/reader=1/);
  const current = reader.locator('.sent.current').first();
  await expect(current).toBeInViewport();
  await expect(current.locator('a.mention.selected').first()).toContainText('松坡路');
  // the whole report is there, section headings included
  await expect(reader.getByRole('heading', { name: '三、2022年主要工作安排' })).toBeAttached();

  const other = reader.locator('a.mention[data-item-id="liaoshen-zhanyi-jinianguan"]').first();
  await other.scrollIntoViewIfNeeded();
  await other.click();
  await expect(page.getByTestId('item-detail').getByRole('heading', { level: 2 })).toHaveText('辽沈战役纪念馆');
  await expect(page).toHaveURL(/item=liaoshen-zhanyi-jinianguan/);
  await expect(reader.locator('a.mention.selected').first()).toBeInViewport();
});
