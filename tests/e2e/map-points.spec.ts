/**
 * The points are drawn by the GPU layer (src/lib/map/pointLayer.ts), not by MapLibre's circle layer.
 * These checks read pixels: the GPU layer must draw what the circle layer of the naive design would
 * draw (same view, same data, same status styles, same emphasis, same filter), and nothing else.
 */
import type { Page } from '@playwright/test';
import { itemLayers, ITEM_LAYERS } from '../../src/lib/map/itemLayers';
import { expect, test, waitForMapIdle } from './fixtures';

interface Diff {
  /** Pixels where the points change the picture (naive circles vs no points at all). */
  pointPixels: number;
  /** Pixels where the GPU layer and the naive circle layer differ by more than `tolerance` in a channel. */
  differing: number;
}

/**
 * Measured on the real data's first view: 1,794 point pixels, 2 differ by more than 32/255 in a
 * channel (59 by more than 16: antialiased edges are computed a little differently).
 *
 * Draws the current view three ways, each in one task (the canvas is read right after `redraw`):
 * the Atlas as it is (GPU points), a MapLibre circle layer with the naive paint and `filter` in its
 * place, and no points. Restores the Atlas's drawing afterwards.
 */
async function compare(page: Page, statusKey: string, filter: unknown[] | null, tolerance = 32): Promise<Diff> {
  const naive = itemLayers(statusKey, 'zh', 'naive').find((l) => l.id === ITEM_LAYERS.point) as { paint: Record<string, unknown>; filter: unknown };
  return page.evaluate(
    ({ paint, baseFilter, filter, gpu, above, tolerance }) => {
      const map = (window as any).__atlasMap;
      const grab = (): Uint8ClampedArray => {
        map.redraw();
        const c = map.getCanvas() as HTMLCanvasElement;
        const o = new OffscreenCanvas(c.width, c.height);
        const x = o.getContext('2d')!;
        x.drawImage(c, 0, 0);
        return x.getImageData(0, 0, c.width, c.height).data;
      };
      const atlas = grab();
      // The naive circle layer as a layer of its own, where the GPU layer sits; the Atlas's own
      // layers are not touched (only the GPU layer is hidden meanwhile).
      const probe = 'test-naive-points';
      map.setLayoutProperty(gpu, 'visibility', 'none');
      map.addLayer({ id: probe, type: 'circle', source: 'items', filter: filter ? ['all', baseFilter, filter] : baseFilter, paint }, above);
      return new Promise<Diff>((resolve) => {
        // the new layer's tiles are built in the worker: wait until they are drawn
        map.once('idle', () => {
          const circles = grab();
          map.removeLayer(probe);
          const none = grab();
          map.setLayoutProperty(gpu, 'visibility', 'visible');
          const far = (a: Uint8ClampedArray, b: Uint8ClampedArray, i: number, t: number) =>
            Math.abs(a[i] - b[i]) > t || Math.abs(a[i + 1] - b[i + 1]) > t || Math.abs(a[i + 2] - b[i + 2]) > t;
          let pointPixels = 0;
          let differing = 0;
          for (let i = 0; i < atlas.length; i += 4) {
            if (far(circles, none, i, 16)) pointPixels++;
            if (far(atlas, circles, i, tolerance)) differing++;
          }
          resolve({ pointPixels, differing });
        });
        map.triggerRepaint();
      });
    },
    { paint: naive.paint, baseFilter: naive.filter, filter, gpu: ITEM_LAYERS.pointGpu, above: ITEM_LAYERS.contributedLine, tolerance },
  );
}

test('the GPU points look like the circle layer: status styles, a selected point, a year, a filter', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('item-list')).toBeVisible();
  await waitForMapIdle(page);

  await test.step('all years, nothing selected', async () => {
    const d = await compare(page, 'st', null);
    expect(d.pointPixels).toBeGreaterThan(400);
    expect(d.differing / d.pointPixels).toBeLessThan(0.01);
  });

  await test.step('a selected point is drawn larger with a dark ring', async () => {
    const view = await page.evaluate(() => ({ center: (window as any).__atlasMap.getCenter().toArray(), zoom: (window as any).__atlasMap.getZoom() }));
    const id = 'liaoshen-zhanyi-jinianguan';
    await page.getByTestId('search').fill('辽沈');
    await page.locator(`[data-testid="item-row"][data-item-id="${id}"]`).click();
    await expect(page.getByTestId('item-detail')).toBeVisible();
    await page.evaluate((v) => (window as any).__atlasMap.jumpTo(v), view);
    await waitForMapIdle(page);
    // the search leaves this one item on the map
    const d = await compare(page, 'st', ['==', ['get', 'id'], id]);
    expect(d.pointPixels).toBeGreaterThan(150);
    expect(d.differing / d.pointPixels).toBeLessThan(0.01);
    await page.keyboard.press('Escape');
    await page.getByTestId('search').fill('');
  });

  await test.step('2022: the year restyles and hides points as a filter on the year would', async () => {
    await page.getByTestId('filter-year').locator('[data-year="2022"]').click();
    await waitForMapIdle(page);
    const d = await compare(page, 'st2022', ['!=', ['get', 'st2022'], '']);
    expect(d.pointPixels).toBeGreaterThan(200);
    expect(d.differing / d.pointPixels).toBeLessThan(0.01);
  });

  await test.step('a category filter hides exactly the other points', async () => {
    await page.getByTestId('filter-category').getByRole('checkbox', { name: /教育/ }).check();
    await waitForMapIdle(page);
    const d = await compare(page, 'st2022', ['all', ['!=', ['get', 'st2022'], ''], ['==', ['get', 'category'], 'education']]);
    expect(d.pointPixels).toBeGreaterThan(100);
    expect(d.differing / d.pointPixels).toBeLessThan(0.01);
  });
});
