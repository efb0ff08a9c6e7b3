/**
 * What a first-time user stumbles on: why an item is not on the map and how to reach what is known
 * of it, the reader's Escape and focus, English labels that fit, the legend in view, and a phone's
 * bottom sheet that can be expanded.
 */
import type { Page } from '@playwright/test';
import { expect, test, waitForMapIdle } from './fixtures';

interface Feat {
  id: string;
  geometry: unknown;
  properties: { precision?: string; neighbourhoods: string[]; location: { precision: string } };
}

async function items(page: Page): Promise<Feat[]> {
  return page.evaluate(async () => (await (await fetch('data/items.geojson')).json()).features);
}

test('an unmapped item says why and lists everything in its subdistrict in one click', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMapIdle(page);
  const all = await items(page);
  const item = all.find((f) => !f.geometry && f.properties.location.precision === 'subdistrict' && f.properties.neighbourhoods.length)!;
  expect(item, 'an item known only to its subdistrict').toBeTruthy();
  const hood = item.properties.neighbourhoods[0];
  const inHood = all.filter((f) => f.properties.neighbourhoods.includes(hood)).length;

  await page.goto(`/?lang=en&item=${item.id}`);
  const detail = page.getByTestId('item-detail');
  await expect(detail.getByTestId('unmapped-why')).toContainText('Not mapped');
  await detail.locator(`[data-testid="hood-items"][data-hood="${hood}"]`).click();

  await expect(detail).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`[?&]hood=${hood}(&|$)`));
  await expect(page).not.toHaveURL(/[?&]item=/);
  await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', String(inHood));
  await expect(page.getByTestId('item-list')).toBeFocused();
});

test('a mapped item has no "not mapped" note', async ({ page }) => {
  await page.goto('/');
  await waitForMapIdle(page);
  const mapped = (await items(page)).find((f) => f.geometry)!;
  await page.goto(`/?item=${mapped.id}`);
  await expect(page.getByTestId('item-detail')).toBeVisible();
  await expect(page.getByTestId('unmapped-why')).toHaveCount(0);
});

test('the list explains why most items are not mapped', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMapIdle(page);
  const why = page.getByTestId('list-why');
  await expect(why.locator('p').first()).toBeHidden();
  await why.locator('summary').click();
  await expect(why).toContainText('we do not guess coordinates');
});

test('Escape closes the reader and gives the focus back to the button that opened it', async ({ page }) => {
  await page.goto('/');
  await waitForMapIdle(page);
  const open = page.locator('header button[aria-pressed]');
  await open.focus();
  await page.keyboard.press('Enter');
  const reader = page.getByTestId('report-reader');
  await expect(reader).toBeVisible();
  await expect(reader.locator('#reader-title')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(reader).toHaveCount(0);
  await expect(open).toBeFocused();
  await expect(open).toHaveAttribute('aria-pressed', 'false');
});

test('English list rows show the whole status and precision badge', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMapIdle(page);
  await expect(page.getByTestId('item-row').first()).toBeVisible();
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="item-row"] .badge, [data-testid="item-row"] .status')]
      .filter((el) => el.getBoundingClientRect().right > el.closest('.row')!.getBoundingClientRect().right - 1 || el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent),
  );
  expect(clipped).toEqual([]);
});

test('opening the legend brings it into view', async ({ page }) => {
  await page.goto('/');
  await waitForMapIdle(page);
  const legend = page.getByTestId('legend');
  await legend.locator('summary').click();
  await expect(legend.locator('h3').first()).toBeInViewport();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the bottom sheet expands and shrinks with its handle, and the title bar fits', async ({ page }) => {
    await page.goto('/?lang=en');
    await waitForMapIdle(page);
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
  });
});

test('"share this item" copies the item link without the sender\'s search, and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?lang=en&q=%E5%8C%97');
  await waitForMapIdle(page);
  await page.getByTestId('item-row').first().click();
  const id = await page.getByTestId('item-row').first().getAttribute('data-item-id');
  const share = page.getByTestId('share-item');
  await share.getByRole('button', { name: 'Share this item' }).click();
  await share.getByRole('button', { name: 'Copy link' }).click();
  await expect(share.getByRole('status')).toHaveText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(new URL(`/?item=${id}&lang=en`, page.url()).href);
  expect(copied).not.toContain('q=');
  await expect(share.getByTestId('share-qr').locator('path')).toHaveAttribute('d', /^M/);
});
