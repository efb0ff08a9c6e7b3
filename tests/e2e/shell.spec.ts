import { expect, renderedNames, test, waitForMapIdle } from './fixtures';

test('the map opens on Linghe with the district outline, stations, landmarks and labels', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('map')).toBeVisible();
  await waitForMapIdle(page);

  const lingheOutline = await page.evaluate(() => {
    const map = (window as any).__atlasMap;
    return map.queryRenderedFeatures({ layers: ['linghe-outline'] }).map((f: any) => f.properties.name);
  });
  expect(lingheOutline).toContain('凌河区');

  // The first view frames Linghe: its bounds hold the district's bbox centre.
  const centreInside = await page.evaluate(async () => {
    const map = (window as any).__atlasMap;
    const manifest = await (await fetch('data/manifest.json')).json();
    const [w, s, e, n] = manifest.linghe_bbox;
    const b = map.getBounds();
    return b.contains([(w + e) / 2, (s + n) / 2]) && b.getWest() <= w + 0.02 && b.getEast() >= e - 0.02;
  });
  expect(centreInside).toBe(true);

  const context = await page.evaluate(() => {
    const map = (window as any).__atlasMap;
    const fs = map.queryRenderedFeatures({ layers: ['context-point'] });
    return [...new Set(fs.map((f: any) => f.properties.kind))];
  });
  expect(context).toEqual(expect.arrayContaining(['station', 'landmark']));

  const stationLabels = await renderedNames(page, 'context-label');
  expect(stationLabels).toContain('锦州站');
  const districtLabels = await renderedNames(page, 'district-label');
  expect(districtLabels).toContain('凌河区');
});

test('the attribution names every data source in use', async ({ page }) => {
  await page.goto('/');
  await waitForMapIdle(page);
  const manifest = await (await page.request.get('/data/manifest.json')).json();
  const attribution = page.locator('.maplibregl-ctrl-attrib');
  await expect(attribution).toContainText('OpenStreetMap');
  for (const a of manifest.attributions) await expect(attribution).toContainText(a.text);
});

test.describe('broken data files', () => {
  // The browser logs the failed request itself; that one line is expected here.
  test.use({ expectedConsoleErrors: [/Failed to load resource: .*status of 404 .*items\.geojson/] });

  for (const [name, body, status] of [
    ['missing', '', 404],
    ['corrupt', '{"type": "FeatureCollection", "features": [ {oops', 200],
    ['off-schema', '{"type": "FeatureCollection", "features": [{"type": "Feature"}]}', 200],
  ] as const) {
    test(`a ${name} data file shows a readable error, not a blank page`, async ({ page }) => {
      await page.route('**/data/items.geojson', (route) =>
        route.fulfill({ status, body, contentType: 'application/json' }),
      );
      await page.goto('/');
      const notice = page.getByTestId('notice');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('items.geojson');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });
  }
});

test('the panel collapses, and becomes a bottom sheet on a phone', async ({ page }) => {
  await page.goto('/');
  await waitForMapIdle(page);
  const toggle = page.getByRole('button', { name: /收起面板/ });
  await toggle.click();
  await expect(page.locator('#panel')).toBeHidden();
  await page.getByRole('button', { name: /显示面板/ }).click();
  await expect(page.locator('#panel')).toBeVisible();

  await page.setViewportSize({ width: 390, height: 800 });
  const box = await page.locator('#panel').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeGreaterThan(790); // docked at the bottom
  expect(box!.width).toBeGreaterThan(380); // full width
});
