/**
 * What the dashboard benches share: a production-like fake API behind the kit's real client,
 * and the boards compared (raw `useQueries`, the kit's `useCheckoutSessions`, rows that each
 * call `useCheckoutSession`).
 */
import { QueryClientProvider, useQueries, type Query, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { memo, type ReactNode } from 'react';
import { createCheckoutClient, type CheckoutClient } from '../../src/core/client';
import type { CheckoutApiError } from '../../src/core/errors';
import type { CheckoutSession, SessionStatus } from '../../src/core/schema';
import { pollPhase, pollPlaces, sessionIdHash, spreadPollTime } from '../../src/core/polling';
import { isTerminalStatus } from '../../src/core/status';
import { CheckoutClientProvider } from '../../src/react/context';
import { useCheckoutSession } from '../../src/react/useCheckoutSession';
import { useCheckoutSessions } from '../../src/react/useCheckoutSessions';
import { makeSession } from '../../src/testing';

export const BENCH_API = 'https://api.bench';
const SESSIONS_PATH = '/api/v1/sessions/';
const JSON_HEADERS = { 'content-type': 'application/json' };

export interface FakeApiOptions {
  /** How long the API takes to answer, in ms (setTimeout, so fake timers drive it too). */
  latencyMs?: number;
}

/**
 * A fake `fetch` for the kit's client: answers every session after `latencyMs` with a
 * schema-valid body built once per id and status, honours abort, and counts requests per id
 * with their timestamps. `settle(id, status)` changes what later polls of a session get.
 */
export function createFakeApi({ latencyMs = 2 }: FakeApiOptions = {}) {
  const bodies = new Map<string, string>();
  const statuses = new Map<string, SessionStatus>();
  const requestsById = new Map<string, number>();
  const requestTimes: number[] = [];
  let requests = 0;

  const bodyFor = (id: string) => {
    const status = statuses.get(id) ?? 'PENDING';
    const key = `${status}\u0000${id}`;
    let body = bodies.get(key);
    if (body === undefined) {
      body = JSON.stringify(makeSession({ id, status }));
      bodies.set(key, body);
    }
    return body;
  };

  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const id = decodeURIComponent(url.slice(url.indexOf(SESSIONS_PATH) + SESSIONS_PATH.length));
    requests += 1;
    requestsById.set(id, (requestsById.get(id) ?? 0) + 1);
    requestTimes.push(performance.now());
    const body = bodyFor(id);
    const signal = init?.signal ?? undefined;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve(new Response(body, { status: 200, headers: JSON_HEADERS }));
      }, latencyMs);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }) as typeof globalThis.fetch;

  return {
    fetch,
    /** Builds the bodies of these sessions ahead, so the first load does not pay for it. */
    prepare(ids: readonly string[]) {
      for (const id of ids) bodyFor(id);
    },
    settle(id: string, status: SessionStatus) {
      statuses.set(id, status);
    },
    get requests() {
      return requests;
    },
    requestsById,
    requestTimes,
    client(): CheckoutClient {
      return createCheckoutClient({ baseUrl: BENCH_API, token: 'bench-token', fetch });
    },
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;

export const sessionIds = (count: number) => Array.from({ length: count }, (_, index) => `cs_${String(index).padStart(5, '0')}`);

type SessionResult = UseQueryResult<CheckoutSession, CheckoutApiError>;

type RawQuery = Query<CheckoutSession, CheckoutApiError>;

/**
 * One session's options as a raw React Query dashboard writes them, over the kit's client: polled
 * `nextPollIn(query)` ms after each answer until its status is terminal.
 */
export function rawSessionOptions(client: CheckoutClient, sessionId: string, nextPollIn: (query: RawQuery) => number) {
  return {
    queryKey: ['raw-session', sessionId],
    queryFn: ({ signal }: { signal: AbortSignal }) => client.getSession(sessionId, { signal }),
    refetchInterval: (query: RawQuery) => (isTerminalStatus(query.state.data?.status) ? false : nextPollIn(query)),
  };
}

/**
 * React Query as most dashboards use it: one `useQueries` for the board. With `spread`, each
 * session polls at its place in the period as the kit places it (a diagnostic: what spreading
 * polls over the period costs raw React Query itself).
 */
export function useRawSessions(client: CheckoutClient, ids: readonly string[], period: number, spread = false): SessionResult[] {
  const places = pollPlaces(ids.length);
  return useQueries({
    queries: ids.map((id) => {
      // As the kit does: the id is hashed once, not each time React Query asks for the interval.
      const phase = spread ? pollPhase(sessionIdHash(id), places) : 0;
      return rawSessionOptions(client, id, (query) => {
        if (!spread) return period;
        const now = Date.now();
        return spreadPollTime(period, phase, query.state, now) - now;
      });
    }),
  });
}

/** Counts renders, by row id and of the board, for the render figures. */
export class RenderCounter {
  board = 0;
  rows = new Map<string, number>();
  boardRendered() {
    this.board += 1;
  }
  row(id: string) {
    this.rows.set(id, (this.rows.get(id) ?? 0) + 1);
  }
  snapshot() {
    return { board: this.board, rows: new Map(this.rows) };
  }
  /** Board renders, row renders, and distinct rows rendered since `before`. */
  since(before: { board: number; rows: Map<string, number> }) {
    let rowRenders = 0;
    let rowsRendered = 0;
    for (const [id, count] of this.rows) {
      const more = count - (before.rows.get(id) ?? 0);
      rowRenders += more;
      if (more > 0) rowsRendered += 1;
    }
    return { boardRenders: this.board - before.board, rowRenders, rowsRendered };
  }
}

const noCounter = new RenderCounter();

/**
 * A memoised row given its session's result: what a dashboard row shows, the status or that it
 * failed. Not `isFetching`: a row showing it re-renders twice on every poll whatever the data
 * layer, and the figures would then measure React re-rendering rows rather than the data layer.
 */
export const ResultRow = memo(function ResultRow({ id, result, counter }: { id: string; result: SessionResult; counter: RenderCounter }) {
  counter.row(id);
  const { data, error } = result;
  return (
    <tr>
      <td>{id}</td>
      <td>{data?.status ?? (error ? 'error' : 'loading')}</td>
    </tr>
  );
});

/** The same row watching its own session through the kit. */
export const KitRow = memo(function KitRow({ id, period, counter }: { id: string; period: number; counter: RenderCounter }) {
  const result = useCheckoutSession(id, { pollInterval: period });
  return <ResultRow id={id} result={result} counter={counter} />;
});

/** The 200-row figure's row given only the session, not the result. */
export const DataRow = memo(function DataRow({ id, data, counter }: { id: string; data: CheckoutSession | undefined; counter: RenderCounter }) {
  counter.row(id);
  return (
    <tr>
      <td>{id}</td>
      <td>{data?.status ?? 'loading'}</td>
    </tr>
  );
});

export type Variant = 'raw' | 'raw, spread as the kit spreads' | 'kit board' | 'kit rows';
export type RowsVariant = 'raw' | 'raw, rows given data' | 'kit board';

interface BoardProps {
  ids: readonly string[];
  period: number;
  client: CheckoutClient;
  counter?: RenderCounter;
}

const Table = ({ children }: { children: ReactNode }) => (
  <table>
    <tbody>{children}</tbody>
  </table>
);

function RawBoard({ ids, period, client, counter = noCounter, spread }: BoardProps & { spread?: boolean }) {
  counter.boardRendered();
  const results = useRawSessions(client, ids, period, spread);
  return <Table>{ids.map((id, index) => <ResultRow key={id} id={id} result={results[index]!} counter={counter} />)}</Table>;
}

function KitBoard({ ids, period, counter = noCounter }: BoardProps) {
  counter.boardRendered();
  const results = useCheckoutSessions(ids, { pollInterval: period });
  return <Table>{ids.map((id, index) => <ResultRow key={id} id={id} result={results[index]!} counter={counter} />)}</Table>;
}

function KitRowsBoard({ ids, period, counter = noCounter }: BoardProps) {
  counter.boardRendered();
  return <Table>{ids.map((id) => <KitRow key={id} id={id} period={period} counter={counter} />)}</Table>;
}

function RawDataBoard({ ids, period, client, counter = noCounter }: BoardProps) {
  counter.boardRendered();
  const results = useRawSessions(client, ids, period);
  return <Table>{ids.map((id, index) => <DataRow key={id} id={id} data={results[index]!.data} counter={counter} />)}</Table>;
}

export const scaleBoards: Record<Variant, (props: BoardProps) => ReactNode> = {
  raw: RawBoard,
  'raw, spread as the kit spreads': (props) => <RawBoard {...props} spread />,
  'kit board': KitBoard,
  'kit rows': KitRowsBoard,
};

export const rowsBoards: Record<RowsVariant, (props: BoardProps) => ReactNode> = {
  raw: RawBoard,
  'raw, rows given data': RawDataBoard,
  'kit board': KitBoard,
};

export function Providers({ queryClient, client, children }: { queryClient: QueryClient; client: CheckoutClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <CheckoutClientProvider client={client}>{children}</CheckoutClientProvider>
    </QueryClientProvider>
  );
}
