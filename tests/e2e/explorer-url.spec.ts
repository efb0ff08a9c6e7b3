/**
 * The URL is the view: deep links restore filters, selection, reader, language and viewport;
 * back/forward step through filter changes; invalid parts are dropped with a notice. Also the
 * language switch, a phone-sized screen, and an axe check of the main states.
 */
import type { Page } from '@playwright/test';
import { expect, goInApp, seriousAxe, test, waitForList, waitForMapIdle } from './fixtures';

async function count(page: Page): Promise<number> {
  return Number(await page.getByTestId('item-list').getAttribute('data-count'));
}

async function view(page: Page): Promise<{ zoom: number; lat: number; lng: number }> {
  return page.evaluate(() => {
    const map = (window as any).__atlasMap;
    const c = map.getCenter();
    return { zoom: map.getZoom(), lat: c.lat, lng: c.lng };
  });
}

test('deep links round-trip filters, selection, reader, language and viewport', async ({ page }) => {
  // the state built by clicking…
  await page.goto('/');
  await waitForList(page);
  await page.getByTestId('filter-year').locator('[data-year="2022"]').click();
  await page.getByTestId('filter-category').getByRole('checkbox', { name: /道路桥梁/ }).check();
  await page.getByTestId('filter-status').getByRole('checkbox', { name: /计划/ }).check();
  await expect(page).toHaveURL(/\?year=2022&category=road_bridge&status=planned$|\?year=2022&category=road_bridge&status=planned#/);
  const clicked = await count(page);
  expect(clicked).toBeGreaterThan(0);

  // …is the state the URL opens
  await page.goto('/?year=2022&category=road_bridge&status=planned');
  await waitForList(page);
  expect(await count(page)).toBe(clicked);
  await expect(page.getByTestId('filter-category').getByRole('checkbox', { name: /道路桥梁/ })).toBeChecked();
  await expect(page.getByTestId('filter-year').locator('[data-year="2022"]')).toHaveAttribute('aria-checked', 'true');

  // a fuller state, including the viewport, survives a reload exactly
  const url = '/?hood=tiebei&q=%E6%9D%BE%E5%9D%A1&item=songpo-lu&reader=1&lang=en#map=13.5/41.13/121.17';
  await page.goto(url);
  await waitForMapIdle(page);
  await expect(page.getByTestId('item-detail')).toBeVisible();
  await expect(page.getByTestId('report-reader')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Linghe Report Atlas');
  const v = await view(page);
  expect(v.zoom).toBeCloseTo(13.5, 5);
  expect(v.lat).toBeCloseTo(41.13, 5);
  expect(v.lng).toBeCloseTo(121.17, 5);
  expect(new URL(page.url()).search).toBe('?hood=tiebei&q=%E6%9D%BE%E5%9D%A1&item=songpo-lu&reader=1&lang=en');

  // the viewport goes into the hash as the map moves
  await page.evaluate(() => (window as any).__atlasMap.jumpTo({ center: [121.2, 41.12], zoom: 12 }));
  await expect(page).toHaveURL(/#map=12\/41\.12\/121\.2$/);
  const saved = page.url();
  await page.reload();
  await waitForMapIdle(page);
  expect(page.url()).toBe(saved);
  const w = await view(page);
  expect(w.zoom).toBeCloseTo(12, 5);
  expect(w.lng).toBeCloseTo(121.2, 5);
});

// The checks below once took five tests and nine loads of the software-rendered map (10–15 s each
// on a busy host). They share one page now, a step per former test (the step names are their
// titles); a full load is kept where the opening of a link is itself checked (the invalid URL, the
// parameterless start, the reload that keeps the language), and other states open in-app.
test('invalid parts, back/forward, the language switch, axe in the main states, and a phone', async ({ page }) => {
  await test.step('invalid URL parts are dropped with a notice that says which and why', async () => {
    await page.goto('/?year=abc&category=road_bridge,castles&item=no-such-item&hood=atlantis#map=abc');
    await waitForList(page);
    const notice = page.getByTestId('notice');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute('role', 'status');
    for (const part of ['year=abc', 'category=castles', 'item=no-such-item', 'hood=atlantis', 'map=abc']) await expect(notice).toContainText(part);
    await expect(notice).toContainText('没有这个事项');
    // the valid part is kept, the URL tidied without a history step
    await expect(page.getByTestId('filter-category').getByRole('checkbox', { name: /道路桥梁/ })).toBeChecked();
    expect(new URL(page.url()).search).toBe('?category=road_bridge');
    await notice.getByRole('button', { name: '关闭提示' }).click();
    await expect(notice).toBeHidden();

    // no parameters: the default view, every item, no notice
    await page.goto('/');
    await waitForList(page);
    const manifest = await (await page.request.get('/data/manifest.json')).json();
    expect(await count(page)).toBe(manifest.counts.items);
    await expect(page.getByTestId('notice')).toHaveCount(0);
  });

  await test.step('back and forward step through filter and selection changes', async () => {
    // (on the parameterless page the step above opened)
    const all = await count(page);
    await page.getByTestId('filter-category').getByRole('checkbox', { name: /教育/ }).check();
    await expect(page).toHaveURL(/category=education/);
    const education = await count(page);
    await page.getByTestId('filter-neighbourhood').getByRole('checkbox', { name: /铁北/ }).check();
    await expect(page).toHaveURL(/category=education&hood=tiebei/);
    const both = await count(page);
    expect(education).toBeLessThan(all);
    expect(both).toBeLessThanOrEqual(education);

    await page.goBack();
    await expect(page).toHaveURL(/category=education(?!&hood)/);
    await expect(page.getByTestId('filter-neighbourhood').getByRole('checkbox', { name: /铁北/ })).not.toBeChecked();
    expect(await count(page)).toBe(education);
    await page.goBack();
    await expect(page.getByTestId('filter-category').getByRole('checkbox', { name: /教育/ })).not.toBeChecked();
    expect(await count(page)).toBe(all);
    await page.goForward();
    await expect(page.getByTestId('filter-category').getByRole('checkbox', { name: /教育/ })).toBeChecked();
    expect(await count(page)).toBe(education);

    // a selection is a step too
    await page.getByTestId('item-row').first().click();
    await expect(page.getByTestId('item-detail')).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('item-detail')).toBeHidden();
    await expect(page.getByTestId('item-list')).toBeVisible();
  });

  await test.step('the language switches, is kept in the URL, and every label follows', async () => {
    await goInApp(page, '/');
    await expect(page.getByTestId('filter-category').getByRole('checkbox', { name: /教育/ })).not.toBeChecked();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page).toHaveURL(/lang=en/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('filter-category')).toContainText('Roads & bridges');
    await expect(page.getByTestId('item-row').first()).toHaveAccessibleName(/, Precision: /);
    await expect(page.getByRole('button', { name: 'Clear all filters' })).toBeVisible();
    await page.reload();
    await waitForList(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Linghe Report Atlas');
    await page.getByRole('button', { name: '切换到中文' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('凌河区政府工作报告地图');
    expect(new URL(page.url()).search).toBe('');
  });

  await test.step('axe finds no serious or critical violations in the default, filtered, detail and reader states', async () => {
    // The map loaded and idle, as before each of these runs when each was a fresh load; the
    // states themselves open in-app (axe reads the DOM, the same either way).
    await waitForMapIdle(page);
    for (const url of ['/', '/?year=2022&category=road_bridge&hood=tiebei', '/?item=songpo-lu', '/?item=songpo-lu&reader=1&lang=en']) {
      await goInApp(page, url);
      await expect(page.getByTestId(url.includes('item=') ? 'item-detail' : 'item-list')).toBeVisible();
      if (url.includes('reader=1')) await expect(page.getByTestId('report-reader')).toBeVisible();
      if (url.includes('hood=')) await expect(page.getByTestId('filter-neighbourhood').getByRole('checkbox', { name: /铁北/ })).toBeChecked();
      expect(await seriousAxe(page), url).toEqual([]);
    }
  });

  await test.step('on a phone the panel is a bottom sheet and the reader a full-screen overlay', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await goInApp(page, '/');
    await expect(page.getByTestId('item-detail')).toHaveCount(0);
    await expect.poll(async () => {
      const panel = (await page.locator('#panel').boundingBox())!;
      return panel.y + panel.height > 840 && panel.width > 385;
    }).toBe(true);
    await expect(page.getByTestId('item-row').first()).toBeInViewport();
    await page.getByTestId('item-row').first().click();
    await expect(page.getByTestId('item-detail')).toBeInViewport();
    await page.getByTestId('item-detail').getByRole('button', { name: '在报告中阅读' }).first().click();
    const reader = await page.getByTestId('report-reader').boundingBox();
    expect(reader).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    await page.getByTestId('report-reader').getByRole('button', { name: '关闭报告' }).click();
    await expect(page.getByTestId('report-reader')).toHaveCount(0);
  });
});
