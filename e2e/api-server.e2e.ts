import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startApiServer } from '../examples/api-server/server.mjs';
import { expect, test } from './fixtures';

// The demo API on its own, over HTTP from Node: what the reference describes, the faults, the
// CORS answers the kit's headers need, and one log line per request without the token.

const fixture = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../api/fixtures/${name}`, import.meta.url)), 'utf8')) as unknown;

test('speaks the reference: Bearer auth, envelopes, CORS for the kit, faults, token-free logs', async () => {
  const lines: string[] = [];
  const api = await startApiServer({ port: 0, token: 'secret-jwt', log: (line) => lines.push(line) });
  const get = (path: string, token: string | null = 'secret-jwt', headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, { headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } });
  try {
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const ok = await get('/api/v1/sessions/cs_succeed_5s_a');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: 'cs_succeed_5s_a', status: 'PENDING', paymentMethod: expect.any(String) });

    for (const token of [null, 'wrong']) {
      const denied = await get('/api/v1/sessions/cs_succeed_5s_a', token);
      expect(denied.status).toBe(401);
      expect(await denied.json()).toEqual(fixture('error.401.json'));
    }
    const missing = await get('/api/v1/sessions/no-such-session');
    expect(await missing.json()).toEqual(fixture('error.404.json'));

    const preflight = await fetch(`${api.url}/api/v1/sessions/cs_pending`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:5174', 'Access-Control-Request-Headers': 'authorization,accept' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5174');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const foreign = await fetch(`${api.url}/api/v1/sessions/cs_pending`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    const fault = (name: string, extra = '') => get(`/api/v1/sessions/cs_pending?fault=${name}${extra}`, 'secret-jwt', { Origin: 'http://localhost:5174' });
    const serverError = await fault('500');
    expect(serverError.status).toBe(500);
    expect(await serverError.json()).toMatchObject({ ...(fixture('error.500.json') as object), requestId: expect.stringMatching(/^req_\d+$/) });
    expect(await (await fault('502')).json()).toEqual(fixture('error.502.json'));
    expect(await (await fault('504')).json()).toEqual(fixture('error.504.json'));
    const limited = await fault('429', '&retryAfter=3');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    expect(limited.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    const nonJson = await fault('nonjson');
    expect(nonJson.headers.get('content-type')).toMatch(/text\/html/);
    const started = Date.now();
    expect((await fault('slow', '&delayMs=300')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await expect(fault('drop')).rejects.toThrow();

    // One line per request, and never the token.
    expect(lines).toHaveLength(13);
    expect(lines.join('\n')).not.toContain('secret-jwt');
    expect(lines.join('\n')).not.toContain('wrong');
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
  } finally {
    await api.close();
  }
});
