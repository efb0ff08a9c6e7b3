// Where the e2e suite spends its time: serial seconds per spec (the sum of its tests' durations)
// and the run's wall time, from Playwright's JSON report; a second report prints side by side.
//   PW_JSON=/tmp/e2e.json npx playwright test && node scripts/e2e-times.mjs /tmp/e2e.json [/tmp/other.json]
// TESTS=1 also lists every test of the first report, slowest first, with its steps' seconds.
import { readFileSync } from 'node:fs';

function load(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const tests = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        tests.push({
          file: spec.file,
          title: [...titles, spec.title].join(' › '),
          secs: t.results.reduce((a, r) => a + r.duration, 0) / 1000,
          steps: t.results.flatMap((r) => (r.steps ?? []).map((s) => ({ title: s.title, secs: s.duration / 1000 }))),
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child, child.file === child.title ? titles : [...titles, child.title]);
  };
  for (const suite of report.suites) walk(suite, []);
  const stats = report.stats;
  return { tests, wall: stats.duration / 1000, summary: `${stats.expected} passed, ${stats.unexpected} failed, ${stats.flaky} flaky, ${stats.skipped} skipped` };
}

function perSpec(tests) {
  const out = new Map();
  for (const t of tests) {
    const s = out.get(t.file) ?? { n: 0, secs: 0 };
    s.n++;
    s.secs += t.secs;
    out.set(t.file, s);
  }
  return out;
}

const [a, b] = process.argv.slice(2).map(load);
if (!a) {
  console.error('usage: node scripts/e2e-times.mjs report.json [other.json]');
  process.exit(1);
}
const pa = perSpec(a.tests);
const pb = b ? perSpec(b.tests) : new Map();
const files = [...new Set([...pa.keys(), ...pb.keys()])].sort((x, y) => (pa.get(y)?.secs ?? 0) - (pa.get(x)?.secs ?? 0));
const cell = (s) => `${String(s?.n ?? 0).padStart(5)} ${(s?.secs ?? 0).toFixed(0).padStart(7)}`;
const sum = (tests) => ({ n: tests.length, secs: tests.reduce((x, t) => x + t.secs, 0) });
console.log(`${'spec'.padEnd(28)} ${'tests'.padStart(5)} ${'serial s'.padStart(7)}${b ? `  ${'tests'.padStart(5)} ${'serial s'.padStart(7)}` : ''}`);
for (const f of files) console.log(`${f.padEnd(28)} ${cell(pa.get(f))}${b ? `  ${cell(pb.get(f))}` : ''}`);
console.log(`${'all specs'.padEnd(28)} ${cell(sum(a.tests))}${b ? `  ${cell(sum(b.tests))}` : ''}`);
console.log(`${'wall s'.padEnd(28)} ${''.padStart(5)} ${a.wall.toFixed(0).padStart(7)}${b ? `  ${''.padStart(5)} ${b.wall.toFixed(0).padStart(7)}` : ''}`);
console.log(`${a.summary}${b ? `  |  ${b.summary}` : ''}`);
if (process.env.TESTS) {
  for (const t of [...a.tests].sort((x, y) => y.secs - x.secs)) {
    console.log(`${t.secs.toFixed(1).padStart(6)}  ${t.file}: ${t.title}`);
    for (const s of t.steps) console.log(`${''.padStart(8)}${s.secs.toFixed(1).padStart(6)}  ${s.title}`);
  }
}
