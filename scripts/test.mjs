// `npm test`: type check, unit tests, production build, e2e in real Chromium — in that order,
// stopping at the first failure — then one closing line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'atlas-test-'));
const vitestJson = join(tmp, 'vitest.json');
const playwrightJson = join(tmp, 'playwright.json');
let passed = 0;
let failed = 0;

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function countVitest() {
  if (!existsSync(vitestJson)) return;
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
}

function countPlaywright() {
  if (!existsSync(playwrightJson)) return;
  const s = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
}

function finish(ok) {
  countVitest();
  countPlaywright();
  if (!ok && failed === 0) failed = 1; // a failed step that is not a test (type check, build) still fails
  rmSync(tmp, { recursive: true, force: true }); // the reporters' JSON is read: leave /tmp as found
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  process.exit(ok ? 0 : 1);
}

const steps = [
  ['type check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']],
  ['unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]],
  ['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['chromium', 'node', ['scripts/ensure-chromium.mjs']],
  ['e2e', 'npx', ['playwright', 'test'], { PW_JSON: playwrightJson }],
];
for (const [label, cmd, args, env] of steps) {
  if (!run(label, cmd, args, env)) {
    console.error(`\n✖ ${label} failed`);
    finish(false);
  }
}
finish(true);
