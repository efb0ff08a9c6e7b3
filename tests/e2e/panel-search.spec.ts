/**
 * Issue 11, the panel half: one search that finds places and neighbourhoods and moves the map,
 * an empty result that offers the next step, the panel's lead and active-filter chips (visible
 * without scrolling from a shared link), the list order in the URL — at desktop and phone size,
 * axe clean in the new states.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, goInApp, test, seriousAxe } from './fixtures';

const REPORT: string = JSON.parse(readFileSync('public/data/report.json', 'utf8')).text;
const ITEM_IDS: string[] = JSON.parse(readFileSync('public/data/items.geojson', 'utf8')).features.map((f: { id: string }) => f.id);

const PHONE = { width: 390, height: 844 };

async function center(page: Page): Promise<{ lng: number; lat: number; zoom: number }> {
  return page.evaluate(() => {
    const map = (window as any).__atlasMap;
    const c = map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  });
}

/**
 * Waits until the map has stopped with a point framed close up, in the part of the map the panel
 * leaves visible (on a phone the sheet covers the bottom; frames keep it out).
 */
async function expectMapAt(page: Page, lng: number, lat: number): Promise<void> {
  await page.waitForFunction(
    ([x, y]) => {
      const map = (window as any).__atlasMap;
      if (map.isMoving() || map.getZoom() < 13) return false;
      const canvas = map.getCanvas().getBoundingClientRect();
      const panel = document.getElementById('panel')!;
      const covered = getComputedStyle(panel).position === 'absolute' ? canvas.bottom - panel.getBoundingClientRect().top : 0;
      const p = map.project([x, y]);
      return Math.abs(p.x - canvas.width / 2) < canvas.width / 4 && p.y > 0 && p.y < canvas.height - covered;
    },
    [lng, lat],
    { timeout: 15_000 },
  );
}

/** The search's place marker as the map holds and draws it. */
async function placeMark(page: Page): Promise<{ names: string[]; labelled: boolean }> {
  return page.evaluate(() => {
    const map = (window as any).__atlasMap;
    const names = [...new Set<string>(map.querySourceFeatures('search-place').map((f: any) => f.properties.name))];
    return { names, labelled: map.queryRenderedFeatures({ layers: ['search-place-label'] }).length > 0 };
  });
}

/** As waitForMapIdle, with room for a machine shared by many test runs (the map's first idle took 45 s there). */
async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = (window as any).__atlasMap;
    return !!map && map.isStyleLoaded() && map.loaded() && !map.isMoving();
  }, undefined, { timeout: 90_000 });
}


for (const size of ['desktop', 'phone'] as const) {
  test.describe(size, () => {
    if (size === 'phone') test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

    // The empty search shares the page (a step each, named as the tests they were): one load of
    // the software-rendered map instead of two; the English start opens in-app.
    test('search: places, neighbourhoods and items; an empty search offers the next step', async ({ page }) => {
      test.setTimeout(150_000);
      await test.step('search finds 古塔 and 八一公园 and moves the map; 铁北 finds all 4 of its items', async () => {
        await page.goto('/');
        await waitForMap(page);
        const search = page.getByTestId('search');
        const popup = page.getByTestId('search-suggestions');

        // 古塔: a basemap label, chosen with the pointer (a tap on the phone)
        await search.fill('古塔');
        await expect(search).toHaveAttribute('aria-expanded', 'true');
        const gutaOption = popup.locator('[role="option"][data-key="place:锦州古塔历史文化公园"]');
        await expect(gutaOption).toBeVisible();
        const before = await center(page);
        if (size === 'phone') await gutaOption.tap();
        else await gutaOption.click();
        await expectMapAt(page, 121.119, 41.1083);
        expect((await center(page)).zoom).toBeGreaterThan(before.zoom);
        await expect(page.getByTestId('search-done')).toContainText('锦州古塔历史文化公园');
        await expect(search).toHaveAttribute('aria-expanded', 'false');
        // a marker with the place's name; the name stays in the box (it is not a filter)
        await expect.poll(() => placeMark(page)).toEqual({ names: ['锦州古塔历史文化公园'], labelled: true });
        await expect(search).toHaveValue('锦州古塔历史文化公园');
        await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', '102');

        // 八一公园: chosen with the keyboard (the exact name is the first place)
        await search.fill('八一公园');
        await expect(popup.getByRole('option').first()).toBeVisible();
        await search.press('ArrowDown');
        await expect(search).toHaveAttribute('aria-activedescendant', 'search-opt-0');
        await expect(popup.locator('#search-opt-0')).toHaveAttribute('data-key', 'place:八一公园');
        await search.press('Enter');
        await expectMapAt(page, 121.1679, 41.1111);
        // another place replaces the marker; clearing the search removes it, and says so
        await expect.poll(() => placeMark(page)).toEqual({ names: ['八一公园'], labelled: true });
        await search.fill('');
        await expect.poll(() => placeMark(page)).toEqual({ names: [], labelled: false });
        await expect(page.getByTestId('search-done')).toContainText('八一公园');

        // 铁北: the neighbourhood and its 4 items are suggested; Enter filters the list to them
        await search.fill('铁北');
        await expect(popup.locator('[role="option"][data-key="hood:tiebei"]')).toContainText('4');
        await expect(popup.getByRole('group', { name: '事项' }).getByRole('option')).toHaveCount(4);
        expect(await seriousAxe(page), 'suggestions open').toEqual([]);
        await search.press('Enter');
        await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', '4');
        await expect(page.getByTestId('active-filters').locator('[data-facet="q"]')).toBeVisible();

        // choosing the neighbourhood sets its filter and frames it
        await search.fill('铁北');
        await popup.locator('[role="option"][data-key="hood:tiebei"]').click();
        await expect(page.getByTestId('active-filters').locator('[data-facet="hood"][data-value="tiebei"]')).toBeVisible();
        await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', '4');
        await expect(page).toHaveURL(/\?hood=tiebei(#|$)/);
      });

      await test.step('an empty search offers the report text and says when a neighbouring district is meant', async () => {
        await goInApp(page, '/?lang=en');
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        const search = page.getByTestId('search');
        await search.fill('古塔区');
        await expect(page.getByTestId('search-outside')).toContainText('古塔区 is outside Linghe');
        // words of the report that name no item or place: the report option opens the reader there
        await search.fill('营商环境');
        await expect(page.getByTestId('search-none')).toBeVisible();
        const report = page.getByTestId('search-suggestions').locator('[data-key="report"]');
        await expect(report).toContainText('in the report text');
        expect(await seriousAxe(page), 'empty result').toEqual([]);
        await report.click();
        const reader = page.getByTestId('report-reader');
        await expect(reader).toBeVisible();
        // the reader scrolls to the sentence of the first hit
        await expect(reader.locator('.sent', { hasText: '营商环境' }).first()).toBeInViewport();
      });
    });

    test('a restored hood= link shows its filter without scrolling; the lead counts follow; sort= is in the URL', async ({ page }) => {
      test.setTimeout(150_000);
      await page.goto('/?hood=tiebei');
      await waitForMap(page);
      const chip = page.getByTestId('active-filters').locator('[data-facet="hood"][data-value="tiebei"]');
      await expect(chip).toBeVisible();
      const box = (await chip.boundingBox())!;
      const vp = page.viewportSize()!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(vp.height);
      expect(box.x + box.width).toBeLessThanOrEqual(vp.width);
      await expect(page.getByTestId('lead')).toContainText(/4 个事项 · \d 个在图上/);

      // the restored link frames the map as choosing 铁北 does (unchoose, look elsewhere, choose again)
      const restored = await center(page);
      const tiebei = page.getByTestId('filter-neighbourhood').locator('input[value="tiebei"]');
      // (a click event: on the phone the chip sits in the sheet's scroll box, which is not what is tested here)
      await tiebei.dispatchEvent('click');
      await expect(tiebei).not.toBeChecked();
      await page.evaluate(() => (window as any).__atlasMap.jumpTo({ center: [121.3, 41.05], zoom: 15 }));
      await tiebei.dispatchEvent('click');
      await expect(tiebei).toBeChecked();
      await waitForMap(page);
      const chosen = await center(page);
      // the same frame: both are made once the page shows the filter (the area tray, which the frame
      // keeps clear of, shrinks with it) and the map's loading note is gone
      expect(Math.abs(chosen.zoom - restored.zoom), JSON.stringify({ restored, chosen })).toBeLessThan(0.01);
      expect(Math.abs(chosen.lat - restored.lat), JSON.stringify({ restored, chosen })).toBeLessThan(0.001);
      expect(Math.abs(chosen.lng - restored.lng), JSON.stringify({ restored, chosen })).toBeLessThan(0.001);

      // list order: report order by default, on-map first when chosen, and the URL says so
      const firstIds = () => page.getByTestId('item-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')));
      const reportOrder = await firstIds();
      await page.getByTestId('sort').selectOption('map');
      await expect(page).toHaveURL(/[?&]sort=map/);
      await expect.poll(firstIds).not.toEqual(reportOrder);
      const mapOrder = await firstIds();
      const mapped = await page.evaluate(
        (ids) => ids.map((id) => !!document.querySelector(`[data-item-id="${id}"] .badge:not(.unmapped)`)),
        mapOrder,
      );
      expect(mapped.indexOf(false) === -1 || !mapped.slice(mapped.indexOf(false)).includes(true)).toBe(true);

      // ✕ removes the filter, the lead follows, the chip row says nothing is filtered
      await chip.click();
      await expect(page.getByTestId('active-filters-none')).toBeVisible();
      await expect(page.getByTestId('lead')).toContainText('102 个事项');
      expect(await seriousAxe(page), 'chips and sort').toEqual([]);

      // 滨河 has one located item, the ±2 km bridge: a restored link frames its whole circle, close in
      // (opened in-app, through the same restore as a link's; the load-time restore of a hood= link
      // was compared with choosing it above)
      await goInApp(page, '/?hood=binhe');
      await expect(page.getByTestId('active-filters').locator('[data-facet="hood"][data-value="binhe"]')).toBeVisible();
      await waitForMap(page);
      const binhe = await page.evaluate(() => {
        const map = (window as any).__atlasMap;
        const f = map.querySourceFeatures('items').find((x: any) => x.properties.id === 'guangzhoujie-kua-xiaolinghe-teda-qiao');
        const [lng, lat] = f.geometry.coordinates;
        const dLat = (2000 / 6371008.8) * (180 / Math.PI);
        const dLng = dLat / Math.cos((lat * Math.PI) / 180);
        const nw = map.project([lng - dLng, lat + dLat]);
        const se = map.project([lng + dLng, lat - dLat]);
        const c = map.getCanvas().getBoundingClientRect();
        const panel = document.getElementById('panel')!;
        const bottom = getComputedStyle(panel).position === 'absolute' ? panel.getBoundingClientRect().top - c.top : c.height;
        return { inside: nw.x >= 0 && nw.y >= 0 && se.x <= c.width && se.y <= bottom, share: (se.x - nw.x) / c.width, dx: Math.abs((nw.x + se.x) / 2 - c.width / 2) };
      });
      expect(binhe.inside, JSON.stringify(binhe)).toBe(true);
      // centred (the district view has the bridge ~60 px off centre), and on a desktop closer in than
      // the district view's third of the width (on a phone the sheet and the notes leave little height)
      expect(binhe.dx, JSON.stringify(binhe)).toBeLessThan(10);
      if (size === 'desktop') expect(binhe.share, JSON.stringify(binhe)).toBeGreaterThan(0.45);

      // a restored pin= link centres the map on the pin (above the phone's sheet) and shows it
      await goInApp(page, '/?pin=41.13,121.16');
      await waitForMap(page);
      await expectMapAt(page, 121.16, 41.13);
      const pin = await page.evaluate(() => {
        const map = (window as any).__atlasMap;
        const p = map.project([121.16, 41.13]);
        return { dx: Math.abs(p.x - map.getCanvas().clientWidth / 2), drawn: map.querySourceFeatures('pin').length };
      });
      expect(pin.dx).toBeLessThan(2);
      expect(pin.drawn).toBeGreaterThan(0);
      await expect(page.getByTestId('near-here')).toBeVisible();
    });
  });
}

test('every 「」 in every item detail is verbatim report text; editor notes and provenance in the UI language', async ({ page }) => {
  test.setTimeout(180_000);
  // One page load for both languages and the provenance check: English arrives as a history step.
  await page.goto(`/?item=${ITEM_IDS[0]}`);
  for (const lang of ['zh', 'en'] as const) {
    if (lang === 'en') {
      await goInApp(page, `/?item=${ITEM_IDS[0]}&lang=en`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    await expect(page.getByTestId('item-detail')).toBeVisible();
    // All items' details in one page load and one round trip: selection changes through the app's
    // own history, and each detail is read as soon as it shows that item. The map is set aside
    // meanwhile: this reads text, and a software-rendered map spends ~0.5 s per item re-framing.
    const details = await page.evaluate(async (ids) => {
      document.querySelector<HTMLElement>('[data-testid="map"]')!.style.display = 'none';
      const out: { id: string; text: string; notes: string[]; sources: string[] }[] = [];
      for (const id of ids) {
        const u = new URL(location.href);
        u.searchParams.set('item', id);
        history.pushState(null, '', u);
        dispatchEvent(new PopStateEvent('popstate'));
        let detail: HTMLElement | null = null;
        for (let tries = 0; !detail && tries < 2000; tries++) {
          detail = document.querySelector<HTMLElement>(`[data-testid="item-detail"][data-item-id="${id}"]`);
          if (!detail) await new Promise((r) => setTimeout(r, 5));
        }
        if (!detail) throw new Error(`no detail for ${id}`);
        out.push({
          id,
          text: detail.innerText,
          notes: [...detail.querySelectorAll<HTMLElement>('[data-testid="editor-note"]')].map((n) => n.innerText),
          sources: [...detail.querySelectorAll<HTMLElement>('.evidence .src')].map((n) => n.innerText),
        });
      }
      return out;
    }, ITEM_IDS);
    expect(details.map((d) => d.id)).toEqual(ITEM_IDS);
    const quoted: string[] = [];
    let notes = 0;
    for (const d of details) {
      for (const m of d.text.matchAll(/「([^」]*)」/g)) quoted.push(`${d.id}: ${m[1]}`);
      notes += d.notes.length;
      // an editor's note in zh is Chinese, not the curator's English
      if (lang === 'zh') for (const n of d.notes) expect(n, d.id).toMatch(/[\u4e00-\u9fff]{4}/);
      // evidence reads as a source; the pipeline's provenance waits behind a disclosure
      for (const src of d.sources) expect(src, d.id).not.toMatch(/github|scrape|\.csv/);
    }
    expect(quoted.length).toBeGreaterThan(50);
    for (const q of quoted) expect(REPORT.includes(q.slice(q.indexOf(': ') + 2)), q).toBe(true);
    expect(notes).toBeGreaterThanOrEqual(11);
  }
  await goInApp(page, '/?item=minheli-3-4-haolou');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // the map back in the page, as a fresh load has it, for the axe run
  await page.getByTestId('map').evaluate((el) => (el.style.display = ''));
  const detail = page.getByTestId('item-detail');
  await expect(detail).toHaveAttribute('data-item-id', 'minheli-3-4-haolou');
  await expect(detail.getByTestId('editor-note').first()).toContainText('编者按');
  const prov = detail.locator('details.prov').first();
  await expect(prov.locator('dl')).toBeHidden();
  await prov.locator('summary').click();
  await expect(prov.locator('dl')).toBeVisible();
  expect(await seriousAxe(page), 'detail with provenance open').toEqual([]);
});

test('keyboard: skip links, one tab stop per chip group; short landscape uses the sheet', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('item-list')).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到事项列表' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-list')).toBeFocused();
  await page.getByRole('link', { name: '跳到地图' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="map"] canvas')).toBeFocused();

  // the category chips: one tab stop, arrows move, Space toggles
  const cats = page.getByTestId('filter-category').getByRole('checkbox');
  await cats.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(cats.nth(1)).toBeFocused();
  await page.keyboard.press(' ');
  await expect(cats.nth(1)).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('filter-neighbourhood').getByRole('checkbox').first()).toBeFocused();
  const stops = await page.getByTestId('filter-category').locator('input[tabindex="0"]').count();
  expect(stops).toBe(1);

  // a phone on its side: the panel is a bottom sheet over the map
  await page.setViewportSize({ width: 844, height: 390 });
  await expect.poll(() => page.locator('#panel').evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
});

test.describe('an English browser', () => {
  test.use({ locale: 'en-US' });
  test('opens in English when the URL names no language, and keeps zh once chosen', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Linghe Report Atlas');
    await page.getByRole('button', { name: '切换到中文' }).click();
    await expect(page).toHaveURL(/lang=zh/);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('凌河区政府工作报告地图');
  });
});
