import { expect, test, waitForMapIdle } from './fixtures';

const QUOTE = '实施松坡路、锦义街等主要道路维修改造';
const SENTENCE_START = '积极争取上级支持'; // the same sentence, before the quote

test('the map and the list do not wait for report.json; the quote gains its sentence when it arrives', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  // Late, not hung: held only until the map is idle, which on a loaded host can outlast the
  // app's 15 s fetch timeout (that case is the data-fault matrix's "hung").
  await page.addInitScript(() => ((window as any).__atlasFetchTimeoutMs = 120_000));
  await page.route('**/data/report.json', async (route) => {
    await held;
    await route.fallback();
  });
  await page.goto('/?item=songpo-lu');
  await waitForMapIdle(page);
  const detail = page.getByTestId('item-detail');
  await expect(detail).toContainText(QUOTE);
  await expect(detail).not.toContainText(SENTENCE_START);
  expect(await page.evaluate(() => (window as any).__atlasMap.getSource('items') !== undefined)).toBe(true);

  release();
  await expect(detail).toContainText(SENTENCE_START);
});

test('a broken report.json leaves the map and the list working, with a notice naming it', async ({ page }) => {
  await page.route('**/data/report.json', (route) => route.fulfill({ status: 200, body: '{"id": "linghe-2022", "text": 5}', contentType: 'application/json' }));
  await page.goto('/');
  await waitForMapIdle(page);
  await expect(page.getByTestId('notice')).toContainText('report.json');
  await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', '102');
  await page.getByRole('button', { name: '阅读报告' }).click();
  await expect(page.locator('.reader-box')).toContainText('report.json');
});

test.describe('a failing gazetteer.json', () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource: .*status of 500 .*gazetteer\.json/] });

  test('a broken gazetteer.json is named in a notice; the map and the detail still work', async ({ page }) => {
    await page.route('**/data/gazetteer.json', (route) => route.fulfill({ status: 500, body: 'oops' }));
    await page.goto('/?item=songpo-lu');
    await waitForMapIdle(page);
    await expect(page.getByTestId('notice')).toContainText('gazetteer.json');
    await expect(page.getByTestId('notice')).not.toContainText('地图出错');
    await expect(page.getByTestId('item-detail')).toContainText(QUOTE);
  });
});

// ("MapLibre's own controls speak the UI's language" is a step of shell.spec.ts's default-start test.)

test.describe('two parts failing at once', () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource: .*status of 500 .*(gazetteer|report)\.json/] });

  test('each gets its own notice, stacked, not on top of each other', async ({ page }) => {
    await page.route('**/data/gazetteer.json', (route) => route.fulfill({ status: 500, body: 'oops' }));
    await page.route('**/data/report.json', (route) => route.fulfill({ status: 500, body: 'oops' }));
    await page.goto('/');
    await waitForMapIdle(page);
    const notices = page.getByTestId('notice');
    await expect(notices).toHaveCount(2);
    const [a, b] = [(await notices.nth(0).boundingBox())!, (await notices.nth(1).boundingBox())!];
    expect(a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
    await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', '102');
  });
});
