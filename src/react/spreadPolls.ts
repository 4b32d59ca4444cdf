import { focusManager, noop, notifyManager } from '@tanstack/react-query';
import { pollPhase, pollPlaces, spreadPollTime } from '../core/polling';
import type { CheckoutSessionQuery } from './queryOptions';
import { watchedSessionCount } from './sessionEvents';

/**
 * The polls of a page that watches many sessions, each at its own place in the period, made by
 * one clock instead of React Query's timers. React Query sets an interval per watcher, clears and
 * sets it again twice per poll, and wakes once per session; a dashboard's sessions share a
 * handful of places, so here a period costs one timer per place, and the sessions of a place are
 * asked in one batch of React Query's notifications. Loaded by the first page that spreads its
 * polls (queryOptions.ts): a shopper's page never loads it.
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
export function spreadDueAt(query: CheckoutSessionQuery, delay: number, idHash: number, now = 0): number {
  return spreadPollTime(delay, pollPhase(idHash, pollPlaces(watchedSessionCount())), query.state, now);
}

/** The whole of a refetchInterval on a spreading page: books the next poll; React Query's own timer stays off. */
export function bookPoll(query: CheckoutSessionQuery, refetchInterval: object, poller: SpreadPoller, delay: number): false {
  pollers.set(refetchInterval, poller);
  // A fetch under way books when it ends: its answer, failure or cancellation changes the entry,
  // and React Query asks again. Half of a poll's asking, saved.
  if (query.state.fetchStatus === 'idle') pollAt(query, spreadDueAt(query, delay, poller.idHash, Date.now()));
  return false;
}

/** One watcher's look at its session at a poll time: asks for it if due, or books when it is. */
function check(query: CheckoutSessionQuery, options: Options, now: number) {
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
  else if (focusManager.isFocused()) void query.fetch(options).catch(noop);
  else pollAt(query, spreadDueAt(query, delay, poller.idHash, now));
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
      notifyManager.batch(() => {
        for (const session of sessions) for (const { options } of session.observers) check(session, options, now);
      });
    }, at - Date.now());
  }
  booked.add(query);
}
