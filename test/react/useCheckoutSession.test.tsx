import {
  dehydrate,
  hydrate,
  QueryClient,
  QueryClientProvider,
  QueryErrorResetBoundary,
  useQuery,
  useSuspenseQuery,
} from '@tanstack/react-query';
import { act, render, renderHook, screen } from '@testing-library/react';
import { Profiler, Suspense, type ReactNode } from 'react';
import type { CheckoutClient } from '../../src/core/client';
import { CheckoutApiError } from '../../src/core/errors';
import type { CheckoutSession } from '../../src/core/schema';
import { checkoutSessionKeys, checkoutSessionQueryOptions } from '../../src/react/queryOptions';
import { useCheckoutSession, type UseCheckoutSessionOptions } from '../../src/react/useCheckoutSession';
import {
  errorResponse,
  makeRefund,
  makeSession,
  mockSession,
  mockSessionError,
  networkError,
  type SessionAnswer,
  type SessionRequestInfo,
  type SessionResponder,
} from '../../src/testing';
import { advance, installFakeTimers, scriptSession } from '../support/fakeTime';
import { makeQueryClient, makeTestClient, renderWithClient } from '../support/renderWithClient';
import { setupMswServer } from '../support/server';
import { TryAgainBoundary } from '../support/TryAgainBoundary';

const server = setupMswServer();

installFakeTimers();

const pending = (id = 'cs_1') => makeSession({ id, status: 'PENDING' });
const succeeded = (id = 'cs_1') => makeSession({ id, status: 'SUCCEEDED' });

function script(steps: Array<SessionAnswer | SessionResponder>) {
  return scriptSession(server, steps);
}

function Status({ id, options }: { id: string | null | undefined; options?: UseCheckoutSessionOptions }) {
  const { data, error, isTerminal, isPolling } = useCheckoutSession(id, options);
  return (
    <p>
      {data?.status ?? 'none'}|{error?.kind ?? 'ok'}|{isTerminal ? 'terminal' : 'open'}|{isPolling ? 'polling' : 'idle'}
    </p>
  );
}

const shown = () => screen.getByText(/\|/).textContent;

describe('useCheckoutSession polling', () => {
  it('polls every pollInterval until the session succeeds, then sends nothing more', async () => {
    const requests = script([pending(), pending(), succeeded()]);
    renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000 }} />);
    await advance(10);
    expect(shown()).toBe('PENDING|ok|open|polling');
    await advance(2_000);
    expect(shown()).toBe('SUCCEEDED|ok|terminal|idle');
    await advance(60_000);
    expect(requests).toHaveLength(3);
  });

  it('keeps polling an unknown status', async () => {
    const requests = script([makeSession({ id: 'cs_1', status: 'AWAITING_CAPTURE' })]);
    renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000 }} />);
    await advance(5_000);
    expect(shown()).toBe('AWAITING_CAPTURE|ok|open|polling');
    expect(requests).toHaveLength(6);
  });

  it.each([0, -1_000, Number.NaN])('fetches once and says it is not polling for a pollInterval of %s, as React Query does for refetchInterval: 0', async (pollInterval) => {
    const requests = script([pending()]);
    renderWithClient(<Status id="cs_1" options={{ pollInterval }} />);
    await advance(10_000);
    expect(requests).toHaveLength(1);
    expect(shown()).toBe('PENDING|ok|open|idle');
  });

  it('uses the default cadence: every 2 s at first', async () => {
    const requests = script([pending()]);
    renderWithClient(<Status id="cs_1" />);
    await advance(10_000);
    expect(requests).toHaveLength(6);
  });

  it.each([401, 403, 404])('stops polling for good after a %i and never retries it', async (status) => {
    const requests: SessionRequestInfo[] = [];
    server.use(mockSessionError(status, { onRequest: (info) => requests.push(info) }));
    renderWithClient(<Status id="cs_1" options={{ pollInterval: 40 }} />);
    await advance(5_000);
    expect(requests).toHaveLength(1);
    expect(shown()).toMatch(/^none\|(unauthorized|forbidden|not_found)\|open\|idle$/);
  });

  it('stops polling after an unreadable body', async () => {
    const requests = script([() => new Response('<html>', { status: 200 })]);
    renderWithClient(<Status id="cs_1" options={{ pollInterval: 40 }} />);
    await advance(5_000);
    expect(requests).toHaveLength(1);
    expect(shown()).toBe('none|invalid_response|open|idle');
  });

  it('retries a 500 with backoff, then shows the recovered session', async () => {
    const requests = script([errorResponse(500), errorResponse(500), succeeded()]);
    renderWithClient(<Status id="cs_1" options={{ retryDelay: (attempt) => 1_000 * 2 ** attempt }} />);
    await advance(10);
    expect(requests).toHaveLength(1);
    // First retry 1 s after the failure, the second 2 s after that.
    await advance(1_000);
    expect(requests).toHaveLength(2);
    await advance(1_900);
    expect(requests).toHaveLength(2);
    await advance(200);
    expect(requests).toHaveLength(3);
    expect(shown()).toBe('SUCCEEDED|ok|terminal|idle');
  });

  it('waits out a 429\'s Retry-After before asking again', async () => {
    const requests = script([errorResponse(429, { retryAfter: 5 }), succeeded()]);
    renderWithClient(<Status id="cs_1" options={{ retryDelay: 10 }} />);
    await advance(4_900);
    expect(requests).toHaveLength(1);
    await advance(200);
    expect(requests).toHaveLength(2);
    expect(shown()).toBe('SUCCEEDED|ok|terminal|idle');
  });

  describe('after a 429 with Retry-After: 5, once the retry budget is spent', () => {
    // 0 s PENDING, 1 s 429: nothing may be sent before 6 s, whatever asks.
    function rateLimitedAtOneSecond() {
      const requests = script([pending(), errorResponse(429, { retryAfter: 5 }), succeeded()]);
      const view = renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000, retry: false }} />);
      return { requests, view };
    }

    it('sends nothing on a window focus before it passes, then asks once', async () => {
      const { requests } = rateLimitedAtOneSecond();
      await advance(1_010);
      expect(shown()).toBe('PENDING|rate_limited|open|polling');
      setVisibility('hidden');
      setVisibility('visible');
      await advance(4_900);
      expect(requests).toHaveLength(2);
      await advance(200);
      expect(requests).toHaveLength(3);
      expect(shown()).toBe('SUCCEEDED|ok|terminal|idle');
      setVisibility(undefined);
    });

    it('sends nothing for a watcher that mounts inside it', async () => {
      const { requests, view } = rateLimitedAtOneSecond();
      await advance(4_500);
      // The data (from 0 s) is older than a period: without the hold, the new watcher would ask.
      view.rerender(
        <>
          <Status id="cs_1" options={{ pollInterval: 1_000, retry: false }} />
          <Status id="cs_1" options={{ pollInterval: 1_000, retry: false }} />
        </>,
      );
      await advance(1_400);
      expect(requests).toHaveLength(2);
      await advance(200);
      expect(requests).toHaveLength(3);
    });

    it('sends a held request only once the page is visible, if it was hidden meanwhile', async () => {
      const requests = script([pending(), errorResponse(429, { retryAfter: 5 }), succeeded()]);
      const queryClient = makeQueryClient();
      const client = makeTestClient();
      const { result } = renderHook(() => useCheckoutSession('cs_1', { client, pollInterval: 1_000, retry: false }), {
        wrapper: ({ children }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>,
      });
      await advance(1_500);
      void result.current.refetch();
      await advance(500);
      setVisibility('hidden');
      await advance(10_000);
      expect(requests).toHaveLength(2);
      setVisibility('visible');
      await advance(10);
      expect(requests).toHaveLength(3);
      expect(result.current.data?.status).toBe('SUCCEEDED');
      setVisibility(undefined);
    });

    it('holds a refetch() asked for inside it until it passes, even given a new client each render', async () => {
      const requests = script([pending(), errorResponse(429, { retryAfter: 5 }), succeeded()]);
      const queryClient = makeQueryClient();
      const { result } = renderHook(
        // A CheckoutClient made inline, as some apps do: the hold must not belong to it.
        () => useCheckoutSession('cs_1', { client: makeTestClient(), pollInterval: 1_000, retry: false }),
        { wrapper: ({ children }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider> },
      );
      await advance(2_000);
      void result.current.refetch();
      await advance(3_900);
      expect(requests).toHaveLength(2);
      await advance(200);
      expect(requests).toHaveLength(3);
      expect(result.current.data?.status).toBe('SUCCEEDED');
    });
  });

  it('holds a refetch() after a Retry-After that a client of the app\'s own threw before returning a promise', async () => {
    const sentAt: number[] = [];
    const client: CheckoutClient = {
      getSession(sessionId) {
        sentAt.push(Date.now());
        if (sentAt.length === 2) {
          throw new CheckoutApiError({ kind: 'rate_limited', status: 429, message: 'Too many requests.', retryAfterMs: 5_000 });
        }
        return Promise.resolve(makeSession({ id: sessionId }));
      },
    };
    const queryClient = makeQueryClient();
    const { result } = renderHook(() => useCheckoutSession('cs_1', { client, pollInterval: 1_000, retry: false }), {
      wrapper: ({ children }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>,
    });
    await advance(2_000);
    expect(result.current.error?.kind).toBe('rate_limited');
    void result.current.refetch();
    await advance(3_900);
    expect(sentAt).toHaveLength(2);
    await advance(200);
    expect(sentAt).toHaveLength(3);
  });

  it('keeps the last good data and resumes polling after the retry budget is spent', async () => {
    const requests = script([pending(), errorResponse(502), errorResponse(502), networkError(), succeeded()]);
    renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000, retry: 2, retryDelay: 100 }} />);
    // 0 s PENDING; 1 s 502, retried twice 100 ms apart (502, network); then the next poll 1 s later.
    await advance(1_300);
    expect(requests).toHaveLength(4);
    expect(shown()).toBe('PENDING|network|open|polling');
    await advance(1_000);
    expect(requests).toHaveLength(5);
    expect(shown()).toBe('SUCCEEDED|ok|terminal|idle');
  });

  it('never overlaps requests: a slow answer delays the next poll', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const requests = script([
      async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        inFlight -= 1;
        return Response.json(pending());
      },
    ]);
    renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000 }} />);
    await advance(19_000);
    expect(maxInFlight).toBe(1);
    // 3 s answer + 1 s wait: one request every 4 s (0, 4, 8, 12, 16 s).
    expect(requests).toHaveLength(5);
  });

  it('makes no requests while the document is hidden and one as soon as it is visible again', async () => {
    const requests = script([pending()]);
    renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000 }} />);
    await advance(10);
    expect(requests).toHaveLength(1);

    setVisibility('hidden');
    await advance(30_000);
    expect(requests).toHaveLength(1);

    setVisibility('visible');
    await advance(10);
    expect(requests).toHaveLength(2);
    setVisibility(undefined);
  });

  it('sends nothing for a watcher mounted in a hidden page, and asks once it is shown', async () => {
    const requests = script([pending()]);
    setVisibility('hidden');
    renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000 }} />);
    await advance(30_000);
    expect(requests).toHaveLength(0);

    setVisibility('visible');
    await advance(10);
    expect(requests).toHaveLength(1);
    expect(shown()).toBe('PENDING|ok|open|polling');
    setVisibility(undefined);
  });

  it('sends nothing for a session switched to while the page is hidden', async () => {
    const requests = script([({ sessionId }) => pending(sessionId)]);
    const { rerender } = renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000 }} />);
    await advance(10);
    setVisibility('hidden');
    rerender(<Status id="cs_2" options={{ pollInterval: 1_000 }} />);
    await advance(30_000);
    expect(requests.map((request) => request.sessionId)).toEqual(['cs_1']);

    setVisibility('visible');
    await advance(10);
    expect(requests.map((request) => request.sessionId)).toEqual(['cs_1', 'cs_2']);
    setVisibility(undefined);
  });

  it('does not refetch on visibility once the session is terminal', async () => {
    const requests = script([succeeded()]);
    renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000 }} />);
    await advance(10);
    setVisibility('hidden');
    setVisibility('visible');
    await advance(10_000);
    expect(requests).toHaveLength(1);
    setVisibility(undefined);
  });

  it('stops polling on unmount', async () => {
    const requests = script([pending()]);
    const { unmount } = renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000 }} />);
    await advance(2_000);
    unmount();
    const before = requests.length;
    await advance(10_000);
    expect(requests).toHaveLength(before);
  });

  it('stops polling when enabled turns false, and resumes when it turns true', async () => {
    const requests = script([pending()]);
    const { rerender } = renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000 }} />);
    await advance(1_000);
    expect(requests).toHaveLength(2);
    rerender(<Status id="cs_1" options={{ pollInterval: 1_000, enabled: false }} />);
    await advance(10_000);
    expect(requests).toHaveLength(2);
    expect(shown()).toBe('PENDING|ok|open|idle');
  });

  it.each([undefined, null, ''])('sends no request and is not polling without an id (%j)', async (id) => {
    const requests = script([pending()]);
    renderWithClient(<Status id={id} />);
    await advance(10_000);
    expect(requests).toHaveLength(0);
    expect(shown()).toBe('none|ok|open|idle');
  });

  it('stops after maxPollDuration and keeps the data', async () => {
    const requests = script([pending()]);
    renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000, maxPollDuration: 5_000 }} />);
    await advance(60_000);
    // At 0-4 s; a poll at 5 s would land past the limit, so it is not made.
    expect(requests).toHaveLength(5);
    expect(shown()).toBe('PENDING|ok|open|idle');
  });

  it('starts the maxPollDuration clock when polling is enabled, not while it waits disabled', async () => {
    const requests = script([pending()]);
    const options = { pollInterval: 1_000, maxPollDuration: 5_000 };
    const { rerender } = renderWithClient(<Status id="cs_1" options={{ ...options, enabled: false }} />);
    await advance(10_000);
    expect(requests).toHaveLength(0);
    rerender(<Status id="cs_1" options={options} />);
    await advance(10_000);
    // Asked at 0, 1, 2, 3 and 4 s after enabling: the 5 s poll would land on the limit.
    expect(requests).toHaveLength(5);
    expect(shown()).toBe('PENDING|ok|open|idle');
  });

  it('passes the session and the attempt number to a pollInterval function', async () => {
    const pollInterval = vi.fn((_session: CheckoutSession | undefined, attempt: number) => (attempt < 3 ? 500 : false as const));
    const requests = script([pending()]);
    renderWithClient(<Status id="cs_1" options={{ pollInterval }} />);
    await advance(10_000);
    expect(requests).toHaveLength(3);
    expect(pollInterval).toHaveBeenCalledWith(expect.objectContaining({ id: 'cs_1' }), 2);
  });

  it('follows pending refunds after a terminal status when asked, and stops when they settle', async () => {
    const refunding = makeSession({ id: 'cs_1', status: 'SUCCEEDED', refunds: [makeRefund({ status: 'PENDING' })] });
    const settled = makeSession({ id: 'cs_1', status: 'REFUNDED', refunds: [makeRefund({ status: 'SUCCEEDED' })] });
    const requests = script([refunding, refunding, settled]);
    renderWithClient(<Status id="cs_1" options={{ followRefunds: { pollInterval: 3_000 } }} />);
    await advance(10);
    expect(shown()).toBe('SUCCEEDED|ok|terminal|polling');
    await advance(6_000);
    expect(shown()).toBe('REFUNDED|ok|terminal|idle');
    await advance(60_000);
    expect(requests).toHaveLength(3);
  });

  it('discards the late answer for an id that changed while its request was in flight', async () => {
    server.use(
      mockSession((info) => makeSession({ id: info.sessionId, orderReference: info.sessionId }), { sessionId: 'old', latencyMs: 2_000 }),
      mockSession((info) => makeSession({ id: info.sessionId, orderReference: info.sessionId }), { sessionId: 'new' }),
    );
    function Order({ id }: { id: string }) {
      const { data } = useCheckoutSession(id, { pollInterval: 10_000 });
      return <p>order:{data?.orderReference ?? 'loading'}</p>;
    }
    const { rerender } = renderWithClient(<Order id="old" />);
    await advance(500);
    rerender(<Order id="new" />);
    await advance(10);
    expect(screen.getByText(/^order:/).textContent).toBe('order:new');
    await advance(3_000);
    expect(screen.getByText(/^order:/).textContent).toBe('order:new');
  });
});

describe('useCheckoutSession sharing', () => {
  it.each([1, 5, 50])('asks once per period with %i watchers mounted out of phase', async (watchers) => {
    const requests = script([pending()]);
    const ids = Array.from({ length: watchers }, (_, index) => index);
    const { queryClient, client } = renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000 }} />);
    // The others mount at odd moments over the first 3.7 s.
    for (const _ of ids.slice(1)) {
      await advance(3_700 / watchers);
      render(
        <QueryClientProvider client={queryClient}>
          <Status id="cs_1" options={{ pollInterval: 1_000, client }} />
        </QueryClientProvider>,
      );
    }
    const start = requests.length;
    await advance(10_000);
    // Ten periods: ten requests, give or take the one on the window's edge; without sharing, 10 × watchers.
    expect(requests.length - start).toBeGreaterThanOrEqual(9);
    expect(requests.length - start).toBeLessThanOrEqual(11);
  });

  it('does not re-render a component that reads data, isTerminal, isPolling and error for a poll that returns equal data', async () => {
    script([pending()]);
    let renders = 0;
    function Reader() {
      const { data, isTerminal, isPolling, error } = useCheckoutSession('cs_1', { pollInterval: 1_000 });
      return <p>{[data?.status, isTerminal, isPolling, error?.kind].join('|')}</p>;
    }
    renderWithClient(
      <Profiler id="reader" onRender={() => (renders += 1)}>
        <Reader />
      </Profiler>,
    );
    await advance(10);
    const afterFirstAnswer = renders;
    await advance(10_000);
    expect(renders).toBe(afterFirstAnswer);
  });

  it('shares its cache entry with checkoutSessionQueryOptions: a prefetched session is not fetched again', async () => {
    const requests = script([pending()]);
    const queryClient = makeQueryClient();
    const client = makeTestClient();
    await queryClient.prefetchQuery(checkoutSessionQueryOptions(client, 'cs_1'));
    expect(queryClient.getQueryData(checkoutSessionKeys.detail('cs_1'))).toMatchObject({ id: 'cs_1' });
    renderWithClient(<Status id="cs_1" />, { queryClient, client });
    await advance(10);
    expect(requests).toHaveLength(1);
    expect(shown()).toBe('PENDING|ok|open|polling');
  });

  it('tries again after an error boundary’s reset with useSuspenseQuery', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const requests = script([errorResponse(503), succeeded()]);
    const client = makeTestClient();
    function SuspenseStatus() {
      const { data } = useSuspenseQuery(checkoutSessionQueryOptions(client, 'cs_1', { retry: false }));
      return <p>suspense:{data.status}</p>;
    }
    renderWithClient(
      <QueryErrorResetBoundary>
        {({ reset }) => (
          <TryAgainBoundary onReset={reset}>
            <Suspense fallback={<p>suspense:loading</p>}>
              <SuspenseStatus />
            </Suspense>
          </TryAgainBoundary>
        )}
      </QueryErrorResetBoundary>,
      { client },
    );
    await advance(10);
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    await advance(10);
    expect(requests).toHaveLength(2);
    expect(screen.getByText(/^suspense:/).textContent).toBe('suspense:SUCCEEDED');
  });

  it('tries again after an error boundary’s reset with the hook and throwOnError', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const requests = script([errorResponse(503), succeeded()]);
    renderWithClient(
      <QueryErrorResetBoundary>
        {({ reset }) => (
          <TryAgainBoundary onReset={reset}>
            <Status id="cs_1" options={{ retry: false, throwOnError: true }} />
          </TryAgainBoundary>
        )}
      </QueryErrorResetBoundary>,
    );
    await advance(10);
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    await advance(10);
    expect(requests).toHaveLength(2);
    expect(shown()).toBe('SUCCEEDED|ok|terminal|idle');
  });

  it('never asks again for a final 404 when a plain useQuery watcher remounts', async () => {
    const requests = script([errorResponse(404)]);
    const client = makeTestClient();
    function PlainRow() {
      const { error } = useQuery(checkoutSessionQueryOptions(client, 'cs_1'));
      return <p>row:{error?.kind ?? 'ok'}</p>;
    }
    const { rerender } = renderWithClient(<PlainRow />, { client });
    await advance(100);
    rerender(<></>);
    rerender(<PlainRow />);
    await advance(100);
    expect(requests).toHaveLength(1);
    expect(screen.getByText(/^row:/).textContent).toBe('row:not_found');
  });

  it('works with useSuspenseQuery through checkoutSessionQueryOptions, polling included', async () => {
    const requests = script([pending(), succeeded()]);
    const client = makeTestClient();
    function SuspenseStatus() {
      const { data } = useSuspenseQuery(checkoutSessionQueryOptions(client, 'cs_1', { pollInterval: 1_000 }));
      return <p>suspense:{data.status}</p>;
    }
    renderWithClient(
      <Suspense fallback={<p>suspense:loading</p>}>
        <SuspenseStatus />
      </Suspense>,
      { client },
    );
    expect(screen.getByText(/^suspense:/).textContent).toBe('suspense:loading');
    await advance(10);
    expect(screen.getByText(/^suspense:/).textContent).toBe('suspense:PENDING');
    await advance(1_100);
    expect(screen.getByText(/^suspense:/).textContent).toBe('suspense:SUCCEEDED');
    expect(requests).toHaveLength(2);
  });
});

describe('useCheckoutSession callbacks', () => {
  it('fires onStatusChange once per transition and onTerminal once, in StrictMode', async () => {
    script([pending(), pending(), pending(), succeeded()]);
    const onStatusChange = vi.fn();
    const onTerminal = vi.fn();
    renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000, onStatusChange, onTerminal }} />, {
      strict: true,
    });
    // Poll by poll: React 18's act() holds every render until its scope ends, so one long
    // advance would show only the last status and skip the transitions in between.
    for (let second = 0; second < 10; second += 1) await advance(1_000);
    expect(onStatusChange.mock.calls.map(([session, previous]) => [session.status, previous?.status])).toEqual([
      ['PENDING', undefined],
      ['SUCCEEDED', 'PENDING'],
    ]);
    expect(onTerminal).toHaveBeenCalledTimes(1);
    expect(onTerminal).toHaveBeenCalledWith(expect.objectContaining({ status: 'SUCCEEDED' }));
  });

  it('fires once per transition when two watchers of the session pass callbacks', async () => {
    script([pending(), succeeded()]);
    const onStatusChange = vi.fn();
    const onTerminal = vi.fn();
    const options = { pollInterval: 1_000, onStatusChange, onTerminal };
    renderWithClient(
      <>
        <Status id="cs_1" options={options} />
        <Status id="cs_1" options={options} />
      </>,
    );
    await advance(10);
    await advance(1_000);
    expect(onStatusChange.mock.calls.map(([session]) => session.status)).toEqual(['PENDING', 'SUCCEEDED']);
    expect(onTerminal).toHaveBeenCalledTimes(1);
  });

  it('calls each watcher’s own callback when two watchers pass different ones, parent and child', async () => {
    script([pending(), succeeded()]);
    const redirect = vi.fn();
    const track = vi.fn();
    function Page({ children }: { children: ReactNode }) {
      useCheckoutSession('cs_1', { pollInterval: 1_000, onTerminal: redirect });
      return <>{children}</>;
    }
    renderWithClient(
      <Page>
        <Status id="cs_1" options={{ pollInterval: 1_000, onTerminal: track }} />
      </Page>,
    );
    await advance(10);
    await advance(1_000);
    expect(redirect).toHaveBeenCalledTimes(1);
    expect(track).toHaveBeenCalledTimes(1);
  });

  it('does not fire again for a watcher that mounts on a session already announced', async () => {
    script([succeeded()]);
    const onTerminal = vi.fn();
    const { rerender } = renderWithClient(<Status key="first" id="cs_1" options={{ onTerminal }} />);
    await advance(10);
    rerender(<Status key="remounted" id="cs_1" options={{ onTerminal }} />);
    await advance(10);
    expect(onTerminal).toHaveBeenCalledTimes(1);
  });

  it('still fires for a watcher with callbacks when a watcher without them saw the change first', async () => {
    script([succeeded()]);
    const onTerminal = vi.fn();
    renderWithClient(
      <>
        <Status id="cs_1" />
        <Status id="cs_1" options={{ onTerminal }} />
      </>,
    );
    await advance(10);
    expect(onTerminal).toHaveBeenCalledTimes(1);
  });

  it('gives the callbacks the session as fetched, not as selected', async () => {
    script([succeeded()]);
    const onTerminal = vi.fn();
    renderWithClient(<Status id="cs_1" options={{ onTerminal, select: (session) => ({ ...session, orderReference: 'selected' }) }} />);
    await advance(10);
    expect(onTerminal).toHaveBeenCalledWith(expect.objectContaining({ orderReference: 'ORD-12345' }));
  });

  it('fires on time for a watcher whose select hides the status, though it does not re-render', async () => {
    const authorising = makeSession({ id: 'cs_1', status: 'AWAITING_CAPTURE' });
    script([pending(), authorising, succeeded()]);
    const onStatusChange = vi.fn();
    const onTerminal = vi.fn();
    const renders = vi.fn();
    function OrderReference() {
      renders();
      const { data } = useCheckoutSession('cs_1', {
        pollInterval: 1_000,
        notifyOnChangeProps: ['data'],
        select: (session) => session.orderReference,
        onStatusChange,
        onTerminal,
      });
      return <p>{data ?? 'none'}</p>;
    }
    renderWithClient(<OrderReference />);
    await advance(10);
    expect(onStatusChange).toHaveBeenCalledTimes(1);
    const rendersBefore = renders.mock.calls.length;
    await advance(1_000);
    expect(renders).toHaveBeenCalledTimes(rendersBefore);
    expect(onStatusChange).toHaveBeenCalledTimes(2);
    expect(onStatusChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ status: 'AWAITING_CAPTURE' }),
      expect.objectContaining({ status: 'PENDING' }),
    );
    await advance(1_000);
    expect(onTerminal).toHaveBeenCalledTimes(1);
  });

  it('throws a callback’s error on its own, and every watcher still shows the answer', async () => {
    script([pending(), succeeded()]);
    const failure = new Error('analytics is down');
    const onTerminal = () => {
      throw failure;
    };
    renderWithClient(
      <>
        <Status id="cs_1" options={{ pollInterval: 1_000, onTerminal }} />
        <Status id="cs_1" options={{ pollInterval: 1_000 }} />
      </>,
    );
    await advance(10);
    await expect(advance(1_000)).rejects.toThrow(failure);
    await advance(10);
    expect(screen.getAllByText(/\|/).map((line) => line.textContent)).toEqual([
      'SUCCEEDED|ok|terminal|idle',
      'SUCCEEDED|ok|terminal|idle',
    ]);
  });

  it('fires for a terminal status written into the cache by hydration', async () => {
    script([pending()]);
    const onTerminal = vi.fn();
    const { queryClient } = renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000, onTerminal }} />);
    await advance(500);
    const server = new QueryClient();
    server.setQueryData(checkoutSessionKeys.detail('cs_1'), succeeded());
    act(() => hydrate(queryClient, dehydrate(server)));
    await advance(10);
    expect(shown()).toBe('SUCCEEDED|ok|terminal|idle');
    expect(onTerminal).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['before', true],
    ['after', false],
  ])(
    'does not tell a watcher that switches to a session of the status others saw, mounted %s them',
    async (_order, switcherFirst) => {
      script([({ sessionId }) => makeSession({ id: sessionId, status: sessionId === 'cs_2' ? 'SUCCEEDED' : 'PENDING' })]);
      const onTerminal = vi.fn();
      const switcher = (id: string) => <Status key="switcher" id={id} options={{ pollInterval: 1_000, onTerminal }} />;
      const other = <Status key="other" id="cs_2" />;
      const { rerender } = renderWithClient(switcherFirst ? switcher('cs_1') : other);
      await advance(10);
      rerender(switcherFirst ? <>{switcher('cs_1')}{other}</> : <>{other}{switcher('cs_1')}</>);
      await advance(10);
      rerender(switcherFirst ? <>{switcher('cs_2')}{other}</> : <>{other}{switcher('cs_2')}</>);
      await advance(10);
      expect(screen.getAllByText(/\|/).map((line) => line.textContent)).toEqual([
        'SUCCEEDED|ok|terminal|idle',
        'SUCCEEDED|ok|terminal|idle',
      ]);
      expect(onTerminal).not.toHaveBeenCalled();
    },
  );

  it('tells a watcher that switches to a session of the changes after the switch', async () => {
    // Each session's first answer is PENDING, its second SUCCEEDED.
    script([({ sessionId }) => pending(sessionId), ({ sessionId }) => succeeded(sessionId)]);
    const onStatusChange = vi.fn();
    const { rerender } = renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000, onStatusChange }} />);
    await advance(10);
    rerender(<Status id="cs_2" options={{ pollInterval: 1_000, onStatusChange }} />);
    await advance(10);
    await advance(1_000);
    expect(onStatusChange.mock.calls.map(([session]) => `${session.id}:${session.status}`)).toEqual([
      'cs_1:PENDING',
      'cs_2:PENDING',
      'cs_2:SUCCEEDED',
    ]);
  });

  it('keeps the options React Query polls with across renders whose options are equal, though written inline', async () => {
    script([pending()]);
    const { rerender, queryClient } = renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000 }} />);
    await advance(10);
    const observedWith = () => queryClient.getQueryCache().find({ queryKey: checkoutSessionKeys.detail('cs_1') })!.observers[0]!.options.refetchInterval;
    const first = observedWith();
    rerender(<Status id="cs_1" options={{ pollInterval: 1_000 }} />);
    await advance(1_000);
    expect(observedWith()).toBe(first);
  });

  it('polls at a pollInterval changed on a later render', async () => {
    const requests = script([pending()]);
    const { rerender } = renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000 }} />);
    await advance(3_010);
    expect(requests).toHaveLength(4);
    rerender(<Status id="cs_1" options={{ pollInterval: 5_000 }} />);
    await advance(10_000);
    expect(requests).toHaveLength(6);
  });

  it('calls the latest callback passed, not the one from the first render', async () => {
    script([pending(), succeeded()]);
    const first = vi.fn();
    const latest = vi.fn();
    const { rerender } = renderWithClient(<Status id="cs_1" options={{ pollInterval: 1_000, onTerminal: first }} />);
    await advance(10);
    rerender(<Status id="cs_1" options={{ pollInterval: 1_000, onTerminal: latest }} />);
    await advance(1_000);
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledTimes(1);
  });
});

describe('useCheckoutSession setup errors', () => {
  it('throws an error naming the fix when there is neither a client option nor a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const queryClient = makeQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    expect(() => renderHook(() => useCheckoutSession('cs_1'), { wrapper })).toThrow(/CheckoutClientProvider/);
  });

  it('accepts a client in options without a provider', async () => {
    script([pending()]);
    const queryClient = makeQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useCheckoutSession('cs_1', { client: makeTestClient() }), { wrapper });
    await advance(10);
    expect(result.current.data?.status).toBe('PENDING');
    expect(result.current.error).toBeNull();
    expect(result.current.isPolling).toBe(true);
  });
});

/** An error boundary with a "Try again" button that resets it, as React Query's docs show. */
function setVisibility(state: 'hidden' | 'visible' | undefined) {
  if (state === undefined) {
    Reflect.deleteProperty(document, 'visibilityState');
  } else {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  }
  // Browsers fire it on the document and it bubbles to window, where React Query listens.
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}

