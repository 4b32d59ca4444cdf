import { HttpResponse } from 'msw';
import { checkoutSessionSchema, refundSchema } from '../../src/core/schema';
import {
  errorFixtures,
  makeRefund,
  makeSession,
  mixedCurrencyRefunds,
  mockNetworkError,
  mockNonJson,
  mockSession,
  mockSessionEndpoint,
  mockSessionError,
  mockSessionSequence,
  errorResponse,
  sessionFixtures,
  withLatency,
} from '../../src/testing';
import { TEST_API, setupMswServer } from '../support/server';

const server = setupMswServer();
const sessionUrl = (id: string) => `${TEST_API}/api/v1/sessions/${encodeURIComponent(id)}`;
const get = (id: string, token = 'tok') => fetch(sessionUrl(id), { headers: { Authorization: `Bearer ${token}` } });

describe('fixture factories', () => {
  it('makes a schema-valid PENDING session with no refunds by default', () => {
    const session = makeSession();
    expect(checkoutSessionSchema.parse(session)).toEqual(session);
    expect(session).toMatchObject({ status: 'PENDING', refunds: null });
  });

  it('applies overrides and gives each session its own id', () => {
    const session = makeSession({ status: 'SUCCEEDED', refunds: [makeRefund({ currency: 'JPY', amount: 500 })] });
    expect(checkoutSessionSchema.parse(session).refunds?.[0]).toMatchObject({ currency: 'JPY', amount: 500 });
    expect(makeSession().id).not.toBe(makeSession().id);
  });

  it('keeps the defaults for overrides left undefined', () => {
    const maybeId: string | undefined = undefined;
    expect(checkoutSessionSchema.safeParse(makeSession({ id: maybeId, status: undefined })).success).toBe(true);
    expect(refundSchema.safeParse(makeRefund({ amount: undefined })).success).toBe(true);
  });

  it('refuses changes to the shipped fixtures, which every later test and makeRefund share', () => {
    const refunds = sessionFixtures.refunded.refunds ?? [];
    expect(() => {
      (refunds[0] as { amount: number }).amount = 999;
    }).toThrow(TypeError);
    expect(() => refunds.push(makeRefund())).toThrow(TypeError);
    expect(makeRefund().amount).toBe(45.01);
  });

  it('makes a schema-valid refund', () => {
    expect(() => refundSchema.parse(makeRefund())).not.toThrow();
  });

  it('ships fixtures that all parse, the reference\'s odd example included', () => {
    for (const body of Object.values(sessionFixtures)) expect(() => checkoutSessionSchema.parse(body)).not.toThrow();
    for (const refund of mixedCurrencyRefunds) expect(() => refundSchema.parse(refund)).not.toThrow();
    expect(sessionFixtures.referenceExample).toMatchObject({ status: 'PENDING', failureReason: 'EXPIRED' });
  });
});

describe('MSW handler builders', () => {
  it('answers every request with a fixed session', async () => {
    const session = makeSession();
    server.use(mockSession(session));
    await expect((await get('a')).json()).resolves.toEqual(session);
    await expect((await get('b')).json()).resolves.toEqual(session);
  });

  it('can echo the requested id', async () => {
    server.use(mockSession(({ sessionId }) => makeSession({ id: sessionId })));
    await expect((await get('cs_9')).json()).resolves.toMatchObject({ id: 'cs_9' });
  });

  it('plays a scripted sequence per session id and repeats the last step', async () => {
    server.use(mockSessionSequence([makeSession({ status: 'PENDING' }), errorResponse(500), makeSession({ status: 'SUCCEEDED' })]));
    const statuses = [];
    for (let call = 0; call < 4; call += 1) statuses.push((await get('a')).status);
    expect(statuses).toEqual([200, 500, 200, 200]);
    expect(((await (await get('b')).json()) as { status: string }).status).toBe('PENDING');
  });

  it.each(Object.keys(errorFixtures).map(Number))('answers %i with the provider\'s envelope', async (status) => {
    server.use(mockSessionError(status));
    const response = await get('a');
    expect(response.status).toBe(status);
    await expect(response.json()).resolves.toEqual(errorFixtures[status as keyof typeof errorFixtures]);
  });

  it('sends Retry-After with a 429, one second by default', async () => {
    server.use(mockSessionError(429));
    expect((await get('a')).headers.get('Retry-After')).toBe('1');
    server.use(mockSessionError(429, { retryAfter: 30 }));
    expect((await get('a')).headers.get('Retry-After')).toBe('30');
  });

  it('fails at the network level', async () => {
    server.use(mockNetworkError());
    await expect(get('a')).rejects.toThrow(TypeError);
  });

  it('answers with a body that is not JSON', async () => {
    server.use(mockNonJson());
    const response = await get('a');
    expect(response.headers.get('Content-Type')).toBe('text/html');
    await expect(response.json()).rejects.toThrow();
  });

  it('answers 401 when the expected token is missing', async () => {
    server.use(mockSession(makeSession(), { requireToken: 'right' }));
    expect((await get('a', 'wrong')).status).toBe(401);
    expect((await get('a', 'right')).status).toBe(200);
  });

  it('uses no step of a sequence, and tells onRequest nothing, for a request it refuses', async () => {
    const onRequest = vi.fn();
    server.use(
      mockSessionSequence([makeSession({ status: 'PENDING' }), makeSession({ status: 'SUCCEEDED' })], {
        requireToken: 'right',
        onRequest,
      }),
    );
    expect((await get('a', 'wrong')).status).toBe(401);
    await expect((await get('a', 'right')).json()).resolves.toMatchObject({ status: 'PENDING' });
    expect(onRequest.mock.calls.map(([info]) => info.call)).toEqual([1]);
  });

  it('never answers with latencyMs Infinity, for a loading state', async () => {
    vi.useFakeTimers();
    try {
      server.use(mockSession(makeSession(), { latencyMs: Infinity }));
      const controller = new AbortController();
      let settled = false;
      const pending = fetch(sessionUrl('a'), { signal: controller.signal }).then(
        () => (settled = true),
        (error: unknown) => error,
      );
      await vi.runAllTimersAsync();
      expect(settled).toBe(false);
      controller.abort();
      await expect(pending).resolves.toMatchObject({ name: 'AbortError' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not run the responder of a request aborted during its latency', async () => {
    vi.useFakeTimers();
    try {
      const answered = vi.fn(() => HttpResponse.json(makeSession()));
      server.use(mockSessionEndpoint(answered, { latencyMs: 1_000 }));
      const controller = new AbortController();
      const request = fetch(sessionUrl('a'), { signal: controller.signal }).catch((error: unknown) => error);
      await vi.advanceTimersByTimeAsync(100);
      controller.abort();
      await expect(request).resolves.toMatchObject({ name: 'AbortError' });
      // Its latency's timer went with it: none is left to keep a test process alive.
      expect(vi.getTimerCount()).toBe(0);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(answered).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers only the session id and base URL it was given', async () => {
    // The first matching handler answers; one for another id falls through to the next.
    server.use(
      mockSession(makeSession({ orderReference: 'only-b' }), { sessionId: 'b', baseUrl: TEST_API }),
      mockSession(makeSession({ orderReference: 'fallback' })),
    );
    await expect((await get('b')).json()).resolves.toMatchObject({ orderReference: 'only-b' });
    await expect((await get('a')).json()).resolves.toMatchObject({ orderReference: 'fallback' });
  });

  it('adds latency to every answer or to one step', async () => {
    vi.useFakeTimers();
    try {
      server.use(mockSessionSequence([withLatency(5_000, errorResponse(502))], { latencyMs: 1_000 }));
      let settled = false;
      const pending = get('a').then((response) => ((settled = true), response));
      await vi.advanceTimersByTimeAsync(5_900);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      expect((await pending).status).toBe(502);
    } finally {
      vi.useRealTimers();
    }
  });
});
