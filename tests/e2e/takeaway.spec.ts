/**
 * Taking a selection away: export (parsed back), share links (reopened), statistics (totals equal
 * the list's, a bar filters), print media (no screen chrome, A4 width), embed=1, and axe on them.
 * Batched per page load to keep the suite short.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expect, goInApp, seriousAxe, test } from './fixtures';

/** Export, share and statistics need the data and the list, not an idle map: wait for those. */
const listReady = (page: Page) => expect(page.getByTestId('item-list')).toHaveAttribute('data-count', /\d+/);

const count = async (page: Page) => Number(await page.getByTestId('item-list').getAttribute('data-count'));
const rowIds = (page: Page) => page.getByTestId('item-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')!).sort());

async function download(page: Page, testid: string): Promise<string> {
  await page.getByTestId('export').locator('summary').click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const text = readFileSync((await d.path())!, 'utf8');
  await page.getByTestId('export').locator('summary').click();
  return text;
}

// Export shares the share test's page (a step each, named as the tests they were): the filtered
// state it exports opens in-app, so the map is loaded twice, not three times.
test('share and export: a shared link reopens the view, statistics, and the export of a filtered list', async ({ page }) => {
  test.slow(); // several page loads, downloads and an axe run: allow for a busy 2-core host
  await test.step('a shared view link reopens the same view; statistics follow the filters and a bar filters', async () => {
    await page.goto('/?year=2022&hood=tiebei&lang=en');
    await listReady(page);
    const n = await count(page);
    const before = await rowIds(page);
    await page.getByTestId('share-view').getByRole('button', { name: 'Share' }).click();
    const link = await page.getByTestId('share-view').getByTestId('share-url').inputValue();
    expect(new URL(link).search).toBe('?year=2022&hood=tiebei&lang=en');
    await page.goto(link);
    await listReady(page);
    expect(await count(page)).toBe(n);
    await expect.poll(() => rowIds(page)).toEqual(before);

    await page.getByTestId('stats-open').click();
    await expect(page).toHaveURL(/view=stats/);
    const stats = page.getByTestId('stats');
    await expect(stats).toHaveAttribute('data-total', String(n));
    const sum = async (id: string) =>
      (await stats.getByTestId(id).locator('.bar-row .val').allTextContents()).reduce((a, v) => a + Number(v), 0);
    expect(await sum('chart-status')).toBe(n);
    expect(await sum('chart-category')).toBe(n);
    await expect(stats.getByTestId('chart-money-category')).toBeVisible();
    expect(await seriousAxe(page)).toEqual([]);

    const bar = stats.getByTestId('chart-category').locator('button.bar-row').first();
    const key = await bar.getAttribute('data-key');
    const barValue = Number(await bar.locator('.val').textContent());
    await bar.click();
    await expect(page).toHaveURL(new RegExp(`category=${key}`));
    await expect(stats).toHaveAttribute('data-total', String(barValue));
    await stats.getByRole('button', { name: 'Back to list' }).click();
    expect(await count(page)).toBe(barValue);
  });

  await test.step('export after a filter yields exactly the listed items, as CSV and GeoJSON', async () => {
    await goInApp(page, '/?category=renewal');
    await expect(page.getByTestId('stats')).toHaveCount(0);
    await expect(page.getByTestId('filter-category').locator('input[value="renewal"]')).toBeChecked();
    const n = await count(page);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(9); // all rows rendered (the list is windowed)
    const ids = await rowIds(page);
    expect(ids.length).toBe(n);

    const csv = await download(page, 'export-csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.id).sort()).toEqual(ids);
    expect(parsed.data.every((r) => r.category === 'renewal')).toBe(true);
    expect(parsed.data.some((r) => /[\u4e00-\u9fff]/.test(r.name_zh) && /[\u4e00-\u9fff]/.test(r.quotes))).toBe(true);
    const unmappedRows = parsed.data.filter((r) => r.lon === '' && r.geometry === '');
    expect(unmappedRows.length).toBeGreaterThan(0);
    expect(parsed.data.find((r) => r.id === 'beishanli-penghuqu')?.stated_figures).toContain('1.5亿元 = 150000000 CNY');

    const gj = JSON.parse(await download(page, 'export-geojson'));
    expect(gj.features.map((f: any) => f.id).sort()).toEqual(ids);
    expect(gj.features.filter((f: any) => f.geometry === null).length).toBe(unmappedRows.length);
    expect(gj._meta.count).toBe(n);
    expect(gj._meta.attributions.length).toBeGreaterThan(0);

    const readme = await download(page, 'export-readme');
    expect(readme).toContain(`${n} items exported`);
    expect(readme).toContain(gj._meta.data_version);
  });
});

test('print media shows only the print sheet, A4 wide, with the link, QR and attribution; hostile text stays text', async ({ page }) => {
  test.slow(); // several page loads, downloads and an axe run: allow for a busy 2-core host
  // A hostile item name, served instead of the real one: it must print as text, not as markup.
  const hostile = '<img src=x onerror="window.__pwned=1">=1+1';
  await page.route('**/data/items.geojson', async (route) => {
    const body = JSON.parse(await (await route.fetch()).text());
    const f = body.features.find((x: any) => x.id === 'beishanli-penghuqu');
    f.properties.name = hostile;
    await route.fulfill({ json: body });
  });
  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await page.goto('/?item=beishanli-penghuqu');
  await expect(page.getByTestId('item-detail')).toBeVisible();
  await page.waitForFunction(() => (window as any).__atlasMap?.isStyleLoaded());
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const sheet = page.getByTestId('print-sheet');
  await expect(sheet).toBeVisible();
  await expect(page.locator('.shell')).toBeHidden();
  await expect(page.getByTestId('map')).toBeHidden();
  await expect(page.getByTestId('filters')).toBeHidden();
  await expect(sheet.locator('h2')).toContainText(hostile);
  await expect(sheet.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  await expect(sheet.locator('.url')).toHaveText(/\/\?item=beishanli-penghuqu$/);
  await expect(sheet.locator('.link svg path')).toHaveAttribute('d', /^M/);
  await expect(sheet.locator('.map image')).toHaveAttribute('href', /^data:image\/png;base64,.{1000}/);
  await expect(sheet.locator('.scale')).toContainText(/\d+ (m|km)/);
  await expect(sheet.locator('footer')).toContainText('OpenStreetMap');
  await expect(sheet).toContainText('1.5亿元');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
  await page.screenshot({ path: test.info().outputPath('print-item.png'), fullPage: true });

  // A4 by height too: one item prints on exactly one page; the whole list flows onto a few
  // pages, every row on paper (nothing cut off at the bottom of the sheet).
  expect(pdfPages(await page.pdf({ preferCSSPageSize: true }))).toBe(1);
  await page.unroute('**/data/items.geojson');
  await page.emulateMedia({ media: 'screen' });
  // The whole list, opened in-app (no second load of the map; the data, hostile name included, is
  // already in). The print sheet of no selection is the list.
  await goInApp(page, '/');
  await expect(page.getByTestId('item-detail')).toHaveCount(0);
  await listReady(page);
  await page.waitForFunction(() => (window as any).__atlasMap?.isStyleLoaded());
  // The table is built for printing only (a row per shown item would re-render on every filter
  // change): `afterprint` takes it down, `beforeprint` builds it.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(sheet.locator('tbody tr')).toHaveCount(0);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(sheet.locator('tbody tr')).toHaveCount(await count(page));
  const listPages = pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(listPages).toBeGreaterThanOrEqual(2); // 102 rows do not fit one A4 page…
  expect(listPages).toBeLessThanOrEqual(4); // …and take no blank or runaway pages (3 measured)
});

/** Pages in a PDF: its /Type /Page objects (not the /Pages tree). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  /** Every corner of the pop-over is on screen and shows the pop-over itself (not clipped, not covered). */
  async function unclipped(page: Page, selector: string): Promise<string[]> {
    return page.locator(selector).evaluate((el) => {
      const r = el.getBoundingClientRect();
      const out: string[] = [];
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) out.push(`off screen: ${JSON.stringify(r)}`);
      for (const [x, y] of [[r.left + 3, r.top + 3], [r.right - 3, r.top + 3], [r.left + 3, r.bottom - 3], [r.right - 3, r.bottom - 3]]) {
        const hit = document.elementFromPoint(x, y);
        if (!hit || !el.contains(hit)) out.push(`(${Math.round(x)}, ${Math.round(y)}) shows ${hit?.className || hit?.tagName}`);
      }
      return out;
    });
  }

  test('the export menu and the share panel open whole, not clipped by the bottom sheet', async ({ page }) => {
    await page.goto('/?lang=en');
    await listReady(page);
    await page.getByTestId('export').locator('summary').tap();
    await expect(page.getByTestId('export-csv')).toBeVisible();
    expect(await unclipped(page, '.export .menu')).toEqual([]);
    await page.getByTestId('export').locator('summary').tap(); // the button stays reachable to close it
    await expect(page.getByTestId('export-csv')).toBeHidden();

    await page.getByTestId('share-view').getByRole('button', { name: 'Share' }).tap();
    await expect(page.getByTestId('share-view').getByTestId('share-qr').locator('path')).toHaveAttribute('d', /^M/);
    expect(await unclipped(page, '[data-testid="share-view"] .popover')).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('phone-share.png') });
  });
});

test('embed=1 works inside another site\'s iframe: the header lets any origin frame it', async ({ page, baseURL }) => {
  test.slow(); // the framed map loads on a busy 2-core host
  const res = await page.request.get('/?embed=1');
  const csp = res.headers()['content-security-policy'];
  expect(csp).toMatch(/(^|; )frame-ancestors \*($|;)/);
  expect(res.headers()['x-frame-options']).toBeUndefined();
  // Another origin (localhost, not 127.0.0.1, on its own port): a news site that embeds the Atlas,
  // served by a real local server (a routed page has no address, and Chromium's local-network
  // checks then refuse any frame). Under `frame-ancestors 'self'` Chromium refuses this frame.
  const body = `<!doctype html><html lang="en"><title>News</title><h1>Story</h1><iframe title="Atlas" width="600" height="450" src="${baseURL}/?embed=1&category=renewal&lang=en"></iframe>`;
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(body));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/news.html`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('item-list')).toHaveAttribute('data-count', /^[1-9]\d*$/);
    await expect(frame.getByTestId('map')).toBeVisible();
    await expect(frame.getByTestId('embed-full')).toHaveAttribute('href', /category=renewal/);

    // The embed's own checks, in the frame where it is used (600×450, as an embedding site sizes it):
    // one load of the map for both tests.
    await test.step("embed=1 renders map and list without the panels' chrome, and links back to the full Atlas", async () => {
      const embedded = page.frames().find((f) => f.url().includes('embed=1'))!;
      expect(await embedded.evaluate(() => [innerWidth, innerHeight])).toEqual([600, 450]);
      await embedded.waitForFunction(() => (window as any).__atlasMap?.isStyleLoaded(), undefined, { timeout: 60_000 });
      await expect(frame.getByTestId('item-list')).toBeVisible();
      await expect(frame.getByTestId('filters')).toBeHidden();
      await expect(frame.getByTestId('export')).toBeHidden();
      await expect(frame.getByTestId('embed-full')).toHaveAttribute('href', /\/\?category=renewal&lang=en(#map=[\d./]+)?$/);
      await embedded.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
      const axe = await embedded.evaluate(async () => {
        const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
        const serious = r.violations
          .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
          .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        return { url: r.url as string, serious };
      });
      expect(axe.url, 'axe ran on the embedded page').toContain('embed=1');
      expect(axe.serious).toEqual([]);
      await page.locator('iframe').screenshot({ path: test.info().outputPath('embed.png') });
    });
  } finally {
    await new Promise((done) => server.close(done));
  }
});
