/**
 * A tiny static file server on 127.0.0.1 for the benchmark: one URL prefix per built folder
 * (`/app/` → the Atlas build, `/bare/` → the bare page), gzip for text files when the browser
 * asks (as a static host serves them; compressed once per file and kept, so the compression is
 * not timed), no caching headers (every run uses a fresh browser context anyway).
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Types a static host compresses (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg']);

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `roots[prefix]` under `/<prefix>/` on a free port of 127.0.0.1. */
export async function serveStatic(roots: Record<string, string>, { gzip = true }: { gzip?: boolean } = {}): Promise<StaticServer> {
  const gzipped = new Map<string, { mtime: number; body: Buffer }>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [, prefix, ...rest] = path.split('/');
    const root = roots[prefix];
    const rel = normalize(rest.join('/') || 'index.html');
    if (!root || rel.startsWith('..') || rel.includes(`${sep}..`)) {
      res.writeHead(404).end(`no such path: ${path}`);
      return;
    }
    let file = join(root, rel);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const st = statSync(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        let z = gzipped.get(file);
        if (!z || z.mtime !== st.mtimeMs) gzipped.set(file, (z = { mtime: st.mtimeMs, body: gzipSync(readFileSync(file), { level: 6 }) }));
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': z.body.length, vary: 'accept-encoding' });
        res.end(z.body);
        return;
      }
      res.writeHead(200, { 'content-type': type, 'content-length': st.size });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end(`no such file: ${path}`);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
