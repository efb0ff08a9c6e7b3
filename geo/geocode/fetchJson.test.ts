import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrossOriginRedirectError } from './errors';
import { fetchJson } from './fetchJson';
import { json, startLocalServer, type Handler, type LocalServer } from './localServer';

const KEY = 'amapREDIRECTkey1234567';
const redirect = (to: string, status = 302): Handler => (_req, res) => {
  res.writeHead(status, { Location: to });
  res.end();
};

// Two servers on two ports: two origins, as a provider and a stranger would be.
let provider: LocalServer;
let stranger: LocalServer;
beforeAll(async () => {
  [provider, stranger] = await Promise.all([startLocalServer(), startLocalServer()]);
  stranger.respond(json({ status: '1' }));
});
afterAll(() => Promise.all([provider.close(), stranger.close()]));

describe('fetchJson redirects', () => {
  it('refuses a redirect to another origin: the key never reaches it, nor the message', async () => {
    const before = stranger.requests.length;
    provider.respond(redirect(`${stranger.baseUrl}/steal?key=${KEY}`));
    const err = await fetchJson(`${provider.baseUrl}/v3/geocode/geo?key=${KEY}&address=x`, { timeoutMs: 2_000, secrets: [KEY] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CrossOriginRedirectError);
    expect((err as CrossOriginRedirectError).kind).toBe('redirect');
    expect((err as Error).message).toContain(stranger.baseUrl);
    expect((err as Error).message).not.toContain(KEY);
    expect(stranger.requests.length).toBe(before);
  });

  it('refuses a protocol-relative redirect to another host too', async () => {
    provider.respond(redirect('//example.invalid/x', 301));
    await expect(fetchJson(`${provider.baseUrl}/a?key=${KEY}`, { timeoutMs: 2_000, secrets: [KEY] })).rejects.toThrow(/redirect: refused a redirect to another origin \(http:\/\/example\.invalid\)/);
  });

  it('follows a redirect within the same origin', async () => {
    provider.respond((req, res) => (req.url?.startsWith('/old') ? redirect('/new')(req, res) : json({ ok: 1 })(req, res)));
    expect(await fetchJson(`${provider.baseUrl}/old?key=${KEY}`, { timeoutMs: 2_000 })).toEqual({ ok: 1 });
  });

  it('gives up on a same-origin redirect loop', async () => {
    provider.respond(redirect('/loop'));
    await expect(fetchJson(`${provider.baseUrl}/loop`, { timeoutMs: 2_000 })).rejects.toThrow(/http: HTTP 302/);
  });
});
