import type { Page } from '@playwright/test';
import { expect, test, waitForMapIdle } from './fixtures';

/** Ids of items whose label is rendered, and the property the labels draw their text from. */
async function labelState(page: Page): Promise<{ ids: string[]; field: string }> {
  return page.evaluate(() => {
    const map = (window as any).__atlasMap;
    const fs = map.queryRenderedFeatures({ layers: ['items-label', 'items-label-line'] });
    return { ids: [...new Set(fs.map((f: any) => f.properties.id))] as string[], field: map.getLayoutProperty('items-label', 'text-field')[1] };
  });
}

test('mapped items are labelled in the UI language, and labels follow the filters', async ({ page }) => {
  await page.goto('/?item=liaoshen-zhanyi-jinianguan');
  await waitForMapIdle(page);
  await expect.poll(() => labelState(page)).toEqual({ ids: expect.arrayContaining(['liaoshen-zhanyi-jinianguan']), field: 'name' });

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await waitForMapIdle(page);
  await expect.poll(() => labelState(page)).toEqual({ ids: expect.arrayContaining(['liaoshen-zhanyi-jinianguan']), field: 'name_en' });

  // A category that excludes the memorial removes its label with its symbol.
  await page.goto('/?item=liaoshen-zhanyi-jinianguan&category=road_bridge');
  await waitForMapIdle(page);
  await expect.poll(async () => (await labelState(page)).ids).not.toContain('liaoshen-zhanyi-jinianguan');
});
