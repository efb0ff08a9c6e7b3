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
