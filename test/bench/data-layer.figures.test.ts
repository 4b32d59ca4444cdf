/**
 * `npm run bench` (bench-scale project): what one poll costs the data layer alone, the kit's
 * query options beside the plain options of the raw board, with no React and no poll timers.
 * Every session's observer is refetched at once, round after round, and the thread's own CPU
 * time (Linux's schedstat) is divided by the polls: no idle periods, no spreading, no rows, so
 * a gap it shows is the options' own (their functions run several times per poll). A fresh
 * cache of 3,000 sessions still moves by up to a third from one repetition to the next (first
 * run: 99–137 µs), hence the medians of alternating repetitions.
 */
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckoutClient } from '../../src/core/client';
import type { CheckoutApiError } from '../../src/core/errors';
import type { CheckoutSession } from '../../src/core/schema';
import { isTerminalStatus } from '../../src/core/status';
import { hookQueryOptions, sessionQueryHash, splitOptions } from '../../src/react/sessionResult';
import { createFakeApi, sessionIds } from './dashboard';

const { readFileSync } = process.getBuiltinModule('node:fs');

const SESSIONS = 3_000;
const ROUNDS = 12;
/** Rounds dropped before the median: the first ones warm the code up. */
const WARM_UP_ROUNDS = 2;
const REPETITIONS = 4;
// Long enough that no poll timer fires during a measurement: only the refetches count.
const POLL_INTERVAL = 600_000;

type Kind = 'raw options' | 'kit options';
/** What the measurement uses of a session's observer, whatever its options' key type. */
interface SessionObserver {
  refetch(): Promise<unknown>;
  trackProp(key: 'data' | 'error'): void;
  subscribe(listener: () => void): () => void;
}

const observerOf: Record<Kind, (queryClient: QueryClient, client: CheckoutClient, sessionId: string) => SessionObserver> = {
  // As the dashboard bench's raw board builds them.
  'raw options': (queryClient, client, sessionId) =>
    new QueryObserver<CheckoutSession, CheckoutApiError>(queryClient, {
      queryKey: ['raw-session', sessionId],
      queryFn: ({ signal }) => client.getSession(sessionId, { signal }),
      refetchInterval: (query) => (isTerminalStatus(query.state.data?.status) ? false : POLL_INTERVAL),
    }),
  // As useCheckoutSession builds them.
  'kit options': (queryClient, client, sessionId) =>
    new QueryObserver(queryClient, {
      ...hookQueryOptions(client, sessionId, splitOptions({ pollInterval: POLL_INTERVAL }), true),
      queryHash: sessionQueryHash(sessionId),
    }),
};

const threadRunNs = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
const canMeasure = (() => {
  try {
    return Number.isFinite(threadRunNs());
  } catch {
    return false;
  }
})();

/** Microseconds of the thread's CPU per poll (median round), and the requests the API got. */
async function measure(kind: Kind): Promise<{ microsecondsPerPoll: number; requests: number }> {
  const api = createFakeApi({ latencyMs: 2 });
  const ids = sessionIds(SESSIONS);
  api.prepare(ids);
  const client = api.client();
  const queryClient = new QueryClient();
  queryClient.mount();
  const observers = ids.map((sessionId) => observerOf[kind](queryClient, client, sessionId));
  // What a dashboard row reads: the observer then calls back only when these change.
  for (const observer of observers) {
    observer.trackProp('data');
    observer.trackProp('error');
  }
  const unsubscribes = observers.map((observer) => observer.subscribe(() => {}));
  try {
    // Subscribing sent the first load; each round asks every session once more.
    await Promise.all(observers.map((observer) => observer.refetch()));
    const requestsBefore = api.requests;
    const rounds: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const before = threadRunNs();
      await Promise.all(observers.map((observer) => observer.refetch()));
      rounds.push((threadRunNs() - before) / 1_000 / SESSIONS);
    }
    const measured = rounds.slice(WARM_UP_ROUNDS).sort((a, b) => a - b);
    return { microsecondsPerPoll: measured[Math.floor(measured.length / 2)]!, requests: api.requests - requestsBefore };
  } finally {
    for (const unsubscribe of unsubscribes) unsubscribe();
    queryClient.clear();
    queryClient.unmount();
  }
}

const figures: Record<Kind, number[]> = { 'raw options': [], 'kit options': [] };

describe.skipIf(!canMeasure)('data layer figures', () => {
  it('asks every session once per round, with either options', async () => {
    const kinds = Object.keys(figures) as Kind[];
    for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
      // Alternating which goes first, so warming up does not always favour one.
      for (const kind of repetition % 2 === 0 ? kinds : [...kinds].reverse()) {
        const { microsecondsPerPoll, requests } = await measure(kind);
        figures[kind].push(Number(microsecondsPerPoll.toFixed(1)));
        expect(requests, kind).toBe(SESSIONS * ROUNDS);
      }
    }
  }, 300_000);

  afterAll(() => {
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
    const raw = median(figures['raw options']);
    const kit = median(figures['kit options']);
    console.log(
      `\nData layer, ${SESSIONS} sessions, thread CPU µs per poll (no React, no timers), each repetition's median round:`,
      JSON.stringify(figures),
      `\nmedians: raw options ${raw}, kit options ${kit} (${(kit / raw).toFixed(2)}x)`,
    );
  });
});
