import { defineConfig } from '@playwright/test';
// @ts-expect-error plain ESM helper shared with scripts/ensure-chromium.mjs
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { execFileSync } from 'node:child_process';

/**
 * A free port, chosen once by the runner and inherited by its workers through the environment, so
 * that two runs on one machine (two checkouts, a busy CI host) never collide on a fixed port.
 */
function freePort(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}
process.env.PW_PORT ||= String(freePort());
const PORT = Number(process.env.PW_PORT);

export default defineConfig({
  // `npm run screenshots` points the same rig at tests/screenshots (pictures, not checks).
  testDir: process.env.SCREENSHOTS ? 'tests/screenshots' : 'tests/e2e',
  // A private TMPDIR for the run, checked empty at the end (tests/e2e/global-setup.ts).
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Generous per-test budgets: CI shares a 2-core host, and a software-rendered map can take tens of
  // seconds to go idle there. A budget is not an assertion: every check still waits on an event.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PW_JSON ? [['list'], ['json', { outputFile: process.env.PW_JSON }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    // The map jumps instead of flying (the app honours prefers-reduced-motion): on a software-
    // rendered map each 400 ms flight is frames of CPU, and no test is about the flight itself.
    reducedMotion: 'reduce',
  },
  // The production build, as users get it (`npm test` builds before this runs).
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
