import { screen } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { CheckoutSessionStatus } from '../../src/components/CheckoutSessionStatus/CheckoutSessionStatus';
import type { TokenProvider } from '../../src/core/client';
import { checkoutSessionKeys } from '../../src/react/queryOptions';
import {
  errorFixtures,
  errorResponse,
  makeSession,
  mockSession,
  networkError,
  nonJsonResponse,
  sessionResponse,
  withLatency,
  type SessionRequestInfo,
} from '../../src/testing';
import { makeTestClient, renderWithClient } from '../support/renderWithClient';
import { setupMswServer } from '../support/server';
import { advance, alertText, badgeText, scriptSession } from './support';

// One test per row of the fault matrix: what the shopper sees, and how many requests the
// server got. Math.random is pinned to 1, so the default backoff is exactly 1 s, 2 s, 4 s.

const server = setupMswServer();

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(1);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const pending = makeSession({ id: 'cs_1', status: 'PENDING' });
const succeeded = makeSession({ id: 'cs_1', status: 'SUCCEEDED' });

const SIGNED_OUT = 'You are signed out. Sign in again to see this payment.';
const SERVER_PROBLEM = 'Our payment service had a problem.';
const UNREADABLE = 'Our payment service sent an answer we could not read.';
const LOADING = 'Checking your payment…';

function renderPanel(
  pollInterval = 1_000,
  options: Parameters<typeof renderWithClient>[1] = {},
  retry?: number,
) {
  return renderWithClient(<CheckoutSessionStatus sessionId="cs_1" pollInterval={pollInterval} retry={retry} />, options);
}

describe('fault matrix: final errors', () => {
  it.each([
    [401, SIGNED_OUT],
    [403, 'You do not have access to this payment.'],
    [404, 'We could not find this payment.'],
  ])('a %i shows its typed error, is never retried and ends polling', async (status, message) => {
    const requests = scriptSession(server, [errorResponse(status)]);
    renderPanel();
    await advance(10);
    expect(alertText()).toBe(message);
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    await advance(60_000);
    expect(requests).toHaveLength(1);
    expect(screen.queryByText(LOADING)).toBeNull();
  });
});

describe('fault matrix: rate limiting', () => {
  it('a 429 with Retry-After: 5 sends nothing for 5 s, then resumes polling', async () => {
    const requests = scriptSession(server, [errorResponse(429, { retryAfter: 5 }), pending]);
    renderPanel();
    await advance(4_990);
    expect(requests).toHaveLength(1);
    await advance(20);
    expect(requests).toHaveLength(2);
    expect(badgeText()).toBe('Pending');
    await advance(3_000);
    expect(requests).toHaveLength(5);
    expect(alertText()).toBeNull();
  });

  it('a 429 without Retry-After waits the backoff (1 s), then resumes polling', async () => {
    const requests = scriptSession(server, [
      () => HttpResponse.json(errorFixtures[429], { status: 429 }),
      pending,
    ]);
    renderPanel();
    await advance(990);
    expect(requests).toHaveLength(1);
    await advance(20);
    expect(requests).toHaveLength(2);
    expect(badgeText()).toBe('Pending');
    await advance(2_000);
    expect(requests).toHaveLength(4);
  });
});

describe('fault matrix: server errors', () => {
  it('a 500 with a requestId is retried 1 s, 2 s, 4 s apart, then shown with its reference over the last good data, and polling resumes', async () => {
    const requests = scriptSession(server, [pending, errorResponse(500), errorResponse(500), errorResponse(500), errorResponse(500), succeeded]);
    renderPanel(10_000);
    await advance(10);
    expect(badgeText()).toBe('Pending');
    // The poll at 10 s fails; retries at 11 s, 13 s and 17 s fail too.
    await advance(10_000);
    expect(requests).toHaveLength(2);
    await advance(1_000);
    expect(requests).toHaveLength(3);
    await advance(2_000);
    expect(requests).toHaveLength(4);
    expect(alertText()).toBeNull();
    await advance(4_000);
    expect(requests).toHaveLength(5);
    expect(alertText()).toBe(`${SERVER_PROBLEM}Support reference: req_1234567890Try again`);
    expect(badgeText()).toBe('Pending');
    // The budget is spent, not the polling: the next poll, 10 s later, recovers.
    await advance(10_000);
    expect(requests).toHaveLength(6);
    expect(badgeText()).toBe('Succeeded');
    expect(alertText()).toBeNull();
  });

  it('a 502 is retried with backoff and the panel recovers without ever showing an error', async () => {
    const requests = scriptSession(server, [errorResponse(502), errorResponse(502), succeeded]);
    renderPanel();
    await advance(10);
    expect(screen.getByText(LOADING)).toBeInTheDocument();
    await advance(1_000);
    expect(requests).toHaveLength(2);
    await advance(2_000);
    expect(requests).toHaveLength(3);
    expect(badgeText()).toBe('Succeeded');
    expect(alertText()).toBeNull();
    await advance(60_000);
    expect(requests).toHaveLength(3);
  });

  it('a 504 that persists gives up after the retry budget with a typed error and keeps the last good data', async () => {
    const requests = scriptSession(server, [pending, errorResponse(504)]);
    renderPanel(10_000);
    await advance(10 + 10_000 + 1_000 + 2_000 + 4_000);
    expect(requests).toHaveLength(5);
    expect(alertText()).toBe(`${SERVER_PROBLEM}Try again`);
    expect(badgeText()).toBe('Pending');
  });
});

describe('fault matrix: transport faults', () => {
  it('a request that times out is aborted, shown as a timeout after its retry, and the next poll recovers', async () => {
    const requests = scriptSession(server, [withLatency(60_000, sessionResponse(pending)), withLatency(60_000, sessionResponse(pending)), pending]);
    renderPanel(10_000, { client: makeTestClient({ timeoutMs: 1_000 }) }, 1);
    // Times out at 1 s; its one retry, at 2 s, times out at 3 s.
    await advance(3_010);
    expect(requests).toHaveLength(2);
    expect(requests.every((info) => info.request.signal.aborted)).toBe(true);
    expect(alertText()).toBe('Our payment service took too long to answer.Try again');
    await advance(10_000);
    expect(requests).toHaveLength(3);
    expect(badgeText()).toBe('Pending');
    expect(alertText()).toBeNull();
  });

  it('a network drop mid-poll keeps the session on screen, retries, and recovers', async () => {
    const requests = scriptSession(server, [pending, networkError(), networkError(), succeeded]);
    renderPanel(2_000);
    await advance(10);
    expect(badgeText()).toBe('Pending');
    // The poll at 2 s and the retry at 3 s fail; the retry at 5 s gets through.
    await advance(3_500);
    expect(requests).toHaveLength(3);
    expect(badgeText()).toBe('Pending');
    expect(alertText()).toBeNull();
    await advance(1_600);
    expect(requests).toHaveLength(4);
    expect(badgeText()).toBe('Succeeded');
  });

  it('an answer slower than the poll interval never overlaps the next request', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const requests = scriptSession(server, [
      async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        inFlight -= 1;
        return HttpResponse.json(pending);
      },
    ]);
    renderPanel(1_000);
    await advance(19_000);
    expect(maxInFlight).toBe(1);
    // 3 s answer + 1 s wait: a request every 4 s.
    expect(requests).toHaveLength(5);
    expect(badgeText()).toBe('Pending');
  });

  it('an older answer that arrives late never overwrites a newer one', async () => {
    const requests = scriptSession(server, [pending, withLatency(3_000, sessionResponse(pending)), succeeded]);
    // A fetch that ignores abort signals, so the stale answer really does arrive.
    const deaf: typeof fetch = (input, init) => globalThis.fetch(input, { ...init, signal: null });
    const { queryClient } = renderPanel(1_000, { client: makeTestClient({ fetch: deaf }) });
    await advance(1_500);
    expect(requests).toHaveLength(2);
    // Something asks again while the slow poll is in flight (a merchant's "refresh" button).
    void queryClient.refetchQueries({ queryKey: checkoutSessionKeys.detail('cs_1') });
    await advance(10);
    expect(requests).toHaveLength(3);
    expect(badgeText()).toBe('Succeeded');
    // The slow PENDING lands at 4 s; the terminal status stays, and so does the silence.
    await advance(5_000);
    expect(badgeText()).toBe('Succeeded');
    expect(requests).toHaveLength(3);
  });
});

describe('fault matrix: bodies', () => {
  it.each([
    ['plain text', 'OK'],
    ['an HTML page', '<!doctype html><title>Welcome</title><p>Hello</p>'],
  ])('a 200 with %s is a typed invalid_response, final', async (_, body) => {
    const requests = scriptSession(server, [nonJsonResponse(body, 200)]);
    renderPanel();
    await advance(60_000);
    expect(requests).toHaveLength(1);
    expect(alertText()).toBe(UNREADABLE);
  });

  it("a proxy's HTML error page (502) is a server error: retried, then shown without inventing a reference", async () => {
    const requests = scriptSession(server, [nonJsonResponse(undefined, 502)]);
    renderPanel(60_000);
    await advance(10 + 1_000 + 2_000 + 4_000);
    expect(requests).toHaveLength(4);
    expect(alertText()).toBe(`${SERVER_PROBLEM}Try again`);
    expect(document.body.innerHTML).not.toContain('Bad gateway');
  });

  it('an empty 200 body is a typed invalid_response, final', async () => {
    const requests = scriptSession(server, [() => new HttpResponse(null, { status: 200 })]);
    renderPanel();
    await advance(60_000);
    expect(requests).toHaveLength(1);
    expect(alertText()).toBe(UNREADABLE);
  });

  it('a body whose shape drifts between polls stops polling with invalid_response and keeps the last good data', async () => {
    const { status: _dropped, ...drifted } = pending;
    const requests = scriptSession(server, [pending, () => HttpResponse.json({ ...drifted, state: 'PENDING' })]);
    renderPanel();
    await advance(1_010);
    expect(requests).toHaveLength(2);
    expect(alertText()).toBe(UNREADABLE);
    expect(badgeText()).toBe('Pending');
    await advance(60_000);
    expect(requests).toHaveLength(2);
  });

  it('an unknown status is shown in words and polling goes on until a known terminal one', async () => {
    const requests = scriptSession(server, [{ ...pending, status: 'AWAITING_CAPTURE' }, { ...pending, status: 'AWAITING_CAPTURE' }, succeeded]);
    renderPanel();
    await advance(1_010);
    expect(badgeText()).toBe('Awaiting capture');
    expect(requests).toHaveLength(2);
    await advance(1_000);
    expect(badgeText()).toBe('Succeeded');
    await advance(60_000);
    expect(requests).toHaveLength(3);
  });
});

describe('fault matrix: identity', () => {
  it('the late answer for a session id that changed while in flight is discarded', async () => {
    const requests: SessionRequestInfo[] = [];
    server.use(
      mockSession(makeSession({ id: 'cs_old', status: 'SUCCEEDED' }), { sessionId: 'cs_old', latencyMs: 2_000, onRequest: (info) => requests.push(info) }),
      mockSession(makeSession({ id: 'cs_new', status: 'PENDING' }), { sessionId: 'cs_new', onRequest: (info) => requests.push(info) }),
    );
    const { rerender, queryClient } = renderWithClient(<CheckoutSessionStatus sessionId="cs_old" pollInterval={10_000} />);
    await advance(500);
    rerender(<CheckoutSessionStatus sessionId="cs_new" pollInterval={10_000} />);
    await advance(10);
    expect(badgeText()).toBe('Pending');
    await advance(3_000);
    expect(badgeText()).toBe('Pending');
    expect(requests.map((info) => info.sessionId)).toEqual(['cs_old', 'cs_new']);
    expect(requests[0]!.request.signal.aborted).toBe(true);
    expect(queryClient.getQueryData(checkoutSessionKeys.detail('cs_old'))).toBeUndefined();
  });

  it.each<[string, TokenProvider]>([
    ['throws', () => { throw new Error('vault unreachable'); }],
    ['returns an empty string', () => ''],
    ['returns a value that would forge a header', () => 'abc\r\nX-Forwarded-For: 10.0.0.1'],
  ])('a token provider that %s gives a typed error and sends no request', async (_, token) => {
    const requests = scriptSession(server, [pending]);
    renderPanel(1_000, { client: makeTestClient({ token }) });
    await advance(60_000);
    expect(requests).toHaveLength(0);
    expect(alertText()).toBe(SIGNED_OUT);
  });
});
