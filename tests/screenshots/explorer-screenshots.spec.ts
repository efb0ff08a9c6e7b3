/**
 * Screenshots for docs/screenshots/ (desktop 1280×800, phone 390×844). Not a check, so it lives
 * outside tests/e2e: `npm run screenshots` (after a build) writes them.
 */
import { expect, test, waitForMapIdle } from '../e2e/fixtures';

const DIR = 'docs/screenshots';

test('desktop, detail and reader', async ({ page }) => {
  await page.goto('/');
  await waitForMapIdle(page);
  await page.locator('[data-testid="item-row"]').first().hover();
  await page.screenshot({ path: `${DIR}/desktop.png` });

  await page.goto('/?item=liaoshen-zhanyi-jinianguan');
  await expect(page.getByTestId('item-detail')).toBeVisible();
  await waitForMapIdle(page);
  await page.screenshot({ path: `${DIR}/detail.png` });

  await page.goto('/?item=songpo-lu&reader=1');
  await expect(page.getByTestId('report-reader').locator('.sent.current').first()).toBeInViewport();
  await waitForMapIdle(page);
  await page.screenshot({ path: `${DIR}/reader.png` });
});

test('phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?year=2022');
  await waitForMapIdle(page);
  await page.screenshot({ path: `${DIR}/phone.png` });
});

test('map-first exploring: a place found in English, a restored neighbourhood and a peek on a phone', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMapIdle(page);
  const search = page.getByTestId('search');
  await search.fill('guta');
  await page.getByTestId('search-suggestions').locator('[data-key="place:锦州古塔历史文化公园"]').click();
  await page.waitForFunction(() => (window as any).__atlasMap.getZoom() > 13 && !(window as any).__atlasMap.isMoving());
  await waitForMapIdle(page);
  await page.screenshot({ path: `${DIR}/place-en.png` });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?hood=tiebei');
  await waitForMapIdle(page);
  await page.screenshot({ path: `${DIR}/phone-hood.png` });

  // a tap (here a click) on the memorial's symbol opens its peek card above the sheet
  await page.goto('/#map=14/41.1260/121.1430');
  await waitForMapIdle(page);
  const p = await page.evaluate(() => {
    const map = (window as any).__atlasMap;
    const f = map.querySourceFeatures('items').find((x: any) => x.properties.id === 'liaoshen-zhanyi-jinianguan');
    const q = map.project(f.geometry.coordinates);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + q.x, y: r.top + q.y };
  });
  await page.mouse.click(p.x, p.y);
  await expect(page.getByTestId('item-peek')).toBeVisible();
  await page.screenshot({ path: `${DIR}/phone-peek.png` });
});
