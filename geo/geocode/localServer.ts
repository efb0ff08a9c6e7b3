/**
 * Test support: a provider stand-in on 127.0.0.1 (random port) whose answers each test scripts, and
 * which records what it was asked. Never used outside tests; nothing here reaches the internet.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalServer {
  baseUrl: string;
  /** Request URLs (path + query) in arrival order, with their User-Agent. */
  requests: { url: string; userAgent: string | undefined }[];
  /** Replace how the server answers from now on. */
  respond(handler: Handler): void;
  close(): Promise<void>;
}

export async function startLocalServer(): Promise<LocalServer> {
  let handler: Handler = (_req, res) => {
    res.statusCode = 500;
    res.end('no handler');
  };
  const requests: LocalServer['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', userAgent: req.headers['user-agent'] });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    respond: (h) => {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // the "never answers" case leaves a socket open
        server.close(() => resolve());
      }),
  };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

/** Answers each request with the next handler, repeating the last one. */
export const sequence = (...handlers: Handler[]): Handler => {
  let i = 0;
  return (req, res) => handlers[Math.min(i++, handlers.length - 1)](req, res);
};

/** Accepts the request and never answers, to exercise client timeouts. */
export const hang: Handler = () => undefined;
