// Builds the bare MapLibre page (bench/bare/) that the load benchmark compares the Atlas with.
// Same public/ folder as the app, so it ships and fetches the very same data files.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: resolve(here, 'bare'),
  base: './',
  appType: 'mpa',
  publicDir: resolve(here, '..', 'public'),
  logLevel: 'warn',
  build: {
    outDir: resolve(here, 'tmp', 'bare-dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
});
