import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  // 'mpa' so that a missing data file is a 404, not index.html served as if it were JSON.
  appType: 'mpa',
  base: './',
  // MapLibre alone is ~1 MB minified and shares the entry chunk; warn only beyond that.
  build: { target: 'es2022', chunkSizeWarningLimit: 1400 },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
