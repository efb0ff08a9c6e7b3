/**
 * Golden fixtures for the locating methods: `fixtures/<method>/<case>/in.json` holds the cited
 * entries (and whatever else the case needs), `out.json` the Location the method gives.
 * `UPDATE_GOLDEN=1 npx vitest run geo/locate` rewrites the outputs; review the diff before keeping it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatJson } from '../layers';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export function goldenCases(method: string): string[] {
  const dir = join(FIXTURES, method);
  return existsSync(dir) ? readdirSync(dir).filter((d) => existsSync(join(dir, d, 'in.json'))).sort() : [];
}

export function readCase<T>(method: string, name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, method, name, 'in.json'), 'utf8')) as T;
}

/** The formatted output and the golden text to compare it with (written first under UPDATE_GOLDEN=1). */
export function golden(method: string, name: string, value: unknown): { got: string; want: string } {
  const path = join(FIXTURES, method, name, 'out.json');
  const got = formatJson(value);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, got);
  if (!existsSync(path)) throw new Error(`no golden output ${path}; run with UPDATE_GOLDEN=1 and review it`);
  return { got, want: readFileSync(path, 'utf8') };
}
