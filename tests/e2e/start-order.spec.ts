import { expect, test, waitForMapIdle } from './fixtures';

test('the pinyin chunk is requested only after the map has drawn the items, and pinyin search then works', async ({ page }) => {
  const atRequest: { mapDrawn: boolean }[] = [];
  await page.route('**/assets/pinyin-*.js', async (route) => {
    // What the page had done when it asked for the chunk.
    atRequest.push(
      await page.evaluate(() => {
        const map = (window as any).__atlasMap;
        return { mapDrawn: !!map?.getSource('items') && map.querySourceFeatures('items').length > 0 };
      }),
    );
    await route.fallback();
  });
  await page.goto('/');
  await waitForMapIdle(page);
  await page.getByTestId('search').fill('spl'); // 松坡路 by its pinyin initials
  await expect(page.locator('[data-testid="item-row"][data-item-id="songpo-lu"]')).toBeVisible({ timeout: 30_000 });
  expect(atRequest).toEqual([{ mapDrawn: true }]);
});
