/**
 * `npm run bench` (bench-data-layer project): what one poll costs the data layer alone, with no React
 * and no poll timers: the kit's query options, and the board's observer of many sessions
 * (`useCheckoutSessions` without React), beside the plain options of the raw board. Every
 * session is refetched at once, round after round, and the thread's own CPU time (Linux's
 * schedstat) is divided by the polls: no idle periods, no spreading, no rows, so a gap it shows
 * is the kit's own (the options' functions run several times per poll; the board listens to
 * each session's cache events). A fresh cache of 3,000 sessions still moves by up to a third
 * from one repetition to the next (first run: 99–137 µs), hence the medians of alternating
 * repetitions. */
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckoutClient } from '../../src/core/client';
import type { CheckoutApiError } from '../../src/core/errors';
import type { CheckoutSession } from '../../src/core/schema';
import { checkoutSessionQueryOptions } from '../../src/react/queryOptions';
import { hookQueryOptions, sessionQueryHash, splitOptions } from '../../src/react/sessionResult';
import { CheckoutSessionsObserver, type SessionsSettings } from '../../src/react/sessionsObserver';
import { startWatching } from '../../src/react/sessionTransitions';
import { createFakeApi, rawSessionOptions, sessionIds } from './dashboard';
import { lowerMedian } from './median';
import { threadRunNs } from './threadCpu';

const SESSIONS = 3_000;
const ROUNDS = 12;
/** Rounds dropped before the median: the first ones warm the code up. */
const WARM_UP_ROUNDS = 2;
const REPETITIONS = 4;
// Long enough that no poll timer fires during a measurement: only the refetches count.
const POLL_INTERVAL = 600_000;

type Kind = 'raw options' | 'kit options' | 'kit board observer';

/** Sessions followed as a kind follows them: `refetchAll` asks every one once, as one poll each. */
interface Followed {
  refetchAll(): Promise<unknown>;
  stop(): void;
}

/** What the measurement uses of a session's observer, whatever its options' key type. */
interface SessionObserver {
  refetch(): Promise<unknown>;
  trackProp(key: 'data' | 'error'): void;
  subscribe(listener: () => void): () => void;
}

/** Observers subscribed as a dashboard row's are: reading the status, or that it failed. */
function followWith(observers: SessionObserver[]): Followed {
  for (const observer of observers) {
    // The observer then calls back only when these change.
    observer.trackProp('data');
    observer.trackProp('error');
  }
  const unsubscribes = observers.map((observer) => observer.subscribe(() => {}));
  return {
    refetchAll: () => Promise.all(observers.map((observer) => observer.refetch())),
    stop: () => unsubscribes.forEach((unsubscribe) => unsubscribe()),
  };
}

const kitSplit = splitOptions({ pollInterval: POLL_INTERVAL });

/** The options `useCheckoutSession` and `useCheckoutSessions` build for a session. */
const kitOptions = (client: CheckoutClient, sessionId: string) => ({
  ...hookQueryOptions(checkoutSessionQueryOptions(client, sessionId, kitSplit.policy), kitSplit, true),
  queryHash: sessionQueryHash(sessionId),
});

const follow: Record<Kind, (queryClient: QueryClient, client: CheckoutClient, ids: readonly string[]) => Followed> = {
  // As the dashboard bench's raw board builds them.
  'raw options': (queryClient, client, ids) =>
    followWith(
      ids.map(
        (sessionId) =>
          new QueryObserver<CheckoutSession, CheckoutApiError>(queryClient, rawSessionOptions(client, sessionId, () => POLL_INTERVAL)),
      ),
    ),
  'kit options': (queryClient, client, ids) => followWith(ids.map((sessionId) => new QueryObserver(queryClient, kitOptions(client, sessionId)))),
  // What `useCheckoutSessions` keeps besides React: an observer and a cache-event listener per
  // session, and a tracked result each, read as a row reads it.
  'kit board observer': (queryClient, client, ids) => {
    const settings: SessionsSettings = { optionsFor: (sessionId) => kitOptions(client, sessionId), policy: { pollInterval: POLL_INTERVAL } };
    const board = new CheckoutSessionsObserver(queryClient, { current: { callbacks: {} } }, settings);
    for (const result of board.results(ids, startWatching)) void [result.data, result.error];
    board.commit(ids, settings);
    const stop = board.subscribe(() => {});
    const queries = ids.map((sessionId) => queryClient.getQueryCache().get(sessionQueryHash(sessionId))!);
    return { refetchAll: () => Promise.all(queries.map((query) => query.observers[0]!.refetch())), stop };
  },
};

const canMeasure = threadRunNs() !== undefined;

/** Microseconds of the thread's CPU per poll (median round), and the requests the API got. */
async function measure(kind: Kind): Promise<{ microsecondsPerPoll: number; requests: number }> {
  const api = createFakeApi({ latencyMs: 2 });
  const ids = sessionIds(SESSIONS);
  api.prepare(ids);
  const client = api.client();
  const queryClient = new QueryClient();
  queryClient.mount();
  const followed = follow[kind](queryClient, client, ids);
  try {
    // Subscribing sent the first load; each round asks every session once more.
    await followed.refetchAll();
    const requestsBefore = api.requests;
    const rounds: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const before = threadRunNs()!;
      await followed.refetchAll();
      rounds.push((threadRunNs()! - before) / 1_000 / SESSIONS);
    }
    return { microsecondsPerPoll: lowerMedian(rounds.slice(WARM_UP_ROUNDS)), requests: api.requests - requestsBefore };
  } finally {
    followed.stop();
    queryClient.clear();
    queryClient.unmount();
  }
}

const figures: Record<Kind, number[]> = { 'raw options': [], 'kit options': [], 'kit board observer': [] };

describe.skipIf(!canMeasure)('data layer figures', () => {
  it('asks every session once per round, whichever way it is followed', async () => {
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
    const raw = lowerMedian(figures['raw options']);
    const medians = Object.entries(figures).map(([kind, values]) => {
      const median = lowerMedian(values);
      return `${kind} ${median} (${(median / raw).toFixed(2)}x)`;
    });
    console.log(
      `\nData layer, ${SESSIONS} sessions, thread CPU µs per poll (no React, no timers), each repetition's median round:`,
      JSON.stringify(figures),
      `\nmedians: ${medians.join(', ')}`,
    );
  });
});
