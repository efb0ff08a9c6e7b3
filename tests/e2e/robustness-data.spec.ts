/**
 * Data faults and hostile data (issue 10). Every data file × every way it can fail gives a
 * readable notice naming the file; only items.geojson is essential, so for any other file the
 * list and the filters keep working. Hostile markup in every text field never becomes HTML.
 * These do not wait for the map to go idle: the list and the notices are what is checked.
 *
 * The whole matrix (6 files × 6 faults + duplicate ids) runs through the app's start-up in
 * src/lib/load.test.ts, in milliseconds; here, in the browser, each fault kind and each file
 * appears once (a Latin-square diagonal), so every notice path is seen on screen without 37
 * page loads of a software-rendered map.
 */
import { DATA_FILES, hostileData, readData, readJson, serve } from './dataFixtures';
import { expect, goInApp, test } from './fixtures';

const ITEMS = readJson('items.geojson').features.length;
/** The timeout the "hung file" case runs under (the app's default is 15 s). */
const HANG_TIMEOUT_MS = 4000;

/** A JSON value of the right kind but the wrong shape for each file. */
const OFF_SCHEMA = '{"type": "FeatureCollection", "features": [{"type": "Feature", "id": 5}], "entries": 7, "attributions": "x"}';

type Fault = { name: string; files?: string[]; install: (page: import('@playwright/test').Page, file: string) => Promise<void> };
const FAULTS: Fault[] = [
  { name: '404', install: (page, file) => serve(page, file, 'not here', 404) },
  { name: '500', install: (page, file) => serve(page, file, 'oops', 500) },
  { name: 'truncated', install: (page, file) => serve(page, file, readData(file).slice(0, Math.floor(readData(file).length / 2))) },
  { name: 'schema-invalid', install: (page, file) => serve(page, file, OFF_SCHEMA) },
  { name: 'empty', install: (page, file) => serve(page, file, '') },
  {
    name: 'hung',
    install: async (page, file) => {
      await page.addInitScript((ms) => ((window as any).__atlasFetchTimeoutMs = ms), HANG_TIMEOUT_MS);
      // Never answered: only the app's timeout ends it.
      await page.route(`**/data/${file}`, () => {});
    },
  },
  {
    name: 'duplicate-ids',
    files: ['items.geojson'],
    install: (page, file) => {
      const items = readJson(file);
      items.features[7].id = items.features[3].id;
      return serve(page, file, JSON.stringify(items));
    },
  },
];

test.describe('data-fault matrix', () => {
  // The browser logs each failed response itself; those lines are the fault, not a bug.
  test.use({ expectedConsoleErrors: [/Failed to load resource: the server responded with a status of (404|500)/] });

  // Fault k on file k: each fault kind once, each file once; ATLAS_FUZZ=full runs every pair in
  // the browser too.
  const full = process.env.ATLAS_FUZZ === 'full';
  FAULTS.forEach((fault, k) => {
    DATA_FILES.forEach(({ file, essential }, f) => {
      if (fault.files ? !fault.files.includes(file) : !full && f !== k) return;
      test(`${file} ${fault.name}: a notice names the file${essential ? '' : '; the list keeps working'}`, async ({ page }) => {
        await fault.install(page, file);
        await page.goto('/');
        const notice = page.getByTestId('notice').filter({ hasText: file });
        await expect(notice).toBeVisible({ timeout: HANG_TIMEOUT_MS + 15_000 });
        // Readable: a sentence, not a stack trace.
        const text = (await notice.innerText()).trim();
        // ("received undefined" is zod's readable word for a missing field, so not the word alone.)
        expect(text).not.toMatch(/\bat \S+ \(|Error:|Cannot read prop|is not a function|\[object/);
        if (essential) {
          await expect(notice).toContainText('数据无法加载');
          await expect(page.getByTestId('item-list')).toHaveCount(0);
          return;
        }
        await expect(notice).not.toContainText('数据无法加载');
        const list = page.getByTestId('item-list');
        await expect(list).toHaveAttribute('data-count', String(ITEMS));
        await page.getByTestId('search').fill('松坡');
        await expect(list).not.toHaveAttribute('data-count', String(ITEMS));
        await expect(page.getByTestId('item-row').first()).toBeVisible();
      });
    });
  });
});

test.describe('the pinyin chunk gone (a tab left open across a redeploy)', () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/] });

  test('a notice says so; search by name still works; no unhandled rejection', async ({ page }) => {
    await page.route('**/assets/pinyin-*.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto('/');
    // The chunk is asked for only once the map has drawn the items (start-order, in shell.spec.ts),
    // which on a loaded 2-core host took longer than the default 15 s: wait as long as for the map.
    await expect(page.getByTestId('notice').filter({ hasText: '拼音搜索暂不可用' })).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('search').fill('松坡');
    await expect(page.getByTestId('item-row').first()).toContainText('松坡');
  });
});

test('a report whose text is not the one the quotes were located in is refused, quotes shown without context', async ({ page }) => {
  const report = readJson('report.json');
  report.text = `前言。${report.text}`; // every offset now points two characters early
  await serve(page, 'report.json', JSON.stringify(report));
  await page.goto('/?item=songpo-lu');
  await expect(page.getByTestId('notice').filter({ hasText: 'report.json' })).toContainText('sha256');
  const detail = page.getByTestId('item-detail');
  await expect(detail).toContainText('实施松坡路、锦义街等主要道路维修改造');
  await expect(detail).not.toContainText('积极争取上级支持'); // the (wrong) surrounding sentence
});

// ("an exception in the app after the data arrived…" is a step of the Content-Security-Policy test below: its page.)

test.describe('hostile data', () => {
  const { files, fields } = hostileData();

  test(`markup in ${fields} text fields and the credits stays text: nothing runs, nothing is fetched off-host`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const [file, body] of Object.entries(files)) await serve(page, file, body);
    const item = JSON.parse(files['items.geojson']).features.find((f: any) => f.properties.location.evidence.length && f.properties.note !== undefined)
      ?? JSON.parse(files['items.geojson']).features.find((f: any) => f.properties.location.evidence.length);
    await page.goto(`/?item=${item.id}&reader=1`);
    const detail = page.getByTestId('item-detail');
    await expect(detail).toContainText('<img src="https://evil.example/items.png"');
    await expect(detail).toContainText('evil.example/gazetteer'); // a cited source, from the gazetteer
    await expect(page.getByTestId('report-reader')).toContainText('evil.example/report');
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    await expect(attribution).toContainText('<img src="https://evil.example/manifest.png"');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(detail).toContainText('evil.example/items');
    const found = await page.evaluate(() => ({
      pwned: (window as any).__pwned ?? null,
      evilNodes: document.querySelectorAll('img[src*="evil"], a[href*="evil"], svg[onload], [onerror], script:not([src])').length,
    }));
    expect(found).toEqual({ pwned: null, evilNodes: 0 });
    // guard: 0 requests off 127.0.0.1, 0 page errors
  });
});

test.describe('long unbroken strings', () => {
  const LONG = (w: string) => w.repeat(12);
  // Both widths in one page (the detail re-lays itself out on a resize, as on a rotated phone):
  // one load of the map instead of two.
  test('never widen the detail panel (1280px, 390px)', async ({ page }) => {
    const items = readJson('items.geojson');
    const f = items.features.find((x: any) => x.properties.location.evidence.length && x.properties.neighbourhoods.length);
    const p = f.properties;
    p.name = LONG('凌河区松坡路');
    p.name_en = LONG('Supercalifragilistic');
    p.note = LONG('https://example.invalid/very/long/path/');
    p.neighbourhoods.push(LONG('unknownneighbourhood'));
    p.mentions[0].status_words = LONG('建成通车投入使用');
    p.mentions[0].status_rule = LONG('rule_without_spaces_');
    p.location.note = LONG('NoSpacesAtAllInThisNote');
    p.location.method = LONG('method-id-');
    p.location.evidence[0].says = LONG('ADDRESS_WITHOUT_BREAKS_');
    p.location.evidence[0].src_crs = LONG('EPSG:4326;');
    await serve(page, 'items.geojson', JSON.stringify(items));
    await page.goto(`/?item=${f.id}`);
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await test.step(`never widen the detail panel (${viewport.width}px)`, async () => {
        await page.setViewportSize(viewport);
        const detail = page.getByTestId('item-detail');
        await expect(detail).toContainText('SupercalifragilisticSupercalifragilistic');
        await expect.poll(() => detail.evaluate((el) => el.getBoundingClientRect().right <= innerWidth + 1)).toBe(true);
        const widths = await detail.evaluate((el) => {
          const over = [...el.querySelectorAll('*')].filter((c) => c.getBoundingClientRect().right > el.getBoundingClientRect().right + 1);
          return { scroll: el.scrollWidth, client: el.clientWidth, over: over.map((c) => c.tagName + '.' + c.className).slice(0, 5) };
        });
        expect(widths.over).toEqual([]);
        expect(widths.scroll).toBeLessThanOrEqual(widths.client);
        await page.screenshot({ path: test.info().outputPath(`long-${viewport.width}.png`) });
      });
    }
  });
});

// The provoked app error shares this page (a step named as the test it was): one map load, not two.
test('the Content-Security-Policy is sent and met: 0 violations with the map, detail and reader open', async ({ page, guard }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto('/?item=songpo-lu&reader=1');
  expect(response!.headers()['content-security-policy']).toMatch(/default-src 'self'.*object-src 'none'.*base-uri 'self'/);
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/script-src 'self';/);
  // The style and the item layers in: MapLibre's worker, its images and sources have all loaded.
  await page.waitForFunction(() => !!(window as any).__atlasMap?.getSource('items'), undefined, { timeout: 120_000 });
  await expect(page.getByTestId('report-reader')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('item-detail')).toBeVisible();
  expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);

  await test.step('an exception in the app after the data arrived is an app error, not a data error; the page lives on', async () => {
    await goInApp(page, '/');
    await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', String(ITEMS));
    await page.evaluate(() => setTimeout(() => { throw new Error('provoked by the test'); }));
    const notice = page.getByTestId('notice').filter({ hasText: 'provoked by the test' });
    await expect(notice).toContainText('不是数据文件的问题');
    await expect(notice).not.toContainText('数据无法加载');
    await page.getByTestId('search').fill('松坡');
    await expect(page.getByTestId('item-row').first()).toContainText('松坡');
    // The one page error is the provoked one.
    expect(guard.pageErrors).toEqual(['provoked by the test']);
    guard.pageErrors.length = 0;
  });
});
