import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'geo/**/*.test.ts', 'bench/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/unit/global-setup.ts'],
    testTimeout: 20_000,
    // Vitest's default leaves a core free, which on a 2-core CI host is one worker: 104 s for the
    // unit tests there, 73 s with two (the files mostly wait on child processes and the disk).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
