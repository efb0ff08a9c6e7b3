import { defineConfig, loadEnv, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { atlasCsp, atlasCspHeader } from './src/lib/csp.ts';

/** `PORT=5000 npm start` (or `npm start -- --port 5000`); a typo is an error, not a silent 4173. */
function previewPort(value = process.env.PORT): number {
  if (value === undefined || value === '') return 4173;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number (1–65535), got "${value}"`);
  return port;
}

/**
 * The built index.html carries the policy as a meta tag (so any static host enforces it); the dev
 * server is left without (Vite's dev client injects inline code).
 */
function cspMeta(csp: string): Plugin {
  return {
      name: 'atlas-csp-meta',
      apply: 'build',
      transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: csp }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig(({ mode }) => {
  // The policy allows the tile hosts of the street basemaps this build is configured with (VITE_*).
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const csp = atlasCsp(env);
  return {
    plugins: [svelte(), cspMeta(csp)],
    // 'mpa' so that a missing data file is a 404, not index.html served as if it were JSON.
    appType: 'mpa',
    base: './',
    // MapLibre alone is ~1 MB minified and shares the entry chunk; warn only beyond that.
    build: { target: 'es2022', chunkSizeWarningLimit: 1400 },
    // strictPort: a busy port is an error that names it, never a silently different address.
    // `npm start -- --host` listens on every interface, for a phone on the same LAN.
    preview: { host: '127.0.0.1', port: previewPort(), strictPort: true, headers: { 'Content-Security-Policy': atlasCspHeader(env) } },
    server: { host: '127.0.0.1' },
  };
});
