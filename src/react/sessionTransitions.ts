import type { CheckoutSession } from '../core/schema';
import { isTerminalStatus } from '../core/status';
import type { CheckoutSessionQuery } from './queryOptions';

/**
 * Called once per status change of a session (its first status included), never per poll or
 * render: a function passed by several watchers of one session is called once, each distinct
 * function is called, and a watcher that mounts after a change, or switches to the session
 * after it, is not told of it.
 *
 * @example
 * ```ts
 * const callbacks: CheckoutSessionCallbacks = {
 *   onStatusChange: (session, previous) => console.info(`${previous?.status ?? 'first'} → ${session.status}`),
 *   onTerminal: (session) => analytics.track('checkout_settled', { status: session.status }),
 * };
 * useCheckoutSession(sessionId, callbacks);
 * ```
 */
export interface CheckoutSessionCallbacks {
  onStatusChange?: ((session: CheckoutSession, previous: CheckoutSession | undefined) => void) | undefined;
  /** When the session reaches a terminal status. */
  onTerminal?: ((session: CheckoutSession) => void) | undefined;
}

/** One hook's options, its callbacks read at the time of each change (a ref, so a re-render need not resubscribe). */
export interface TransitionWatcher {
  current: { callbacks: CheckoutSessionCallbacks };
}

/** A status change of one cache entry, and which watchers and callbacks have handled it. */
interface Transition {
  sequence: number;
  session: CheckoutSession;
  previous: CheckoutSession | undefined;
  told: Set<unknown>;
}

// The latest status change of each cache entry, shared by every watcher of it, and a clock
// that orders those changes against the moment each watcher began to watch. Kept with the entry
// (a WeakMap), so it goes when React Query collects the entry.
const transitions = new WeakMap<CheckoutSessionQuery, Transition>();
let clock = 0;

/**
 * A reading of the clock, taken in the render that brings a watcher a session id. Effects run
 * children first, so a page whose rows watch the same sessions must not count from after the
 * rows recorded what they saw in the same commit.
 */
export function startWatching(): number {
  return ++clock;
}

/**
 * Runs a user's callback inside the query cache's notification without letting its error
 * stop that notification (other watchers would miss the answer): the error is thrown again in
 * a task of its own, as an uncaught error the page's error reporting sees.
 */
function runCallback(callback: () => void) {
  try {
    callback();
  } catch (error) {
    setTimeout(() => {
      throw error;
    });
  }
}

/**
 * The entry's latest transition, recorded now if its status changed since the last one seen;
 * undefined while it has no data.
 */
function latestTransition(query: CheckoutSessionQuery): Transition | undefined {
  const session = query.state.data;
  if (!session) return undefined;
  let transition = transitions.get(query);
  if (transition?.session.status !== session.status) {
    transition = { sequence: ++clock, session, previous: transition?.session, told: new Set() };
    transitions.set(query, transition);
  }
  return transition;
}

/**
 * Fires the watcher's status callbacks for the entry's latest transition, with the session as
 * fetched (before any `select`), if it happened after `watchingSince` and nobody told this
 * watcher or these functions yet. Each callback function is told of a transition once, however
 * many watchers pass it, and a watcher's own callbacks are never dropped because another
 * watcher saw the change first. Driven by the query cache, not by renders: a change that a
 * `select` or `notifyOnChangeProps` keeps from rendering, or that hydrate() writes, is still
 * told on time.
 */
export function tellTransition(query: CheckoutSessionQuery | undefined, watcher: TransitionWatcher, watchingSince: number) {
  const transition = query && latestTransition(query);
  // The watcher itself is marked too: StrictMode's second subscription, or a cache event after
  // the first check, must not tell anyone twice.
  if (!transition || transition.sequence < watchingSince || transition.told.has(watcher)) return;
  transition.told.add(watcher);
  const { onStatusChange, onTerminal } = watcher.current.callbacks;
  if (onStatusChange && !transition.told.has(onStatusChange)) {
    transition.told.add(onStatusChange);
    runCallback(() => onStatusChange(transition.session, transition.previous));
  }
  const reachedTerminal = isTerminalStatus(transition.session.status) && !isTerminalStatus(transition.previous?.status);
  if (onTerminal && reachedTerminal && !transition.told.has(onTerminal)) {
    transition.told.add(onTerminal);
    runCallback(() => onTerminal(transition.session));
  }
}
