import { focusManager, QueryCache, QueryClient, QueryErrorResetBoundary, useQuery } from '@tanstack/react-query';
import { act, cleanup, screen } from '@testing-library/react';
import { memo, Profiler, useState } from 'react';
import { checkoutSessionKeys, checkoutSessionQueryOptions } from '../../src/react/queryOptions';
import { useCheckoutSession } from '../../src/react/useCheckoutSession';
import { useCheckoutSessions } from '../../src/react/useCheckoutSessions';
import type { CheckoutClient } from '../../src/core/client';
import type { CheckoutSession } from '../../src/core/schema';
import { errorResponse, makeRefund, makeSession, mockSessionEndpoint, type SessionRequestInfo } from '../../src/testing';
import { advance, installFakeTimers } from '../support/fakeTime';
import { makeQueryClient, makeTestClient, renderWithClient } from '../support/renderWithClient';
import { setupMswServer } from '../support/server';
import { TryAgainBoundary } from '../support/TryAgainBoundary';

const server = setupMswServer();

installFakeTimers();

/** Session `cs_n` stays PENDING for n polls, then SUCCEEDED: a dashboard settling at different times. */
function serveStaggeredSessions() {
  const requests: SessionRequestInfo[] = [];
  server.use(
    mockSessionEndpoint(
      (info) => {
        const settlesAfter = Number(info.sessionId.replace('cs_', ''));
        const status = info.call > settlesAfter ? 'SUCCEEDED' : 'PENDING';
        return Response.json(makeSession({ id: info.sessionId, status }));
      },
      { onRequest: (info) => requests.push(info) },
    ),
  );
  return requests;
}

const ids = ['cs_3', 'cs_1', 'cs_2'];
/** Hundreds of sessions take a few seconds of React's development build; a loaded machine may double that. */
const BIG_BOARD_TIMEOUT = 30_000;

/** The ids of a board of `count` sessions: cs_0, cs_1, … */
const boardOf = (count: number) => Array.from({ length: count }, (_, index) => `cs_${index}`);

/**
 * A client whose fetch answers at once with `answer(sessionId, call)`, recording when each
 * request left and for which session: MSW would take seconds of real time for the thousand
 * requests of a big board.
 */
function instantClient(answer: (sessionId: string, call: number) => Partial<CheckoutSession> = () => ({})) {
  const requests: number[] = [];
  const asked: string[] = [];
  const calls = new Map<string, number>();
  const client = makeTestClient({
    fetch: async (url) => {
      requests.push(Date.now());
      const sessionId = decodeURIComponent(String(url).split('/').pop() ?? '');
      asked.push(sessionId);
      const call = (calls.get(sessionId) ?? 0) + 1;
      calls.set(sessionId, call);
      return Response.json(makeSession({ id: sessionId, ...answer(sessionId, call) }));
    },
  });
  return { client, requests, asked };
}

/**
 * A client that answers every session at once, except the first request for `cs_0` after
 * `holdNextPoll()`: that one waits for `answerPoll()`, and answers `answer`.
 */
function holdingClient(answer: Partial<CheckoutSession> = {}) {
  let holdNext = false;
  let release: (() => void) | undefined;
  const counts = { askedForFirst: 0 };
  const client: CheckoutClient = {
    getSession: (sessionId) => {
      if (sessionId === 'cs_0') counts.askedForFirst += 1;
      if (sessionId !== 'cs_0' || !holdNext) return Promise.resolve(makeSession({ id: sessionId }));
      holdNext = false;
      return new Promise((resolve) => {
        release = () => resolve(makeSession({ id: sessionId, ...answer }));
      });
    },
  };
  return {
    client,
    counts,
    holdNextPoll: () => {
      holdNext = true;
    },
    isHolding: () => release !== undefined,
    answerPoll: () => release?.(),
  };
}

describe('useCheckoutSessions', () => {
  it('returns one result per id, in id order', async () => {
    serveStaggeredSessions();
    function Dashboard() {
      const results = useCheckoutSessions(ids, { pollInterval: 1_000 });
      return <p>{results.map((result) => `${result.data?.id}:${result.data?.status}`).join(' ')}</p>;
    }
    renderWithClient(<Dashboard />);
    await advance(10);
    expect(screen.getByText(/cs_3/).textContent).toBe('cs_3:PENDING cs_1:PENDING cs_2:PENDING');
    await advance(1_000);
    expect(screen.getByText(/cs_3/).textContent).toBe('cs_3:PENDING cs_1:SUCCEEDED cs_2:PENDING');
  });

  it('stops polling each session at its own terminal status', async () => {
    const requests = serveStaggeredSessions();
    function Dashboard() {
      const results = useCheckoutSessions(ids, { pollInterval: 1_000 });
      return <p>pending:{results.filter((result) => result.isPolling).length}</p>;
    }
    renderWithClient(<Dashboard />);
    await advance(60_000);
    const perSession = Object.fromEntries(ids.map((id) => [id, requests.filter((r) => r.sessionId === id).length]));
    // cs_n answers PENDING n times, then SUCCEEDED once: n + 1 requests, none after.
    expect(perSession).toEqual({ cs_3: 4, cs_1: 2, cs_2: 3 });
    expect(screen.getByText(/^pending:/).textContent).toBe('pending:0');
  });

  it('asks once per period for a session also watched by its row', async () => {
    const requests = serveStaggeredSessions();
    const watched = ['cs_100'];
    function Row({ id }: { id: string }) {
      const { data } = useCheckoutSession(id, { pollInterval: 1_000 });
      return <li>{data?.status}</li>;
    }
    function Dashboard() {
      useCheckoutSessions(watched, { pollInterval: 1_000 });
      return <ul>{watched.map((id) => <Row key={id} id={id} />)}</ul>;
    }
    renderWithClient(<Dashboard />);
    await advance(10_010);
    expect(requests).toHaveLength(11);
  });

  it('re-renders a row only when its own session changes', async () => {
    serveStaggeredSessions();
    const rowRenders: Record<string, number> = {};
    function RowContent({ id }: { id: string }) {
      const { data } = useCheckoutSession(id, { pollInterval: 1_000 });
      return <li>{`${id}:${data?.status}`}</li>;
    }
    // The Profiler sits inside the memoised row, so it reports the row's own renders only.
    const Row = memo(function Row({ id }: { id: string }) {
      return (
        <Profiler id={id} onRender={() => (rowRenders[id] = (rowRenders[id] ?? 0) + 1)}>
          <RowContent id={id} />
        </Profiler>
      );
    });
    function Dashboard() {
      const results = useCheckoutSessions(ids, { pollInterval: 1_000 });
      return (
        <ul data-pending={results.filter((result) => result.isPolling).length}>
          {ids.map((id) => (
            <Row key={id} id={id} />
          ))}
        </ul>
      );
    }
    renderWithClient(<Dashboard />);
    await advance(10);
    const afterFirstAnswer = { ...rowRenders };
    await advance(10_000);
    // Each row changed once (PENDING → SUCCEEDED) in ten polls, and re-rendered once for it.
    for (const id of ids) expect(rowRenders[id]! - afterFirstAnswer[id]!).toBe(1);
  });

  it('fires the callbacks once per session transition', async () => {
    serveStaggeredSessions();
    const onTerminal = vi.fn();
    function Dashboard() {
      useCheckoutSessions(ids, { pollInterval: 1_000, onTerminal });
      return null;
    }
    renderWithClient(<Dashboard />, { strict: true });
    await advance(10_000);
    expect(onTerminal.mock.calls.map(([session]) => session.id).sort()).toEqual(['cs_1', 'cs_2', 'cs_3']);
  });

  it('gives the callbacks each session as fetched, not as selected', async () => {
    serveStaggeredSessions();
    const onTerminal = vi.fn();
    function Dashboard() {
      useCheckoutSessions(ids, { onTerminal, select: (session) => ({ ...session, orderReference: 'selected' }) });
      return null;
    }
    renderWithClient(<Dashboard />);
    await advance(10_000);
    expect(onTerminal).toHaveBeenCalledTimes(3);
    for (const [session] of onTerminal.mock.calls) expect(session.orderReference).not.toBe('selected');
  });

  it('tells the page of a first status its rows saw in the same commit', async () => {
    server.use(mockSessionEndpoint((info) => Response.json(makeSession({ id: info.sessionId }))));
    const queryClient = makeQueryClient();
    queryClient.setQueryData(checkoutSessionKeys.detail('cs_1'), makeSession({ id: 'cs_1', status: 'PENDING' }));
    const onStatusChange = vi.fn();
    let showIds: (ids: string[]) => void = () => undefined;
    function Row({ id }: { id: string }) {
      useCheckoutSession(id, { pollInterval: 60_000 });
      return null;
    }
    // The ids arrive one render after the page mounts, as they do from a list request.
    function Page() {
      const [pageIds, setPageIds] = useState<string[]>([]);
      showIds = setPageIds;
      useCheckoutSessions(pageIds, { pollInterval: 60_000, onStatusChange });
      return pageIds.map((id) => <Row key={id} id={id} />);
    }
    renderWithClient(<Page />, { queryClient });
    act(() => showIds(['cs_1']));
    await advance(100);
    expect(onStatusChange).toHaveBeenCalledTimes(1);
  });

  it('returns the same results, and renders nothing, for polls that bring equal data', async () => {
    server.use(mockSessionEndpoint((info) => Response.json(makeSession({ id: info.sessionId }))));
    const seen: unknown[][] = [];
    let boardRenders = 0;
    function Dashboard() {
      const results = useCheckoutSessions(ids, { pollInterval: 1_000 });
      seen.push(results);
      return (
        <Profiler id="board" onRender={() => (boardRenders += 1)}>
          <p>{results.map((result) => result.data?.status).join(' ')}</p>
        </Profiler>
      );
    }
    renderWithClient(<Dashboard />);
    await advance(1_500);
    const [rendersBefore, last] = [boardRenders, seen.at(-1)];
    await advance(5_000);
    expect(boardRenders).toBe(rendersBefore);
    expect(seen.at(-1)).toBe(last);
  });

  it('of 200 memoised rows given their results, re-renders only the 5 whose session settled', async () => {
    // cs_settle_1 … cs_settle_5 turn SUCCEEDED at their 2nd … 6th request; the other 195 stay PENDING.
    const { client } = instantClient((sessionId, call) => {
      const settlesAt = sessionId.startsWith('cs_settle_') ? Number(sessionId.slice(10)) + 1 : Infinity;
      return { status: call >= settlesAt ? 'SUCCEEDED' : 'PENDING' };
    });
    const board = [
      ...Array.from({ length: 5 }, (_, index) => `cs_settle_${index + 1}`),
      ...Array.from({ length: 195 }, (_, index) => `cs_stay_${index}`),
    ];
    // Which rows rendered, not how often: StrictMode (the unit-react18 project) renders twice.
    const rendered = new Set<string>();
    const Row = memo(function Row({ id, result }: { id: string; result: ReturnType<typeof useCheckoutSessions>[number] }) {
      rendered.add(id);
      return <li>{result.data?.status ?? 'loading'}</li>;
    });
    function Dashboard() {
      const results = useCheckoutSessions(board, { pollInterval: 1_000 });
      return (
        <ul>
          {results.map((result, index) => (
            <Row key={board[index]} id={board[index]!} result={result} />
          ))}
        </ul>
      );
    }
    renderWithClient(<Dashboard />, { client });
    await advance(500);
    rendered.clear();
    await advance(6_000);
    expect(screen.getAllByText('SUCCEEDED')).toHaveLength(5);
    expect([...rendered].sort()).toEqual(board.slice(0, 5));
  }, BIG_BOARD_TIMEOUT);

  it('follows the sessions in the QueryClient it is given now, after the page passes another', async () => {
    server.use(mockSessionEndpoint((info) => Response.json(makeSession({ id: info.sessionId, status: 'PENDING' }))));
    const [first, second] = [makeQueryClient(), makeQueryClient()];
    second.setQueryData(checkoutSessionKeys.detail('cs_1'), makeSession({ id: 'cs_1', status: 'SUCCEEDED' }));
    function Dashboard({ queryClient }: { queryClient: typeof first }) {
      const [result] = useCheckoutSessions(['cs_1'], { pollInterval: 1_000, queryClient });
      return <p>status:{result?.data?.status ?? 'loading'}</p>;
    }
    const { rerender } = renderWithClient(<Dashboard queryClient={first} />);
    await advance(10);
    expect(screen.getByText(/status:/).textContent).toBe('status:PENDING');
    rerender(<Dashboard queryClient={second} />);
    await advance(10);
    expect(screen.getByText(/status:/).textContent).toBe('status:SUCCEEDED');
    // The first client's entry is no longer watched: its polls stop.
    expect(first.getQueryCache().find({ queryKey: checkoutSessionKeys.detail('cs_1') })?.getObserversCount()).toBe(0);
  });

  it.each([
    ['', 'none'],
    ['..', 'invalid_request'],
    ['\uD800', 'invalid_request'],
  ])('shows the id %j as %s and not polling, sends nothing for it, and follows the others', async (badId, shownAs) => {
    const requests: SessionRequestInfo[] = [];
    server.use(mockSessionEndpoint((info) => Response.json(makeSession({ id: info.sessionId })), { onRequest: (info) => requests.push(info) }));
    function Dashboard() {
      const results = useCheckoutSessions(['cs_1', badId], { pollInterval: 1_000 });
      return <p>{results.map((result) => `${result.data?.status ?? result.error?.kind ?? 'none'}:${result.isPolling ? 'polling' : 'idle'}`).join(' ')}</p>;
    }
    renderWithClient(<Dashboard />);
    await advance(2_010);
    expect(screen.getByText(/polling/).textContent).toBe(`PENDING:polling ${shownAs}:idle`);
    expect(requests.map((request) => request.sessionId)).toEqual(['cs_1', 'cs_1', 'cs_1']);
  });

  it('listens to the query cache once, however many sessions and rows watch', async () => {
    const { client } = instantClient();
    const cacheListeners = (cache: QueryCache) => (cache as unknown as { listeners: Set<unknown> }).listeners.size;
    function Row({ id }: { id: string }) {
      useCheckoutSession(id, { pollInterval: 1_000, onStatusChange: () => undefined });
      return null;
    }
    function Dashboard({ count }: { count: number }) {
      const board = boardOf(count);
      useCheckoutSessions(board, { pollInterval: 1_000, onStatusChange: () => undefined });
      return board.map((id) => <Row key={id} id={id} />);
    }
    const one = renderWithClient(<Dashboard count={1} />, { client });
    await advance(10);
    const withOne = cacheListeners(one.queryClient.getQueryCache());
    one.unmount();
    const many = renderWithClient(<Dashboard count={300} />, { client });
    await advance(10);
    expect(cacheListeners(many.queryClient.getQueryCache())).toBe(withOne);
  }, BIG_BOARD_TIMEOUT);

  /** A board of 100 sessions polled every second; returns when each request left. */
  function renderHundredSessionBoard() {
    // Places are times of the clock: start at the same one in every run, not at the wall clock's.
    vi.setSystemTime(Date.UTC(2026, 0, 1, 12));
    const { client, requests } = instantClient();
    const board = boardOf(100);
    function Dashboard() {
      useCheckoutSessions(board, { pollInterval: 1_000 });
      return null;
    }
    renderWithClient(<Dashboard />, { client });
    return requests;
  }

  it('polls a hundred sessions once per period, in two groups half a period apart', async () => {
    const requests = renderHundredSessionBoard();
    await advance(3_000);
    requests.length = 0;
    await advance(1_000);
    expect(requests).toHaveLength(100);
    expect(new Set(requests.map((at) => at % 1_000)).size).toBe(2);
  }, BIG_BOARD_TIMEOUT);

  it('keeps a timer per place in the period between polls, not one per session', async () => {
    renderHundredSessionBoard();
    // Between the two places (0 and 500 ms into each second), no request in flight.
    await advance(3_250);
    // React Query's own polling would hold an interval per session: a hundred.
    expect(vi.getTimerCount()).toBe(2);
  }, BIG_BOARD_TIMEOUT);

  it('asks nothing for a hundred sessions once their board unmounts, polls booked or not', async () => {
    const requests = renderHundredSessionBoard();
    await advance(3_000);
    cleanup();
    requests.length = 0;
    await advance(5_000);
    expect(requests).toHaveLength(0);
  }, BIG_BOARD_TIMEOUT);

  it('polls a hundred sessions on fake timers installed anew at the time the last ones left polls booked', async () => {
    renderHundredSessionBoard();
    await advance(3_000);
    // The next test of a suite: the same start time, new fake timers, the old ones' polls never fired.
    cleanup();
    vi.useRealTimers();
    vi.useFakeTimers();
    const requests = renderHundredSessionBoard();
    await advance(3_000);
    requests.length = 0;
    await advance(1_000);
    expect(requests).toHaveLength(100);
  }, BIG_BOARD_TIMEOUT);

  it('asks nothing for a session whose own useQuery is disabled by a function, on a page that spreads its polls', async () => {
    vi.setSystemTime(Date.UTC(2026, 0, 1, 12));
    const { client, asked } = instantClient();
    const board = boardOf(20);
    function Page() {
      useCheckoutSessions(board, { pollInterval: 1_000 });
      useQuery({ ...checkoutSessionQueryOptions(client, 'cs_held', { pollInterval: 1_000 }), enabled: () => false });
      return null;
    }
    renderWithClient(<Page />, { client });
    await advance(5_000);
    expect(asked).not.toContain('cs_held');
    expect(asked.length).toBeGreaterThanOrEqual(100);
  });

  it('retries a failed poll by the retry policy before it shows the error, on a page that spreads its polls', async () => {
    vi.setSystemTime(Date.UTC(2026, 0, 1, 12));
    const calls = new Map<string, number>();
    const client = makeTestClient({
      fetch: async (url) => {
        const sessionId = decodeURIComponent(String(url).split('/').pop() ?? '');
        const call = (calls.get(sessionId) ?? 0) + 1;
        calls.set(sessionId, call);
        return sessionId === 'cs_0' && call >= 3 ? Response.json({ error: { code: 'internal', message: 'down' } }, { status: 503 }) : Response.json(makeSession({ id: sessionId }));
      },
    });
    const board = boardOf(20);
    function Page() {
      const [first] = useCheckoutSessions(board, { pollInterval: 1_000, retry: 2, retryDelay: 100 });
      return <p>{first?.error ? `failed after ${first.failureCount}` : (first?.data?.status ?? 'loading')}</p>;
    }
    renderWithClient(<Page />, { client });
    // First load, a poll at 1 s, a failing poll at 2 s, then its first retry at 2.1 s.
    await advance(2_150);
    expect(calls.get('cs_0')).toBe(4);
    expect(screen.getByText('PENDING')).toBeTruthy();
    await advance(100);
    expect(calls.get('cs_0')).toBe(5);
    expect(screen.getByText('failed after 3')).toBeTruthy();
  });

  it('aborts the polls under way of a board that unmounts, on a page that spreads its polls', async () => {
    const calls = new Map<string, number>();
    const pollSignals: AbortSignal[] = [];
    // Every session answers its first load, then never answers a poll: they stay under way.
    const client: CheckoutClient = {
      getSession: (sessionId, options) => {
        const call = (calls.get(sessionId) ?? 0) + 1;
        calls.set(sessionId, call);
        if (call === 1) return Promise.resolve(makeSession({ id: sessionId }));
        const signal = options?.signal as AbortSignal;
        pollSignals.push(signal);
        return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
      },
    };
    const board = boardOf(20);
    function Page() {
      useCheckoutSessions(board, { pollInterval: 1_000 });
      return null;
    }
    renderWithClient(<Page />, { client });
    await advance(2_000);
    expect(pollSignals).toHaveLength(20);
    expect(pollSignals.filter((signal) => signal.aborted)).toHaveLength(0);
    cleanup();
    expect(pollSignals.filter((signal) => signal.aborted)).toHaveLength(20);
  });

  it('calls the QueryCache\'s onSuccess for every answer, on a page that spreads its polls', async () => {
    vi.setSystemTime(Date.UTC(2026, 0, 1, 12));
    const { client, asked } = instantClient();
    const answered: unknown[] = [];
    const queryClient = new QueryClient({ queryCache: new QueryCache({ onSuccess: (_data, query) => answered.push(query.queryKey[1]) }) });
    const board = boardOf(20);
    function Page() {
      useCheckoutSessions(board, { pollInterval: 1_000 });
      return null;
    }
    renderWithClient(<Page />, { client, queryClient });
    await advance(3_100);
    const askedForFirst = asked.filter((sessionId) => sessionId === 'cs_0').length;
    expect(askedForFirst).toBeGreaterThanOrEqual(3);
    expect(answered.filter((sessionId) => sessionId === 'cs_0')).toHaveLength(askedForFirst);
  });

  it('keeps what the app wrote to a session while its poll was under way, on a page that spreads its polls', async () => {
    const api = holdingClient({ status: 'PENDING' });
    const board = boardOf(20);
    function Page() {
      const [first] = useCheckoutSessions(board, { pollInterval: 1_000 });
      return <p>{first?.data?.status ?? 'loading'}</p>;
    }
    const { queryClient } = renderWithClient(<Page />, { client: api.client });
    await advance(500);
    expect(screen.getByText('PENDING')).toBeTruthy();
    api.holdNextPoll();
    await advance(1_500);
    expect(api.isHolding()).toBe(true);
    act(() => queryClient.setQueryData(checkoutSessionKeys.detail('cs_0'), makeSession({ id: 'cs_0', status: 'SUCCEEDED' })));
    api.answerPoll();
    await advance(100);
    expect(screen.getByText('SUCCEEDED')).toBeTruthy();
  });

  it('keeps polling a session the app wrote to while its poll was under way, on a page that spreads its polls', async () => {
    const api = holdingClient();
    const board = boardOf(20);
    function Page() {
      useCheckoutSessions(board, { pollInterval: 1_000 });
      return null;
    }
    const { queryClient } = renderWithClient(<Page />, { client: api.client });
    await advance(500);
    api.holdNextPoll();
    await advance(1_500);
    expect(api.isHolding()).toBe(true);
    act(() => queryClient.setQueryData(checkoutSessionKeys.detail('cs_0'), makeSession({ id: 'cs_0' })));
    // The poll that write booked comes due while the held one is still under way.
    await advance(1_500);
    api.answerPoll();
    const askedBeforeAnswer = api.counts.askedForFirst;
    await advance(3_000);
    expect(api.counts.askedForFirst).toBeGreaterThanOrEqual(askedBeforeAnswer + 2);
  });

  it('asks nothing more for a session whose row mounts while its poll is under way, on a page that spreads its polls', async () => {
    const api = holdingClient({ status: 'SUCCEEDED' });
    const board = boardOf(20);
    function Row({ id }: { id: string }) {
      const { data } = useCheckoutSession(id, { pollInterval: 1_000 });
      return <p>{data?.status}</p>;
    }
    let showRow: () => void = () => undefined;
    function Page() {
      const [rowShown, setRowShown] = useState(false);
      showRow = () => setRowShown(true);
      useCheckoutSessions(board, { pollInterval: 1_000 });
      return rowShown ? <Row id="cs_0" /> : null;
    }
    renderWithClient(<Page />, { client: api.client });
    await advance(500);
    api.holdNextPoll();
    await advance(1_500);
    expect(api.isHolding()).toBe(true);
    const askedBeforeRow = api.counts.askedForFirst;
    act(() => showRow());
    await advance(10);
    expect(api.counts.askedForFirst).toBe(askedBeforeRow);
    api.answerPoll();
    await advance(10);
    expect(screen.getByText('SUCCEEDED')).toBeTruthy();
  });

  it('keeps asking each session once per period after a board of seventeen drops to sixteen and stops spreading its polls', async () => {
    vi.setSystemTime(Date.UTC(2026, 0, 1, 12));
    const { client, asked } = instantClient();
    const board = boardOf(17);
    function Dashboard({ count }: { count: number }) {
      useCheckoutSessions(board.slice(0, count), { pollInterval: 1_000 });
      return null;
    }
    const { rerender } = renderWithClient(<Dashboard count={17} />, { client });
    // Between polls, each session's next one booked on the kit's clock.
    await advance(3_250);
    asked.length = 0;
    rerender(<Dashboard count={16} />);
    await advance(3_000);
    const perSession = board.slice(0, 16).map((id) => asked.filter((sessionId) => sessionId === id).length);
    expect(perSession).toEqual(Array.from({ length: 16 }, () => 3));
  });

  it('asks for a hundred sessions over the period after the window regains focus, not all at once', async () => {
    const requests = renderHundredSessionBoard();
    await advance(2_000);
    act(() => focusManager.setFocused(false));
    await advance(5_000);
    requests.length = 0;
    act(() => focusManager.setFocused(true));
    await advance(10);
    expect(requests.length).toBeLessThanOrEqual(50);
    await advance(990);
    act(() => focusManager.setFocused(undefined));
    // Within the whole period after the focus, each session was asked once, at its own place. (Not
    // 995 ms: a place 0–4 ms before the focus comes round again just short of a period later.)
    expect(requests).toHaveLength(100);
    expect(new Set(requests.map((at) => at % 1_000)).size).toBe(2);
  }, BIG_BOARD_TIMEOUT);
});

describe('useCheckoutSessions with throwOnError', () => {
  /** cs_bad answers `bad` on its first request and PENDING after; the others PENDING. */
  function serveOneFailing(bad: number) {
    const requests: SessionRequestInfo[] = [];
    server.use(
      mockSessionEndpoint(
        (info) =>
          info.sessionId === 'cs_bad' && info.call === 1 ? errorResponse(bad)(info) : Response.json(makeSession({ id: info.sessionId })),
        { onRequest: (info) => requests.push(info) },
      ),
    );
    return requests;
  }

  function Board() {
    const results = useCheckoutSessions(['cs_ok', 'cs_bad'], { retry: false, throwOnError: true });
    return <p>{results.map((result) => result.error?.kind ?? result.data?.status ?? 'loading').join(' ')}</p>;
  }

  function renderBoard() {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWithClient(
      <QueryErrorResetBoundary>
        {({ reset }) => (
          <TryAgainBoundary onReset={reset}>
            <Board />
          </TryAgainBoundary>
        )}
      </QueryErrorResetBoundary>,
    );
  }

  /** Renders the board with cs_bad failing with `status` first, then presses the boundary's Try again; returns cs_bad's requests. */
  async function failThenReset(status: number) {
    const requests = serveOneFailing(status);
    renderBoard();
    await advance(10);
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    await advance(10);
    return requests.filter((request) => request.sessionId === 'cs_bad');
  }

  it('throws a session\'s error to the nearest error boundary', async () => {
    serveOneFailing(404);
    renderBoard();
    await advance(10);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('asks again for a retryable error after the boundary\'s reset, and shows the answer', async () => {
    expect(await failThenReset(503)).toHaveLength(2);
    expect(screen.getByText(/PENDING/).textContent).toBe('PENDING PENDING');
  });

  it('shows a final error on the board after the boundary\'s reset, instead of throwing it again at once', async () => {
    // A 404 is not asked again: throwing it again would bring back the same button for ever.
    expect(await failThenReset(404)).toHaveLength(1);
    expect(screen.getByText(/PENDING/).textContent).toBe('PENDING not_found');
  });
});

describe('useCheckoutSessions with sweep', () => {
  const board = ['cs_a', 'cs_b', 'cs_c'];
  const sweep = { pollInterval: 10_000 };

  function serveCounted() {
    const requests: SessionRequestInfo[] = [];
    server.use(mockSessionEndpoint((info) => Response.json(makeSession({ id: info.sessionId })), { onRequest: (info) => requests.push(info) }));
    return (id: string) => requests.filter((request) => request.sessionId === id).length;
  }

  function Row({ id }: { id: string }) {
    const { data } = useCheckoutSession(id, { pollInterval: 1_000 });
    return <li>{`${id}:${data?.status ?? 'loading'}`}</li>;
  }

  let showRows: (rows: string[]) => void = () => undefined;
  function Dashboard({ initialRows }: { initialRows: string[] }) {
    const [rows, setRows] = useState(initialRows);
    showRows = setRows;
    const results = useCheckoutSessions(board, { pollInterval: 1_000, sweep });
    return (
      <>
        <p>pending:{results.filter((result) => result.isPolling).length}</p>
        <ul>{rows.map((id) => <Row key={id} id={id} />)}</ul>
      </>
    );
  }

  /** The API behind `api`, recording the priority of each request for `cs_a`. */
  function recordPrioritiesOfA(api: ReturnType<typeof instantClient>) {
    const priorities: Array<string | undefined> = [];
    const client: CheckoutClient = {
      getSession: (sessionId, options) => {
        if (sessionId === 'cs_a') priorities.push(options?.priority);
        return api.client.getSession(sessionId, options);
      },
    };
    return { client, priorities };
  }

  it('asks for sessions no row watches only at the sweep cadence', async () => {
    const requestsFor = serveCounted();
    renderWithClient(<Dashboard initialRows={[]} />);
    await advance(30_010);
    // The first load, then one sweep every 10 s.
    for (const id of board) expect(requestsFor(id)).toBe(4);
    expect(screen.getByText(/^pending:/).textContent).toBe('pending:3');
  });

  it.each([0, -1, Number.NaN])('sweeps at the default 30 s for a sweep.pollInterval of %s', async (pollInterval) => {
    const requestsFor = serveCounted();
    function SweptBoard() {
      const results = useCheckoutSessions(board, { pollInterval: 1_000, sweep: { pollInterval } });
      return <p>pending:{results.filter((result) => result.isPolling).length}</p>;
    }
    renderWithClient(<SweptBoard />);
    await advance(29_990);
    for (const id of board) expect(requestsFor(id)).toBe(1);
    await advance(20);
    for (const id of board) expect(requestsFor(id)).toBe(2);
    expect(screen.getByText(/^pending:/).textContent).toBe('pending:3');
  });

  it('polls a session at the cadence while its row is mounted, and at the sweep cadence once it is gone', async () => {
    const requestsFor = serveCounted();
    renderWithClient(<Dashboard initialRows={['cs_a']} />);
    await advance(5_010);
    expect(requestsFor('cs_a')).toBe(6);
    expect(requestsFor('cs_b')).toBe(1);
    act(() => showRows([]));
    await advance(4_000);
    expect(requestsFor('cs_a')).toBe(6);
  });

  it('asks at once for a session whose row mounts on a status older than one period', async () => {
    const requestsFor = serveCounted();
    renderWithClient(<Dashboard initialRows={[]} />);
    await advance(5_000);
    expect(requestsFor('cs_b')).toBe(1);
    act(() => showRows(['cs_b']));
    await advance(10);
    expect(requestsFor('cs_b')).toBe(2);
    expect(screen.getByText('cs_b:PENDING')).toBeInTheDocument();
  });

  it('keeps the page\'s counts true: a session that settles off screen is seen at the next sweep', async () => {
    server.use(
      mockSessionEndpoint((info) =>
        Response.json(makeSession({ id: info.sessionId, status: info.sessionId === 'cs_a' && info.call > 1 ? 'SUCCEEDED' : 'PENDING' })),
      ),
    );
    renderWithClient(<Dashboard initialRows={[]} />);
    await advance(10);
    expect(screen.getByText(/^pending:/).textContent).toBe('pending:3');
    await advance(10_000);
    expect(screen.getByText(/^pending:/).textContent).toBe('pending:2');
  });

  it('does not ask for every swept session when the window regains focus', async () => {
    const requestsFor = serveCounted();
    renderWithClient(<Dashboard initialRows={['cs_a']} />);
    await advance(2_500);
    act(() => focusManager.setFocused(false));
    act(() => focusManager.setFocused(true));
    await advance(10);
    act(() => focusManager.setFocused(undefined));
    // The watched row asks again at once; the swept sessions wait for their sweep.
    expect(requestsFor('cs_a')).toBe(4);
    expect(requestsFor('cs_b')).toBe(1);
  });

  it('sends every poll of a session whose row is on screen at high priority, on a page that spreads its polls', async () => {
    const { client, priorities } = recordPrioritiesOfA(instantClient());
    const page = ['cs_a', ...Array.from({ length: 20 }, (_, index) => `cs_other_${index}`)];
    let showRow: () => void = () => undefined;
    function Page() {
      const [rowShown, setRowShown] = useState(false);
      showRow = () => setRowShown(true);
      useCheckoutSessions(page, { pollInterval: 1_000, sweep: { pollInterval: 1_000 } });
      return rowShown ? <Row id="cs_a" /> : null;
    }
    renderWithClient(<Page />, { client });
    await advance(1_000);
    // The row comes after the sweep among the session's watchers: the sweep's poll must see it.
    act(() => showRow());
    priorities.length = 0;
    await advance(5_000);
    expect(priorities.length).toBeGreaterThanOrEqual(4);
    expect(new Set(priorities)).toEqual(new Set(['high']));
  });

  it('sends a poll that a row on screen and the sweep both come due for at the row\'s high priority', async () => {
    const { client, priorities } = recordPrioritiesOfA(instantClient(() => ({ status: 'SUCCEEDED', refunds: [makeRefund({ status: 'PENDING' })] })));
    // Both follow the pending refund every 5 s, so their timers come due together.
    const policy = { pollInterval: 1_000, followRefunds: { pollInterval: 5_000 } };
    let rerenderRow: () => void = () => undefined;
    function RefundRow({ id }: { id: string }) {
      const [, setRenders] = useState(0);
      rerenderRow = () => setRenders((count) => count + 1);
      useCheckoutSession(id, policy);
      return null;
    }
    // More than 16 sessions, so polls keep their places in the period and a render restarts a timer.
    const page = ['cs_a', ...Array.from({ length: 20 }, (_, index) => `cs_other_${index}`)];
    function Page() {
      useCheckoutSessions(page, { ...policy, sweep });
      return <RefundRow id="cs_a" />;
    }
    renderWithClient(<Page />, { client });
    await advance(2_000);
    // The row's timer now runs behind the sweep's.
    act(() => rerenderRow());
    priorities.length = 0;
    await advance(20_000);
    expect(priorities.length).toBeGreaterThanOrEqual(3);
    expect(new Set(priorities)).toEqual(new Set(['high']));
  });
});
