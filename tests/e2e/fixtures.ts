/**
 * Shared e2e fixtures: every test collects page errors, console errors and any request that would
 * leave 127.0.0.1, and fails on any of them after it ran. A test that breaks a file on purpose
 * declares the console errors it expects with `test.use({ expectedConsoleErrors: [/…/] })`.
 * Tests read map state through window.__atlasMap.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export interface Guard {
  pageErrors: string[];
  consoleErrors: string[];
  offHostRequests: string[];
}

const LOCAL = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

export const test = base.extend<{ guard: Guard; expectedConsoleErrors: RegExp[] }>({
  expectedConsoleErrors: [[], { option: true }],
  guard: [
    async ({ page, expectedConsoleErrors }, use) => {
      const guard: Guard = { pageErrors: [], consoleErrors: [], offHostRequests: [] };
      page.on('pageerror', (e) => guard.pageErrors.push(e.message));
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        const text = `${m.text()} ${m.location().url ?? ''}`.trim();
        if (!expectedConsoleErrors.some((re) => re.test(text))) guard.consoleErrors.push(text);
      });
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (LOCAL.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.fallback();
        guard.offHostRequests.push(url);
        return route.abort();
      });
      await use(guard);
      expect(guard.pageErrors, 'page errors').toEqual([]);
      expect(guard.consoleErrors, 'console errors').toEqual([]);
      expect(guard.offHostRequests, 'requests leaving 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the map exists, its style is loaded and it has gone idle once. */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = (window as any).__atlasMap;
    return !!map && map.isStyleLoaded() && map.loaded() && !map.isMoving();
  }, undefined, { timeout: 60_000 });
}

/** Names of features rendered in a layer, read from the map, not from pixels. */
export async function renderedNames(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((layerId) => {
    const map = (window as any).__atlasMap;
    const features = map.queryRenderedFeatures({ layers: [layerId] });
    return [...new Set(features.map((f: any) => f.properties.name ?? f.properties.id))].sort() as string[];
  }, layer);
}

/**
 * Puts axe-core into the page. Evaluated through the DevTools protocol rather than added as a
 * <script> element: the app's Content-Security-Policy (rightly) refuses inline scripts.
 */
export async function injectAxe(page: Page): Promise<void> {
  // once per document: ~0.4 s of parsing each time on a software-rendered page
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
}

/** The serious and critical axe violations of the page as it is now, one line each (rule: targets). */
export async function seriousAxe(page: Page): Promise<string[]> {
  await injectAxe(page);
  return page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

/** The list by keyboard: focus it, ArrowDown twice moves the active row, Enter opens that row's detail. */
export async function openSecondRowByKeyboard(page: Page): Promise<void> {
  const list = page.getByTestId('item-list');
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const active = await list.getAttribute('aria-activedescendant');
  expect(active).toMatch(/^row-/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-detail')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`item=${active!.slice(4)}`));
}

/**
 * Opens `url` inside the running app, as back/forward does (pushState + popstate: the app's own
 * restore path, src/lib/urlSync.svelte.ts), instead of a full page load: each load of the
 * software-rendered map costs 10–15 s on a busy 2-core host. Use it where a test is about the
 * state a URL stands for, and keep page.goto where the opening of a link itself is tested.
 */
export async function goInApp(page: Page, url: string): Promise<void> {
  await page.evaluate((u) => {
    history.pushState(null, '', u);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
}

/** The data is in and the list is drawn: what a check of the panel needs (not an idle map). */
export async function waitForList(page: Page): Promise<void> {
  await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', /^\d+$/, { timeout: 60_000 });
}
