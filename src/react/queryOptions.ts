import { focusManager, queryOptions, type Query } from '@tanstack/react-query';
import type { CheckoutClient } from '../core/client';
import { retryAfterOf, type CheckoutApiError } from '../core/errors';
import { abortableWait } from '../core/abortable';
import { pollSpreading } from '../core/pollSpreading';
import {
  nextPollDelay,
  retryDelayFor,
  sessionIdHash,
  shouldRetry,
  type PollingPolicy,
  type RetryPolicy,
} from '../core/polling';
import type { CheckoutSession } from '../core/schema';
import type * as SpreadPolls from './spreadPolls';
import { watchedSessionCount } from './sessionEvents';

/**
 * The query-key factory shared by the hooks and {@link checkoutSessionQueryOptions}.
 *
 * @example queryClient.invalidateQueries({ queryKey: checkoutSessionKeys.all })
 */
export const checkoutSessionKeys = {
  all: ['checkout-session'] as const,
  detail: (sessionId: string) => [...checkoutSessionKeys.all, sessionId] as const,
};

/**
 * The cache key of one session: `checkoutSessionKeys.detail(sessionId)`.
 *
 * @example
 * ```ts
 * const key: CheckoutSessionQueryKey = checkoutSessionKeys.detail('cs_123'); // ['checkout-session', 'cs_123']
 * const cached = queryClient.getQueryData<CheckoutSession>(key);
 * ```
 */
export type CheckoutSessionQueryKey = ReturnType<typeof checkoutSessionKeys.detail>;
export type CheckoutSessionQuery = Query<CheckoutSession, CheckoutApiError, CheckoutSession, CheckoutSessionQueryKey>;

/**
 * The polling and retry options of {@link checkoutSessionQueryOptions} and the hooks.
 *
 * @example
 * ```tsx
 * // One policy for the prefetch and the hook, so both follow the session alike.
 * const policy: CheckoutSessionPolicy = { pollInterval: 3_000, maxPollDuration: 10 * 60_000, retry: 5 };
 * await queryClient.prefetchQuery(checkoutSessionQueryOptions(client, sessionId, policy));
 * // in the page: useCheckoutSession(sessionId, policy)
 * ```
 */
export interface CheckoutSessionPolicy extends PollingPolicy, RetryPolicy {}

// maxPollDuration counts from the first time an enabled watcher follows a session's cache
// entry, whichever watcher that was: it belongs to the session, not to one component.
const pollingStartedAt = new WeakMap<object, number>();

/**
 * Milliseconds since polling of this entry began. React Query evaluates the policy for
 * disabled watchers and for prefetches too, so the clock starts with the first enabled
 * watcher: `useCheckoutSession(id, { enabled: submitted })` gets its full duration.
 */
function pollingElapsed(query: CheckoutSessionQuery, now: number): number {
  let startedAt = pollingStartedAt.get(query);
  if (startedAt === undefined) {
    if (!query.isActive()) return 0;
    startedAt = now;
    pollingStartedAt.set(query, startedAt);
  }
  return now - startedAt;
}

/**
 * Cache entries that another tab of this browser polls for this one (crossTabSessions.ts): they
 * show what that tab receives and send nothing themselves, as if their policy had stopped.
 */
export const polledByAnotherTab = new WeakSet<object>();

/** The polling policy applied to one cache entry: when to ask next, or false when done. */
export function pollDelayForQuery(query: CheckoutSessionQuery, policy: PollingPolicy): number | false {
  const now = Date.now();
  const { data, error, dataUpdateCount, errorUpdateCount } = query.state;
  return nextPollDelay(
    { session: data, error, attempt: dataUpdateCount + errorUpdateCount, elapsedMs: pollingElapsed(query, now) },
    policy,
  );
}

/**
 * Past this many sessions watched on the page, polls are spread over each period: so few
 * leaving together is no burst for any API, and a shopper's single session keeps its plain
 * cadence.
 */
const SPREAD_FROM_SESSIONS = 16;

/** The code of pages that spread their polls, once the first of them has loaded it. */
let spreadPolls: typeof SpreadPolls | undefined;
let spreadPollsLoading: Promise<void> | undefined;

/**
 * How polls are spread over each period on this page, if they are: past
 * {@link SPREAD_FROM_SESSIONS} sessions watched, once that code has loaded (see
 * `pollSpreading`). Until then, and where it cannot load (a network fault, a stale
 * deployment), polls keep their plain cadence.
 */
function spreading() {
  if (watchedSessionCount() <= SPREAD_FROM_SESSIONS) return undefined;
  spreadPollsLoading ??= pollSpreading.load?.().then(
    (loaded) => {
      spreadPolls = loaded;
    },
    () => undefined,
  );
  return spreadPolls;
}

// The kit's CheckoutClient holds all its requests after a Retry-After (one client, one API
// key) and releases them spread out. This hold, with the QueryClient, covers what that cannot:
// a CheckoutClient made anew on each render, whose hold would go with it, and one an app
// implemented itself. Only a time, not a second scheduler: the one-session path stays small.
// React Query releases from before 2025 do not pass their client to the query function;
// there, the CheckoutClient is the owner.
const heldUntil = new WeakMap<object, number>();

/** Waits until React Query counts the page as visible (not at all if it is), or rejects on abort. */
const untilPageVisible = (signal: AbortSignal | undefined) =>
  focusManager.isFocused() ? undefined : abortableWait(signal, (done) => focusManager.subscribe((focused) => focused && done()));

/** Sends once the owner's hold has passed and the page is visible; a Retry-After in the answer starts a hold. */
function sendWhenAllowed<T>(owner: object, signal: AbortSignal, send: () => Promise<T>): Promise<T> {
  const wait = (heldUntil.get(owner) ?? 0) - Date.now();
  let sent: Promise<T>;
  try {
    // Most polls have nothing to wait for: sent at once, they cost no extra turns of the microtask queue.
    sent =
      wait > 0 || !focusManager.isFocused()
        ? abortableWait(signal, (done) => {
            const timer = setTimeout(done, wait);
            return () => clearTimeout(timer);
          })
            .then(() => untilPageVisible(signal))
            .then(send)
        : send();
  } catch (error) {
    // A client of the app's own may throw before it returns a promise: its Retry-After holds all the same.
    sent = Promise.reject(error);
  }
  return sent.catch((error: unknown) => {
    const holdMs = retryAfterOf(error);
    if (holdMs !== undefined) heldUntil.set(owner, Date.now() + holdMs);
    throw error;
  });
}

/**
 * The query function of {@link checkoutSessionQueryOptions}: the session, asked through the
 * client once the Retry-After hold of the QueryClient has passed and the page is visible.
 */
export function sessionQueryFn(client: CheckoutClient, sessionId: string, how: SessionQueryHow = {}) {
  // A sweep's requests wait behind those of sessions someone is looking at.
  const priority = how.background ? 'low' : 'high';
  return ({ signal, client: queryClient }: { signal: AbortSignal; client?: object | undefined }) =>
    sendWhenAllowed(queryClient ?? client, signal, () => client.getSession(sessionId, { signal, priority, waitUntilSendable: untilPageVisible }));
}

/**
 * How a session is followed, beyond the policy.
 *
 * @example
 * ```ts
 * // Warming the next page of a dashboard must not delay the sessions already on screen.
 * const how: SessionQueryHow = { background: true };
 * for (const id of nextPageIds) void queryClient.prefetchQuery(checkoutSessionQueryOptions(client, id, {}, how));
 * ```
 */
export interface SessionQueryHow {
  /**
   * A background sweep of sessions no one is looking at (what `useCheckoutSessions` with
   * `sweep` passes): its requests wait behind the client's others, and a focused window does
   * not ask for all of them at once; its own poll timers go on.
   */
  background?: boolean;
}

/**
 * One options object for `useQuery`, `useSuspenseQuery`, `prefetchQuery` and
 * `ensureQueryData`, with the same cache key and polling policy as {@link useCheckoutSession}.
 *
 * The policy rides on React Query's own machinery, evaluated per cache entry: every watcher's
 * refetch timer is re-aligned after each fetch, so a session is asked once per period however
 * many components watch it; data younger than one period counts as fresh, so a watcher that
 * mounts mid-period asks nothing; once the policy says stop (terminal status, final error,
 * max duration) the data never goes stale again, so no focus, reconnect or mount refetches.
 * After a Retry-After, a request of any session asked for by anything (focus, mount,
 * `refetch()`) waits for it to pass before it is sent, and no request is sent while the page
 * is hidden: a watcher mounted in a background tab asks once it is shown.
 *
 * @example
 * await queryClient.prefetchQuery(checkoutSessionQueryOptions(client, 'cs_123'));
 * // Warming many sessions in the background, behind what the shopper looks at:
 * ids.forEach((id) => queryClient.prefetchQuery(checkoutSessionQueryOptions(client, id, {}, { background: true })));
 * const { data } = useSuspenseQuery(checkoutSessionQueryOptions(client, 'cs_123'));
 */
export function checkoutSessionQueryOptions(
  client: CheckoutClient,
  sessionId: string,
  policy: CheckoutSessionPolicy = {},
  how: SessionQueryHow = {},
) {
  // React Query asks for the interval, the stale time and the focus rule about seven times per
  // poll: the policy is worked out once per state of the entry and millisecond. Another tab
  // taking over or handing back sets the entry's state anew (crossTabSessions.ts).
  let lastState: unknown;
  let lastNow: number | undefined;
  let lastDelay: number | false;
  const delay = (query: CheckoutSessionQuery) => {
    const now = Date.now();
    if (query.state !== lastState || now !== lastNow) {
      lastState = query.state;
      lastNow = now;
      lastDelay = polledByAnotherTab.has(query) ? false : pollDelayForQuery(query, policy);
    }
    return lastDelay;
  };
  // React Query asks for the interval after every change of the entry: hash the id once.
  const idHash = sessionIdHash(sessionId);
  const poller = { delay, idHash };
  // The time until the next poll is due, or false when done. On a page that spreads its polls,
  // the kit's clock makes them instead (spreadPolls.ts): React Query asks for the interval after
  // every change of the entry, and that books the next poll.
  const refetchInterval = (query: CheckoutSessionQuery): number | false => {
    const next = delay(query);
    const spread = spreading();
    return spread && next !== false ? spread.bookPoll(query, refetchInterval, poller, next) : next;
  };
  return queryOptions<CheckoutSession, CheckoutApiError, CheckoutSession, CheckoutSessionQueryKey>({
    queryKey: checkoutSessionKeys.detail(sessionId),
    queryFn: sessionQueryFn(client, sessionId, how),
    refetchInterval,
    refetchIntervalInBackground: false,
    // Fresh until the next poll is due, so a watcher that mounts before then asks nothing (that
    // poll is coming); once the policy says stop, never stale again. Fresh is told as Infinity,
    // not as the time left: React Query sets a timer per observer for the time left, which would
    // wake each session once more per period, right as its poll comes, for nothing.
    staleTime: (query) => {
      const next = delay(query);
      if (next === false) return Infinity;
      // From the last answer alone: counted from the time of asking, data would never go stale.
      const dueAt = spreading()?.freshUntil(query, next, idHash) ?? query.state.dataUpdatedAt + next;
      return Date.now() < dueAt ? Infinity : 0;
    },
    // On a page that spreads its polls, each session is asked at its place within the period
    // after the window is shown again: a focus refetch would ask for all of them in one tick.
    refetchOnWindowFocus: (query) => !how.background && watchedSessionCount() <= SPREAD_FROM_SESSIONS && delay(query) !== false && 'always',
    refetchOnReconnect: (query) => delay(query) !== false,
    retry: (failureCount, error) => shouldRetry(failureCount, error, policy.retry),
    retryDelay: (failureCount, error) => retryDelayFor(failureCount, error, policy.retryDelay),
    // A final error stays final when a watcher mounts; a retryable one is asked again, which
    // is also what lets an error boundary's reset (useSuspenseQuery, throwOnError) try again.
    retryOnMount: (query) => query.state.error?.retryable !== false,
  });
}
