import { http, HttpResponse } from 'msw';
import { ZodError } from 'zod';
import { controllersOfSignals } from '../../src/core/abortable';
import { createCheckoutClient, type CheckoutClientOptions } from '../../src/core/client';
import { CheckoutApiError } from '../../src/core/errors';
import {
  errorFixtures,
  makeSession,
  mockNetworkError,
  mockNonJson,
  mockSession,
  mockSessionEndpoint,
  mockSessionError,
  sessionFixtures,
  type SessionRequestInfo,
} from '../../src/testing';
import { fakeFetch, largestBurst } from '../support/fakeApi';
import { TEST_API, TEST_TOKEN, setupMswServer } from '../support/server';

const server = setupMswServer();

function recordRequests(session = makeSession()) {
  const requests: SessionRequestInfo[] = [];
  server.use(mockSession(session, { onRequest: (info) => requests.push(info) }));
  return requests;
}

async function errorOf(promise: Promise<unknown>): Promise<CheckoutApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CheckoutApiError);
  return error as CheckoutApiError;
}

const client = () => createCheckoutClient({ baseUrl: TEST_API, token: TEST_TOKEN });

describe('createCheckoutClient request', () => {
  it('sends GET to /api/v1/sessions/{id} with the bearer token and Accept: application/json', async () => {
    const requests = recordRequests();
    await client().getSession('cs_123');
    expect(requests).toHaveLength(1);
    const { request } = requests[0]!;
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`${TEST_API}/api/v1/sessions/cs_123`);
    expect(request.headers.get('Authorization')).toBe(`Bearer ${TEST_TOKEN}`);
    expect(request.headers.get('Accept')).toBe('application/json');
  });

  it.each([
    ['https://api.test/', 'https://api.test/api/v1/sessions/cs_1'],
    ['https://api.test/payments', 'https://api.test/payments/api/v1/sessions/cs_1'],
    ['https://api.test/payments/', 'https://api.test/payments/api/v1/sessions/cs_1'],
  ])('joins base URL %s without a doubled slash', async (baseUrl, expected) => {
    const urls: string[] = [];
    server.use(http.get('*', ({ request }) => (urls.push(request.url), HttpResponse.json(makeSession()))));
    await createCheckoutClient({ baseUrl, token: TEST_TOKEN }).getSession('cs_1');
    expect(urls).toEqual([expected]);
  });

  it.each(['a/b', '//evil.example/x', 'https://evil.example', '?admin=1#x', '%2e%2e', 'ü 😀', '../admin'])(
    'keeps the id %j as one encoded path segment on the configured origin',
    async (sessionId) => {
      const requests = recordRequests();
      await client().getSession(sessionId);
      const url = new URL(requests[0]!.request.url);
      expect(url.origin).toBe(TEST_API);
      expect(url.pathname).toBe(`/api/v1/sessions/${encodeURIComponent(sessionId)}`);
      expect(requests[0]!.sessionId).toBe(sessionId);
    },
  );

  it.each(['', '.', '..'])('refuses the id %j with a clear error and sends nothing', async (sessionId) => {
    const requests = recordRequests();
    const error = await errorOf(client().getSession(sessionId));
    expect(error.kind).toBe('invalid_request');
    expect(error.retryable).toBe(false);
    expect(requests).toHaveLength(0);
  });

  it('asks a token provider again before every request', async () => {
    const requests = recordRequests();
    let version = 0;
    const tokens = createCheckoutClient({ baseUrl: TEST_API, token: async () => `token-${++version}` });
    await tokens.getSession('cs_1');
    await tokens.getSession('cs_1');
    expect(requests.map((r) => r.request.headers.get('Authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('does not double a "Bearer " prefix the integrator already added', async () => {
    const requests = recordRequests();
    await createCheckoutClient({ baseUrl: TEST_API, token: () => `Bearer ${TEST_TOKEN}` }).getSession('cs_1');
    expect(requests[0]!.request.headers.get('Authorization')).toBe(`Bearer ${TEST_TOKEN}`);
  });

  it.each([
    ['throws', () => { throw new Error('session expired'); }],
    ['returns an empty string', () => ''],
    ['resolves to whitespace', async () => '  '],
  ])('fails with a typed error and sends nothing when the token provider %s', async (_, token) => {
    const requests = recordRequests();
    const error = await errorOf(createCheckoutClient({ baseUrl: TEST_API, token }).getSession('cs_1'));
    expect(error).toMatchObject({ kind: 'unauthorized', status: undefined, retryable: false });
    expect(requests).toHaveLength(0);
  });

  it('looks up globalThis.fetch at request time, so a mock installed later is used', async () => {
    const late = client();
    const fetchSpy = vi.fn(async () => HttpResponse.json(makeSession({ id: 'from-spy' })));
    vi.stubGlobal('fetch', fetchSpy);
    try {
      await expect(late.getSession('cs_1')).resolves.toMatchObject({ id: 'from-spy' });
      expect(fetchSpy).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('passes the caller\'s abort through and rejects with its reason', async () => {
    server.use(mockSession(makeSession(), { latencyMs: 1_000 }));
    const controller = new AbortController();
    const pending = client().getSession('cs_1', { signal: controller.signal });
    controller.abort(new DOMException('gone', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  describe('with the caller\'s controller handed over (a spread poll\'s)', () => {
    /** Answers long after any test ends: each request here ends by an abort. */
    const hangingFetch = () => fakeFetch({ latencyMs: 60_000 });

    function handedOverController() {
      const controller = new AbortController();
      controllersOfSignals.set(controller.signal, controller);
      return controller;
    }

    it('gives fetch that very signal, and an abort of it rejects with the caller\'s reason', async () => {
      const api = hangingFetch();
      const controller = handedOverController();
      const pending = createCheckoutClient({ baseUrl: TEST_API, token: TEST_TOKEN, fetch: api.fetch }).getSession('cs_1', {
        signal: controller.signal,
      });
      await vi.waitFor(() => expect(api.signals).toHaveLength(1));
      expect(api.signals[0]).toBe(controller.signal);
      controller.abort(new DOMException('gone', 'AbortError'));
      await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'gone' });
    });

    it('aborts it after timeoutMs and rejects with kind "timeout"', async () => {
      const api = hangingFetch();
      const controller = handedOverController();
      const slow = createCheckoutClient({ baseUrl: TEST_API, token: TEST_TOKEN, fetch: api.fetch, timeoutMs: 20 });
      const error = await errorOf(slow.getSession('cs_1', { signal: controller.signal }));
      expect(error).toMatchObject({ kind: 'timeout', retryable: true });
      expect(controller.signal.aborted).toBe(true);
    });

    it('gives fetch a signal of its own for a signal that was not handed over', async () => {
      const api = hangingFetch();
      const controller = new AbortController();
      const pending = createCheckoutClient({ baseUrl: TEST_API, token: TEST_TOKEN, fetch: api.fetch }).getSession('cs_1', {
        signal: controller.signal,
      });
      await vi.waitFor(() => expect(api.signals).toHaveLength(1));
      expect(api.signals[0]).not.toBe(controller.signal);
      controller.abort(new DOMException('gone', 'AbortError'));
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      expect(api.signals[0]!.aborted).toBe(true);
    });
  });

  it('gives up after timeoutMs with kind "timeout"', async () => {
    server.use(mockSession(makeSession(), { latencyMs: 1_000 }));
    const slow = createCheckoutClient({ baseUrl: TEST_API, token: TEST_TOKEN, timeoutMs: 20 });
    const error = await errorOf(slow.getSession('cs_1'));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it.each([Infinity, 2 ** 31])('does not time a fast request out with timeoutMs %s', async (timeoutMs) => {
    server.use(mockSession(makeSession({ id: 'cs_1' }), { latencyMs: 20 }));
    const patient = createCheckoutClient({ baseUrl: TEST_API, token: TEST_TOKEN, timeoutMs });
    await expect(patient.getSession('cs_1')).resolves.toMatchObject({ id: 'cs_1' });
  });

  it.each([0, -1, Number.NaN, '5000'])('refuses timeoutMs %s, naming the fix', (timeoutMs) => {
    expect(() => createCheckoutClient({ baseUrl: TEST_API, token: TEST_TOKEN, timeoutMs: timeoutMs as number })).toThrow(
      /timeoutMs must be a positive number of milliseconds, or Infinity/,
    );
  });

  it('rejects a base URL that is not absolute, naming the fix', () => {
    expect(() => createCheckoutClient({ baseUrl: '/api', token: TEST_TOKEN })).toThrow(/absolute URL/);
  });
});

describe('createCheckoutClient parsing', () => {
  it.each(Object.entries(sessionFixtures))('parses the %s fixture', async (_, body) => {
    server.use(mockSession(body));
    await expect(client().getSession('cs_1')).resolves.toEqual(body);
  });

  it('accepts an unknown status as it is', async () => {
    server.use(mockSession(sessionFixtures.unknownStatus));
    await expect(client().getSession('cs_1')).resolves.toMatchObject({ status: 'AWAITING_CAPTURE' });
  });

  it('drops fields the kit does not know instead of failing', async () => {
    server.use(mockSession({ ...makeSession(), extra: { nested: true } } as never));
    const session = await client().getSession('cs_1');
    expect(session).not.toHaveProperty('extra');
  });

  it.each([
    ['a missing status', { ...makeSession(), status: undefined }],
    ['an amount sent as a string', makeSession({ refunds: [{ amount: '45.01' } as never] })],
    ['refunds as an object', { ...makeSession(), refunds: {} }],
    ['an array instead of a session', [makeSession()]],
    ['null', null],
  ])('fails with kind "invalid_response" and the zod issues on cause for %s', async (_, body) => {
    server.use(mockSessionEndpoint(() => HttpResponse.json(body as never)));
    const error = await errorOf(client().getSession('cs_1'));
    expect(error).toMatchObject({ kind: 'invalid_response', retryable: false, status: 200 });
    expect(error.cause).toBeInstanceOf(ZodError);
  });

  it.each([
    ['an HTML page', undefined],
    ['an empty body', ''],
  ])('fails with kind "invalid_response" for %s with status 200', async (_, body) => {
    server.use(mockNonJson(body));
    const error = await errorOf(client().getSession('cs_1'));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toMatch(/not JSON/);
  });
});

describe('createCheckoutClient errors', () => {
  it.each([
    [401, 'unauthorized', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [429, 'rate_limited', true],
    [500, 'server', true],
    [502, 'server', true],
    [504, 'server', true],
  ] as const)('turns a %i envelope into kind %s (retryable: %s) with its message and code', async (status, kind, retryable) => {
    server.use(mockSessionError(status));
    const error = await errorOf(client().getSession('cs_1'));
    expect(error).toMatchObject({ kind, retryable, status, code: status, message: errorFixtures[status].message });
  });

  it('keeps the requestId of a 500 for support', async () => {
    server.use(mockSessionError(500));
    expect(await errorOf(client().getSession('cs_1'))).toMatchObject({ requestId: 'req_1234567890' });
  });

  it('reads Retry-After in seconds on a 429', async () => {
    server.use(mockSessionError(429, { retryAfter: 7 }));
    expect(await errorOf(client().getSession('cs_1'))).toMatchObject({ retryAfterMs: 7_000 });
  });

  it('reads a Retry-After longer than a timer can wait (24.8 days) as that longest wait', async () => {
    server.use(mockSessionError(429, { retryAfter: 30 * 86_400 }));
    expect(await errorOf(client().getSession('cs_1'))).toMatchObject({ retryAfterMs: 2 ** 31 - 1 });
  });

  it('reads Retry-After as an HTTP date on a 429', async () => {
    // The clock stands still on a whole second (an HTTP date has no milliseconds): on a moving
    // one, a loaded machine's slow round trip shortened the wait read past any fixed margin.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 0, 15, 12, 0, 0) });
    onTestFinished(() => void vi.useRealTimers());
    const at = new Date(Date.now() + 30_000).toUTCString();
    server.use(mockSessionError(429, { retryAfter: at }));
    const error = await errorOf(client().getSession('cs_1'));
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('tolerates an error without an envelope, such as a proxy\'s HTML page', async () => {
    server.use(mockSessionEndpoint(() => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 })));
    const error = await errorOf(client().getSession('cs_1'));
    expect(error).toMatchObject({ kind: 'server', status: 502, retryable: true });
    expect(error.message).toMatch(/^The API answered 502/);
  });

  it.each([
    ['requestId', { requestId: null }, { code: 500, message: 'An unexpected error occurred on the server' }],
    ['code', { code: null, requestId: 'req_1' }, { requestId: 'req_1', message: 'An unexpected error occurred on the server' }],
  ])('keeps the rest of an envelope whose %s is malformed', async (_field, odd, kept) => {
    const envelope = { error: 'Internal Server Error', message: 'An unexpected error occurred on the server', code: 500, ...odd };
    server.use(mockSessionEndpoint(() => HttpResponse.json(envelope, { status: 500 })));
    expect(await errorOf(client().getSession('cs_1'))).toMatchObject({ kind: 'server', ...kept });
  });

  it('calls other non-2xx statuses kind "http"', async () => {
    server.use(mockSessionError(418, { body: null }));
    expect(await errorOf(client().getSession('cs_1'))).toMatchObject({ kind: 'http', status: 418, retryable: false });
  });

  it('turns a dropped connection into kind "network"', async () => {
    server.use(mockNetworkError());
    expect(await errorOf(client().getSession('cs_1'))).toMatchObject({ kind: 'network', retryable: true });
  });

  it('never puts the token in an error message or stack', async () => {
    for (const handler of [mockSessionError(401), mockNetworkError(), mockNonJson()]) {
      server.use(handler);
      const error = await errorOf(client().getSession('cs_1'));
      expect(`${error.message}\n${error.stack}`).not.toContain(TEST_TOKEN);
    }
  });
});

const tooManyRequests = (retryAfterSeconds: number) =>
  Response.json(errorFixtures[429], { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } });

describe('createCheckoutClient scheduling', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const scheduled = (api: ReturnType<typeof fakeFetch>, options: Partial<CheckoutClientOptions> = {}) =>
    createCheckoutClient({ baseUrl: TEST_API, token: TEST_TOKEN, fetch: api.fetch, ...options });
  const ids = (count: number) => Array.from({ length: count }, (_, index) => `cs_${index}`);

  it('keeps at most 32 requests in flight by default, and starts queued ones as others answer', async () => {
    const api = fakeFetch({ latencyMs: 100 });
    const client = scheduled(api);
    const sessions = Promise.all(ids(80).map((id) => client.getSession(id)));
    await vi.advanceTimersByTimeAsync(50);
    expect(api.sent).toHaveLength(32);
    await vi.advanceTimersByTimeAsync(100);
    expect(api.sent).toHaveLength(64);
    await vi.advanceTimersByTimeAsync(200);
    await expect(sessions).resolves.toHaveLength(80);
    expect(api.peak()).toBe(32);
  });

  it.each([
    [3, 3],
    [Infinity, 40],
  ])('keeps to maxConcurrentRequests %s', async (maxConcurrentRequests, peak) => {
    const api = fakeFetch({ latencyMs: 100 });
    const client = scheduled(api, { maxConcurrentRequests });
    await Promise.all([Promise.all(ids(40).map((id) => client.getSession(id))), vi.advanceTimersByTimeAsync(2_000)]);
    expect(api.peak()).toBe(peak);
  });

  it('sends queued high-priority requests before low-priority ones', async () => {
    const api = fakeFetch({ latencyMs: 100 });
    const client = scheduled(api, { maxConcurrentRequests: 1 });
    const all = Promise.all([
      client.getSession('first'),
      client.getSession('sweep', { priority: 'low' }),
      client.getSession('shown', { priority: 'high' }),
    ]);
    await vi.advanceTimersByTimeAsync(1_000);
    await all;
    expect(api.sent.map((s) => s.sessionId)).toEqual(['first', 'shown', 'sweep']);
  });

  it('rejects a request aborted while queued with the abort reason, and never sends it', async () => {
    const api = fakeFetch({ latencyMs: 100 });
    const client = scheduled(api, { maxConcurrentRequests: 1 });
    const first = client.getSession('first');
    const controller = new AbortController();
    const queued = client.getSession('queued', { signal: controller.signal });
    const reason = new DOMException('unmounted', 'AbortError');
    controller.abort(reason);
    await expect(queued).rejects.toBe(reason);
    await vi.advanceTimersByTimeAsync(1_000);
    await first;
    expect(api.sent.map((s) => s.sessionId)).toEqual(['first']);
  });

  it('holds every session\'s requests of the client until a 429\'s Retry-After has passed', async () => {
    const api = fakeFetch({ respond: (id) => (id === 'limited' && api.sent.length === 1 ? tooManyRequests(2) : undefined) });
    const client = scheduled(api);
    const error = await Promise.all([errorOf(client.getSession('limited')), vi.advanceTimersByTimeAsync(20)]);
    expect(error[0]).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2_000 });
    const others = Promise.all(['cs_1', 'cs_2', 'limited'].map((id) => client.getSession(id)));
    await vi.advanceTimersByTimeAsync(1_990);
    expect(api.sent.map((s) => s.sessionId)).toEqual(['limited']);
    await vi.advanceTimersByTimeAsync(1_500);
    await expect(others).resolves.toHaveLength(3);
    expect(api.sent.slice(1).every((s) => s.at >= 2_020)).toBe(true);
  });

  it('does not let a hold from one client hold another (another API key)', async () => {
    const api = fakeFetch({ respond: (id) => (id === 'limited' ? tooManyRequests(2) : undefined) });
    await Promise.all([errorOf(scheduled(api).getSession('limited')), vi.advanceTimersByTimeAsync(20)]);
    const other = scheduled(api).getSession('cs_1');
    await vi.advanceTimersByTimeAsync(20);
    await expect(other).resolves.toMatchObject({ id: 'cs_1' });
  });

  it('resumes after a hold spread out: no more than 1/10 of the queue in any 100 ms', async () => {
    const api = fakeFetch({ respond: (id) => (id === 'limited' ? tooManyRequests(2) : undefined) });
    const client = scheduled(api, { maxConcurrentRequests: Infinity });
    await Promise.all([errorOf(client.getSession('limited')), vi.advanceTimersByTimeAsync(20)]);
    const queued = Promise.all(ids(500).map((id) => client.getSession(id)));
    await vi.advanceTimersByTimeAsync(4_000);
    await queued;
    const starts = api.sent.slice(1).map((s) => s.at);
    expect(Math.min(...starts)).toBe(2_020);
    expect(largestBurst(starts, 100)).toBeLessThanOrEqual(51);
  });

  it('counts timeoutMs from when a request is sent, not while it waits in the queue', async () => {
    const api = fakeFetch({ latencyMs: 150 });
    const client = scheduled(api, { maxConcurrentRequests: 1, timeoutMs: 200 });
    const sessions = Promise.all(['a', 'b', 'c'].map((id) => client.getSession(id)));
    await vi.advanceTimersByTimeAsync(1_000);
    // c waited 300 ms for a and b, longer than its timeout, and still got its 150 ms answer.
    await expect(sessions).resolves.toHaveLength(3);
    expect(api.sent.map((s) => s.at)).toEqual([0, 150, 300]);
  });

  it('waits for waitUntilSendable before sending', async () => {
    const api = fakeFetch();
    let show = () => {};
    const shown = new Promise<void>((resolve) => (show = resolve));
    const session = scheduled(api).getSession('cs_1', { waitUntilSendable: () => shown });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(api.sent).toHaveLength(0);
    show();
    await vi.advanceTimersByTimeAsync(20);
    await expect(session).resolves.toMatchObject({ id: 'cs_1' });
    expect(api.sent).toEqual([{ sessionId: 'cs_1', at: 5_000 }]);
  });
});

describe('createCheckoutClient maxConcurrentRequests validation', () => {
  it.each([0, -1, Number.NaN, '16'])('refuses maxConcurrentRequests %s, naming the fix', (maxConcurrentRequests) => {
    expect(() =>
      createCheckoutClient({ baseUrl: TEST_API, token: TEST_TOKEN, maxConcurrentRequests: maxConcurrentRequests as number }),
    ).toThrow(/maxConcurrentRequests must be a positive number of requests, or Infinity for no cap/);
  });
});
