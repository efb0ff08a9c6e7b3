import type { Page } from '@playwright/test';
import { expect, goInApp, test, waitForMapIdle } from './fixtures';

/** Ids of items whose label is rendered, and the property the labels draw their text from. */
async function labelState(page: Page): Promise<{ ids: string[]; field: string }> {
  return page.evaluate(() => {
    const map = (window as any).__atlasMap;
    const fs = map.queryRenderedFeatures({ layers: ['items-label', 'items-label-line'] });
    return { ids: [...new Set(fs.map((f: any) => f.properties.id))] as string[], field: map.getLayoutProperty('items-label', 'text-field')[1] };
  });
}

test('mapped items are labelled in the UI language, and labels follow the filters', async ({ page }) => {
  await page.goto('/?item=liaoshen-zhanyi-jinianguan');
  await waitForMapIdle(page);
  await expect.poll(() => labelState(page)).toEqual({ ids: expect.arrayContaining(['liaoshen-zhanyi-jinianguan']), field: 'name' });

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await waitForMapIdle(page);
  await expect.poll(() => labelState(page)).toEqual({ ids: expect.arrayContaining(['liaoshen-zhanyi-jinianguan']), field: 'name_en' });

  // A category that excludes the memorial removes its label with its symbol (the filter arrives
  // in-app, as back/forward or a chip would set it: no second load of the map).
  await goInApp(page, '/?item=liaoshen-zhanyi-jinianguan&category=road_bridge');
  await expect(page.getByTestId('filter-category').locator('input[value="road_bridge"]')).toBeChecked();
  await waitForMapIdle(page);
  await expect.poll(async () => (await labelState(page)).ids).not.toContain('liaoshen-zhanyi-jinianguan');
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('areas are named in the UI language, and item names come before reference places', async ({ page }) => {
    const rendered = (layer: string, key = 'id') =>
      page.evaluate(
        ([l, k]) => [...new Set((window as any).__atlasMap.queryRenderedFeatures({ layers: [l] }).map((f: any) => f.properties[k]))].sort() as string[],
        [layer, key],
      );
    await page.goto('/');
    await waitForMapIdle(page);
    // the district view: 铁北 is named over its hatching, and items are named
    await expect.poll(() => rendered('items-label-area')).toContain('tiebei-xincheng');
    expect((await rendered('items-label')).length + (await rendered('items-label-line')).length).toBeGreaterThan(0);
    const zoom = await page.evaluate(() => (window as any).__atlasMap.getZoom());
    // a reference place is never named where items are not: colleges only from where item names show
    expect(await rendered('context-label', 'kind')).not.toContain('college');
    expect(zoom).toBeLessThan(12);
    // item labels sit above the basemap's, so they win a collision
    const order = await page.evaluate(() => (window as any).__atlasMap.getStyle().layers.map((l: any) => l.id) as string[]);
    for (const id of ['items-label-area', 'items-label', 'items-label-line']) expect(order.indexOf(id)).toBeGreaterThan(order.indexOf('context-label'));

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.evaluate(() => (window as any).__atlasMap.getLayoutProperty('items-label-area', 'text-field')[1])).toBe('name_en');
    await waitForMapIdle(page);
    await expect.poll(() => rendered('items-label-area', 'name_en')).toContain('Tiebei New Town');
    // the basemap in English too: districts and reference places, pinyin where no English name exists
    const districts = () => page.evaluate(() => (window as any).__atlasMap.querySourceFeatures('district-labels').map((f: any) => f.properties.name_en));
    await expect.poll(districts).toEqual(expect.arrayContaining(['Linghe District', 'Guta District']));
    for (const layer of ['context-label', 'district-label']) {
      expect(await page.evaluate((l) => (window as any).__atlasMap.getLayoutProperty(l, 'text-field'), layer)).toEqual(['coalesce', ['get', 'name_en'], ['get', 'name']]);
    }
    // close in, where reference places are named (八一公园 is one)
    await page.evaluate(() => (window as any).__atlasMap.jumpTo({ center: [121.1679, 41.1111], zoom: 14.5 }));
    await waitForMapIdle(page);
    const context = await rendered('context-label', 'name_en');
    expect(context.length).toBeGreaterThan(0);
    for (const n of context) expect(n).toMatch(/^[^\u4e00-\u9fff]+$/);
  });
});
