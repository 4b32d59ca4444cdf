import { focusManager, noop, notifyManager, type Query, type QueryCache, type QueryCacheNotifyEvent } from '@tanstack/react-query';
import { controllersOfSignals } from '../core/abortable';
import { pollPhase, pollPlaces, spreadPollTime } from '../core/polling';
import type { CheckoutSession } from '../core/schema';
import type { CheckoutSessionQuery } from './queryOptions';
import { queryClientHolding, watchedSessionCount } from './sessionEvents';

/**
 * The polls of a page that watches many sessions, each at its own place in the period, made by
 * one clock instead of React Query's timers. React Query sets an interval per watcher, clears and
 * sets it again twice per poll, and wakes once per session; a dashboard's sessions share a
 * handful of places, so here a period costs one timer per place, and the sessions of a place are
 * asked in one batch of React Query's notifications, each with one write to the cache instead of
 * a fetch's two (see {@link pollDirectly}). Loaded by the first page that spreads its polls
 * (queryOptions.ts): a shopper's page never loads it.
 */

type Options = CheckoutSessionQuery['observers'][number]['options'];

/** What one session's options tell the clock. */
export interface SpreadPoller {
  /** The policy's delay before the next poll, or false when done. */
  delay: (query: CheckoutSessionQuery) => number | false;
  idHash: number;
}

// By refetchInterval function: the clock asks each watcher of a session as its own options
// say, as React Query's timers would.
const pollers = new WeakMap<object, SpreadPoller>();
/**
 * The sessions to look at, by poll time, for each `setTimeout` in turn: a test's fake timers,
 * uninstalled with their timers still pending, take their bookings with them, instead of
 * leaving times booked whose timer will never fire.
 */
const dueByTimers = new WeakMap<object, Map<number, Set<CheckoutSessionQuery>>>();

/**
 * When the session's next poll is due, at its place in the period (see `spreadPollTime`): by
 * its last answer alone, or not sooner than a quarter period after `now`.
 */
function spreadDueAt(query: CheckoutSessionQuery, delay: number, idHash: number, now = 0): number {
  return spreadPollTime(delay, pollPhase(idHash, pollPlaces(watchedSessionCount())), query.state, now);
}

/**
 * Until when the session's data counts as fresh: until its next poll is due, and while a poll
 * of it is under way, so that a row mounting then waits for that answer instead of asking
 * again, as it would join a fetch of React Query's.
 */
export function freshUntil(query: CheckoutSessionQuery, delay: number, idHash: number): number {
  return asking.has(query) ? Infinity : spreadDueAt(query, delay, idHash);
}

/** The whole of a refetchInterval on a spreading page: books the next poll; React Query's own timer stays off. */
export function bookPoll(query: CheckoutSessionQuery, refetchInterval: object, poller: SpreadPoller, delay: number): false {
  pollers.set(refetchInterval, poller);
  // A fetch under way books when it ends: its answer, failure or cancellation changes the entry,
  // and React Query asks again. Half of a poll's asking, saved.
  if (query.state.fetchStatus === 'idle') pollAt(query, spreadDueAt(query, delay, poller.idHash, Date.now()));
  return false;
}

/**
 * One watcher's look at its session at a poll time: asks for it if due, or books when it is.
 * `focused` is the page's visibility, read once for the sessions of a place.
 */
function check(query: CheckoutSessionQuery, options: Options, now: number, focused: boolean) {
  const poller = pollers.get(options.refetchInterval as object);
  // `enabled` as React Query reads it: a function of the entry, for a `useQuery` of these options.
  const enabled = typeof options.enabled === 'function' ? options.enabled(query) : options.enabled;
  if (!poller || enabled === false || query.state.fetchStatus !== 'idle') return;
  const delay = poller.delay(query);
  if (delay === false) return;
  const dueAt = spreadDueAt(query, delay, poller.idHash);
  // Not due yet (a timer may fire a millisecond early; another watcher's poll came first): at
  // its time. As React Query's own timer, a hidden page asks nothing, and looks again a period on.
  if (dueAt > now) pollAt(query, dueAt);
  else if (focused) pollDirectly(query, options);
  else pollAt(query, spreadDueAt(query, delay, poller.idHash, now));
}

/** Direct polls under way, by entry: one at a time per session, however many watch it. */
const asking = new WeakMap<CheckoutSessionQuery, AbortController>();

/** Caches with direct polls under way: how many, and the listener that aborts those no one waits for. */
const following = new Map<QueryCache, { polls: number; unsubscribe: () => void }>();

/**
 * As React Query's fetch, a request goes with the entry's last watcher (a row scrolled away, a
 * filter), or with the entry itself: one queued behind a Retry-After is then never sent.
 */
function abandonUnwatched(event: QueryCacheNotifyEvent) {
  if (event.type !== 'removed' && (event.type !== 'observerRemoved' || event.query.observers.length > 0)) return;
  const controller = asking.get(event.query as CheckoutSessionQuery);
  asking.delete(event.query as CheckoutSessionQuery);
  controller?.abort();
}

function follow(cache: QueryCache) {
  let followed = following.get(cache);
  if (!followed) following.set(cache, (followed = { polls: 0, unsubscribe: cache.subscribe(abandonUnwatched) }));
  followed.polls += 1;
}

function unfollow(cache: QueryCache) {
  const followed = following.get(cache);
  if (followed && --followed.polls === 0) {
    followed.unsubscribe();
    following.delete(cache);
  }
}

/** Taken as "no failure to hand over" by {@link handOver}. */
const NOTHING = Symbol('nothing');

/**
 * React Query's own fetch takes a failed direct poll from there, without asking again at once:
 * its query function's first call rejects with that failure, so the retries, their backoff,
 * the error state and the QueryCache's onError follow as for any fetch.
 */
function handOver(query: CheckoutSessionQuery, options: Options, failure: unknown) {
  const queryFn = options.queryFn as (context: unknown) => Promise<unknown>;
  let pending = failure;
  const firstRejects = (context: unknown) => {
    if (pending === NOTHING) return queryFn(context);
    const error = pending;
    pending = NOTHING;
    return Promise.reject(error);
  };
  void query.fetch({ ...options, queryFn: firstRejects } as Options).catch(noop);
}

/**
 * A poll of a session that has data, asked through its query function with the context React
 * Query would give, its answer written as a fetch's would be (structurally shared, the
 * QueryCache's onSuccess and onSettled called): without React Query's fetch, its 'fetch'
 * dispatch, retryer and AbortController, a dashboard spends about a fifth less per poll. So
 * `isFetching` stays false during such a poll (no spinner per row per period) and
 * `cancelQueries` does not reach it; an answer is dropped if React Query's own fetch started
 * or anything wrote the entry since it was asked. A failure is handed over to React Query's
 * fetch. A first load, an error to recover from, and an entry of a cache no hook of the kit
 * watches are fetched by React Query.
 */
function pollDirectly(query: CheckoutSessionQuery, options: Options) {
  if (asking.has(query)) return;
  const queryClient = queryClientHolding(query);
  if (!queryClient || query.state.data === undefined || query.state.error !== null || typeof options.queryFn !== 'function') {
    void query.fetch(options).catch(noop);
    return;
  }
  const cache = queryClient.getQueryCache();
  const controller = new AbortController();
  // Handed over with its signal: the kit's client times the request out with it, not with a second one.
  controllersOfSignals.set(controller.signal, controller);
  asking.set(query, controller);
  follow(cache);
  const askedAt = Date.now();
  // True when this answer still counts: not aborted, and nothing came between.
  const settle = () => {
    unfollow(cache);
    if (asking.get(query) !== controller) return false;
    asking.delete(query);
    // React Query's own fetch answers instead, and books the next poll when it ends.
    if (query.state.fetchStatus !== 'idle') return false;
    if (query.state.dataUpdatedAt <= askedAt) return true;
    // A write came between (setQueryData): the poll it booked may have found this one under
    // way and asked nothing, so look again.
    pollAt(query, Date.now());
    return false;
  };
  const queryFn = options.queryFn as (context: object) => Promise<CheckoutSession>;
  let answer: Promise<CheckoutSession>;
  try {
    // The kit's query function returns its promise as is: no promise around it, and no two
    // turns of the microtask queue to adopt it, on every poll.
    answer = Promise.resolve(queryFn({ client: queryClient, queryKey: query.queryKey, meta: options.meta, signal: controller.signal }));
  } catch (error) {
    answer = Promise.reject(error);
  }
  answer.then(
    (data) => {
      if (!settle()) return;
      query.setData(data, { updatedAt: Date.now(), manual: false });
      const { onSuccess, onSettled } = cache.config;
      onSuccess?.(data, query as unknown as Query<unknown, unknown, unknown>);
      onSettled?.(data, null, query as unknown as Query<unknown, unknown, unknown>);
    },
    (error: unknown) => {
      if (settle()) handOver(query, options, error);
    },
  );
}

function pollAt(query: CheckoutSessionQuery, at: number) {
  let due = dueByTimers.get(setTimeout);
  if (!due) dueByTimers.set(setTimeout, (due = new Map()));
  let booked = due.get(at);
  if (!booked) {
    const sessions = (booked = new Set());
    const bookings = due;
    bookings.set(at, sessions);
    setTimeout(() => {
      bookings.delete(at);
      const now = Date.now();
      const focused = focusManager.isFocused();
      notifyManager.batch(() => {
        for (const session of sessions) for (const { options } of session.observers) check(session, options, now, focused);
      });
    }, at - Date.now());
  }
  booked.add(query);
}
