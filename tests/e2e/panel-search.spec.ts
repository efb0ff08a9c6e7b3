/**
 * Issue 11, the panel half: one search that finds places and neighbourhoods and moves the map,
 * an empty result that offers the next step, the panel's lead and active-filter chips (visible
 * without scrolling from a shared link), the list order in the URL — at desktop and phone size,
 * axe clean in the new states.
 */
import type { Page } from '@playwright/test';
import { expect, test, waitForMapIdle } from './fixtures';

const PHONE = { width: 390, height: 844 };

async function center(page: Page): Promise<{ lng: number; lat: number; zoom: number }> {
  return page.evaluate(() => {
    const map = (window as any).__atlasMap;
    const c = map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  });
}

/** Waits until the map has moved to within ~200 m of a point and stopped. */
async function expectMapAt(page: Page, lng: number, lat: number): Promise<void> {
  await page.waitForFunction(
    ([x, y]) => {
      const map = (window as any).__atlasMap;
      const c = map.getCenter();
      return !map.isMoving() && Math.abs(c.lng - x) < 0.003 && Math.abs(c.lat - y) < 0.002;
    },
    [lng, lat],
    { timeout: 15_000 },
  );
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

for (const size of ['desktop', 'phone'] as const) {
  test.describe(size, () => {
    if (size === 'phone') test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

    test('search finds 古塔 and 八一公园 and moves the map; 铁北 finds all 4 of its items', async ({ page }) => {
      await page.goto('/');
      await waitForMapIdle(page);
      const search = page.getByTestId('search');
      const popup = page.getByTestId('search-suggestions');

      // 古塔: a basemap label, chosen with the pointer (a tap on the phone)
      await search.fill('古塔');
      await expect(search).toHaveAttribute('aria-expanded', 'true');
      const gutaOption = popup.locator('[role="option"][data-key="place:锦州古塔历史文化公园"]');
      await expect(gutaOption).toBeVisible();
      const before = await center(page);
      if (size === 'phone') await gutaOption.tap();
      else await gutaOption.click();
      await expectMapAt(page, 121.119, 41.1083);
      expect((await center(page)).zoom).toBeGreaterThan(before.zoom);
      await expect(page.getByTestId('search-done')).toContainText('锦州古塔历史文化公园');
      await expect(search).toHaveAttribute('aria-expanded', 'false');

      // 八一公园: chosen with the keyboard (the exact name is the first place)
      await search.fill('八一公园');
      await expect(popup.getByRole('option').first()).toBeVisible();
      await search.press('ArrowDown');
      await expect(search).toHaveAttribute('aria-activedescendant', 'search-opt-0');
      await expect(popup.locator('#search-opt-0')).toHaveAttribute('data-key', 'place:八一公园');
      await search.press('Enter');
      await expectMapAt(page, 121.1679, 41.1111);

      // 铁北: the neighbourhood and its 4 items are suggested; Enter filters the list to them
      await search.fill('铁北');
      await expect(popup.locator('[role="option"][data-key="hood:tiebei"]')).toContainText('4');
      await expect(popup.getByRole('group', { name: '事项' }).getByRole('option')).toHaveCount(4);
      expect(await seriousViolations(page), 'suggestions open').toEqual([]);
      await search.press('Enter');
      await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', '4');
      await expect(page.getByTestId('active-filters').locator('[data-facet="q"]')).toBeVisible();

      // choosing the neighbourhood sets its filter and frames it
      await search.fill('铁北');
      await popup.locator('[role="option"][data-key="hood:tiebei"]').click();
      await expect(page.getByTestId('active-filters').locator('[data-facet="hood"][data-value="tiebei"]')).toBeVisible();
      await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', '4');
      await expect(page).toHaveURL(/\?hood=tiebei(#|$)/);
    });

    test('an empty search offers the report text and says when a neighbouring district is meant', async ({ page }) => {
      await page.goto('/?lang=en');
      await waitForMapIdle(page);
      const search = page.getByTestId('search');
      await search.fill('古塔区');
      await expect(page.getByTestId('search-outside')).toContainText('古塔区 is outside Linghe');
      // words of the report that name no item or place: the report option opens the reader there
      await search.fill('营商环境');
      await expect(page.getByTestId('search-none')).toBeVisible();
      const report = page.getByTestId('search-suggestions').locator('[data-key="report"]');
      await expect(report).toContainText('in the report text');
      expect(await seriousViolations(page), 'empty result').toEqual([]);
      await report.click();
      const reader = page.getByTestId('report-reader');
      await expect(reader).toBeVisible();
      // the reader scrolls to the sentence of the first hit
      await expect(reader.locator('.sent', { hasText: '营商环境' }).first()).toBeInViewport();
    });

    test('a restored hood= link shows its filter without scrolling; the lead counts follow; sort= is in the URL', async ({ page }) => {
      await page.goto('/?hood=tiebei');
      await waitForMapIdle(page);
      const chip = page.getByTestId('active-filters').locator('[data-facet="hood"][data-value="tiebei"]');
      await expect(chip).toBeVisible();
      const box = (await chip.boundingBox())!;
      const vp = page.viewportSize()!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(vp.height);
      expect(box.x + box.width).toBeLessThanOrEqual(vp.width);
      await expect(page.getByTestId('lead')).toContainText(/4 个事项 · \d 个在图上/);

      // list order: report order by default, on-map first when chosen, and the URL says so
      const firstIds = () => page.getByTestId('item-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')));
      const reportOrder = await firstIds();
      await page.getByTestId('sort').selectOption('map');
      await expect(page).toHaveURL(/[?&]sort=map/);
      await expect.poll(firstIds).not.toEqual(reportOrder);
      const mapOrder = await firstIds();
      const mapped = await page.evaluate(
        (ids) => ids.map((id) => !!document.querySelector(`[data-item-id="${id}"] .badge:not(.unmapped)`)),
        mapOrder,
      );
      expect(mapped.indexOf(false) === -1 || !mapped.slice(mapped.indexOf(false)).includes(true)).toBe(true);

      // ✕ removes the filter, the lead follows, the chip row says nothing is filtered
      await chip.click();
      await expect(page.getByTestId('active-filters-none')).toBeVisible();
      await expect(page.getByTestId('lead')).toContainText('102 个事项');
      expect(await seriousViolations(page), 'chips and sort').toEqual([]);
    });
  });
}
