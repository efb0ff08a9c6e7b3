/**
 * What a first-time user stumbles on: why an item is not on the map and how to reach what is known
 * of it, the reader's Escape and focus, English labels that fit, the legend in view. (A phone's
 * bottom sheet that can be expanded is checked in touch.spec.ts, on its phone page.)
 */
import { readFileSync } from 'node:fs';
import { expect, goInApp, test, waitForList } from './fixtures';

interface Feat {
  id: string;
  geometry: unknown;
  properties: { precision?: string; neighbourhoods: string[]; location: { precision: string } };
}

/** The items as served (the build copies public/data): read here, not fetched through a page load. */
const ITEMS: Feat[] = JSON.parse(readFileSync('public/data/items.geojson', 'utf8')).features;

// One page load for all desktop checks (each a step named after the test it used to be): none of
// them needs the map, and every full load of the software-rendered map costs 10–15 s on a busy host.
// Each step opens its start state inside the app (goInApp), as back/forward would.
test('a first-time user on a desktop: why items are unmapped, the reader, English rows, legend, sharing', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?lang=en');
  await waitForList(page);

  await test.step('English list rows show the whole status and precision badge', async () => {
    await expect(page.getByTestId('item-row').first()).toBeVisible();
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="item-row"] .badge, [data-testid="item-row"] .status')]
        .filter((el) => el.getBoundingClientRect().right > el.closest('.row')!.getBoundingClientRect().right - 1 || el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent),
    );
    expect(clipped).toEqual([]);
  });

  await test.step('the list explains why most items are not mapped', async () => {
    const why = page.getByTestId('list-why');
    await expect(why.locator('p').first()).toBeHidden();
    await why.locator('summary').click();
    await expect(why).toContainText('we do not guess coordinates');
    await why.locator('summary').click();
    await expect(why.locator('p').first()).toBeHidden();
  });

  await test.step('an unmapped item says why and lists everything in its subdistrict in one click', async () => {
    const item = ITEMS.find((f) => !f.geometry && f.properties.location.precision === 'subdistrict' && f.properties.neighbourhoods.length)!;
    expect(item, 'an item known only to its subdistrict').toBeTruthy();
    const hood = item.properties.neighbourhoods[0];
    const inHood = ITEMS.filter((f) => f.properties.neighbourhoods.includes(hood)).length;

    await goInApp(page, `/?lang=en&item=${item.id}`);
    const detail = page.getByTestId('item-detail');
    await expect(detail.getByTestId('unmapped-why')).toContainText('Not mapped');
    await detail.locator(`[data-testid="hood-items"][data-hood="${hood}"]`).click();

    await expect(detail).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`[?&]hood=${hood}(&|$)`));
    await expect(page).not.toHaveURL(/[?&]item=/);
    await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', String(inHood));
    await expect(page.getByTestId('item-list')).toBeFocused();
  });

  await test.step('"share this item" copies the item link without the sender\'s search, and says so', async () => {
    await goInApp(page, '/?lang=en&q=%E5%8C%97');
    await expect(page.getByTestId('search')).toHaveValue('北');
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

  await test.step('a mapped item has no "not mapped" note', async () => {
    const mapped = ITEMS.find((f) => f.geometry)!;
    await goInApp(page, `/?item=${mapped.id}`);
    await expect(page.getByTestId('item-detail')).toBeVisible();
    await expect(page.getByTestId('item-detail')).toHaveAttribute('data-item-id', mapped.id);
    await expect(page.getByTestId('unmapped-why')).toHaveCount(0);
  });

  await test.step('Escape closes the reader and gives the focus back to the button that opened it', async () => {
    await goInApp(page, '/');
    await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', String(ITEMS.length));
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

  await test.step('opening the legend brings it into view', async () => {
    const legend = page.getByTestId('legend');
    await legend.locator('summary').click();
    await expect(legend.locator('h3').first()).toBeInViewport();
  });
});

// ("the bottom sheet expands and shrinks with its handle, and the title bar fits" is a step of
// touch.spec.ts's phone test: the same phone, one map load.)
