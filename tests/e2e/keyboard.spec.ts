import { expect, test, waitForMapIdle } from './fixtures';

test('the year timeline is one tab stop and arrow keys move between years', async ({ page }) => {
  await page.goto('/');
  await waitForMapIdle(page);
  const years = page.getByTestId('filter-year');
  const all = years.locator('[data-year="all"]');
  await expect(all).toHaveAttribute('tabindex', '0');
  await expect(years.locator('[data-year="2022"]')).toHaveAttribute('tabindex', '-1');

  await all.focus();
  await page.keyboard.press('ArrowRight');
  const y2018 = years.locator('[data-year="2018"]');
  await expect(y2018).toHaveAttribute('aria-checked', 'true');
  await expect(y2018).toBeFocused();
  await expect(page).toHaveURL(/[?&]year=2018/);

  await page.keyboard.press('End');
  await expect(years.locator('[data-year="2026"]')).toHaveAttribute('aria-checked', 'true');
  const count2026 = Number(await page.getByTestId('item-list').getAttribute('data-count'));
  await page.keyboard.press('Home');
  await expect(all).toHaveAttribute('aria-checked', 'true');
  const countAll = Number(await page.getByTestId('item-list').getAttribute('data-count'));
  expect(countAll).toBeGreaterThan(count2026);
});
