import { expect, test } from './fixtures';

// The real items file is ~150 KB; a 100 KB limit stands in for a 1M-item file over the real limit
// (such a file cannot be pushed through the DevTools protocol: an 80 MB body crashed the page).
const LIMIT = 100_000;

test('a data file over the size limit gets a clear message and what to do, not "invalid JSON", and no page error', async ({ page }) => {
  await page.addInitScript((limit) => ((window as any).__atlasMaxDataBytes = limit), LIMIT);
  await page.goto('/');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('items.geojson');
  await expect(notice).toContainText('100 KB this page can load');
  await expect(notice).toContainText('矢量切片');
  await expect(notice).not.toContainText('not valid JSON');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(notice).toContainText('serve them as vector tiles');
});

test('the same files load under the default limit', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', '102');
  await expect(page.getByTestId('notice')).toHaveCount(0);
});
