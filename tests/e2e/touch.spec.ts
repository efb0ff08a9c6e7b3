/**
 * A phone user with a finger: tapping a symbol on the map peeks at its item, the sheet's handle
 * expands and shrinks the panel, axe finds nothing serious at phone size (default, detail, reader),
 * and the title bar fits.
 */
import type { Page } from '@playwright/test';
import { expect, goInApp, test, waitForMapIdle, injectAxe } from './fixtures';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** The screen point of a mapped item's symbol, from the map itself. */
async function screenPointOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((itemId) => {
    const map = (window as any).__atlasMap;
    const f = map.querySourceFeatures('items').find((x: any) => x.properties.id === itemId);
    const p = map.project(f.geometry.coordinates);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, id);
}

// The phone checks share one page (a step each, named as the tests they were; the last came from
// ux-atlas.spec.ts): one load of the software-rendered map instead of three. Later steps start
// from their URL opened in-app.
test('a phone: a tapped symbol peeks, the sheet handle expands and shrinks the panel, axe finds nothing serious, the title bar fits', async ({ page }) => {
  await test.step('tapping a symbol on the map opens a peek card above the sheet; its button opens the item', () => peekAndOpen(page));
  await test.step('the sheet handle expands the panel by tap, and axe finds nothing serious on a phone', () => sheetAndAxe(page));
  await test.step('the bottom sheet expands and shrinks with its handle, and the title bar fits', () => sheetAndTitleBar(page));
});

/** From ux-atlas.spec.ts: the same phone, so the same page. */
async function sheetAndTitleBar(page: Page): Promise<void> {
  await goInApp(page, '/?lang=en');
  await expect(page.getByTestId('report-reader')).toHaveCount(0);
  await expect(page.getByTestId('item-detail')).toHaveCount(0);
  const panel = page.locator('#panel');
  const handle = page.locator('[data-testid="sheet-handle"]:visible');
  const main = await page.locator('main').boundingBox();
  const before = (await panel.boundingBox())!.height;
  await expect(handle).toHaveAttribute('aria-expanded', 'false');
  await handle.tap();
  await expect(handle).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(async () => (await panel.boundingBox())!.height).toBeGreaterThan(main!.height * 0.85);
  await handle.tap();
  await expect(handle).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await panel.boundingBox())!.height).toBeCloseTo(before, 0);

  const lang = page.locator('header button[lang]');
  const box = (await lang.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
}

async function peekAndOpen(page: Page): Promise<void> {
  // Centred on the memorial, above the bottom sheet, so the symbol is on screen and uncovered.
  await page.goto('/#map=14/41.1260/121.1430');
  await waitForMapIdle(page);
  const p = await screenPointOf(page, 'liaoshen-zhanyi-jinianguan');
  await page.touchscreen.tap(p.x, p.y);
  const peek = page.getByTestId('item-peek');
  await expect(peek).toContainText('辽沈战役纪念馆');
  await expect(peek).toContainText('文化旅游');
  await expect(peek).toContainText('精度');
  // a peek is not a selection: the list and the URL stay as they were
  await expect(page.getByTestId('item-detail')).toHaveCount(0);
  expect(page.url()).not.toContain('item=');
  // above the sheet, with finger-sized buttons, in view
  const card = (await peek.boundingBox())!;
  const sheetTop = (await page.locator('#panel').boundingBox())!.y;
  expect(card.y + card.height).toBeLessThanOrEqual(sheetTop);
  expect(card.y).toBeGreaterThanOrEqual(0);
  for (const b of await peek.getByRole('button').all()) {
    const box = (await b.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
  }
  await injectAxe(page);
  const serious = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical').map((v: any) => v.id);
  });
  expect(serious, 'peek').toEqual([]);
  // Escape dismisses it (the card holds the focus), ✕ too
  await page.keyboard.press('Escape');
  await expect(peek).toHaveCount(0);
  // MapLibre reads two taps at one spot within 500 ms as a double-tap zoom (no click), as a user's would be
  const tapSymbol = async () => {
    await page.touchscreen.tap(p.x, p.y);
    const at = await page.evaluate(() => performance.now());
    return () => page.waitForFunction((t) => performance.now() - t > 500, at);
  };
  const tapWindowOver = await tapSymbol();
  await peek.getByRole('button', { name: '关闭预览' }).tap();
  await expect(peek).toHaveCount(0);
  // "open details" selects the item, as a list row does
  await tapWindowOver();
  await page.touchscreen.tap(p.x, p.y);
  await peek.getByRole('button', { name: '查看详情' }).tap();
  await expect(peek).toHaveCount(0);
  await expect(page.getByTestId('item-detail')).toContainText('辽沈战役纪念馆');
  await expect(page).toHaveURL(/item=liaoshen-zhanyi-jinianguan/);
}

async function sheetAndAxe(page: Page): Promise<void> {
  await goInApp(page, '/');
  await expect(page.getByTestId('item-detail')).toHaveCount(0);
  await expect(page.locator('[data-testid="sheet-handle"]:visible')).toHaveAttribute('aria-expanded', 'false');
  await waitForMapIdle(page);
  const panel = page.locator('#panel');
  const before = (await panel.boundingBox())!.height;
  await page.getByRole('button', { name: '展开面板' }).first().tap();
  await expect.poll(async () => (await panel.boundingBox())!.height).toBeGreaterThan(before + 100);

  // Shrunk again, as a fresh page has it, for the axe runs below.
  const handle = page.locator('[data-testid="sheet-handle"]:visible');
  await handle.tap();
  await expect(handle).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await panel.boundingBox())!.height).toBeCloseTo(before, 0);

  // Each state opened inside the app (as back/forward would), not by a fresh load of the map:
  // axe reads the page's DOM, which is the same either way; the map is already loaded and idle.
  for (const [url, shown] of [['/', 'item-list'], ['/?item=songpo-lu', 'item-detail'], ['/?item=songpo-lu&reader=1&lang=en', 'report-reader']]) {
    await goInApp(page, url);
    await expect(page.getByTestId(shown)).toBeVisible();
    if (url.includes('lang=en')) await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await injectAxe(page);
    const serious = await page.evaluate(async () => {
      const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical').map((v: any) => v.id);
    });
    expect(serious, url).toEqual([]);
  }
}
