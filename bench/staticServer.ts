/**
 * A tiny static file server on 127.0.0.1 for the benchmark: one URL prefix per built folder
 * (`/app/` → the Atlas build, `/bare/` → the bare page), no compression (both pages pay the same),
 * no caching headers (every run uses a fresh browser context anyway).
 */
import { createReadStream, statSync } from 'node:fs';
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

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `roots[prefix]` under `/<prefix>/` on a free port of 127.0.0.1. */
export async function serveStatic(roots: Record<string, string>): Promise<StaticServer> {
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
      const size = statSync(file).size;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': size });
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
