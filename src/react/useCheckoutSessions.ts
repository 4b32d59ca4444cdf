'use client';
import { useQueryClient, useQueryErrorResetBoundary, type QueryClient, type QueryFunction } from '@tanstack/react-query';
import type { CheckoutSession } from '../core/schema';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { CheckoutClient } from '../core/client';
import { allowPollSpreading } from '../core/pollSpreading';
import { tabSharing } from '../core/tabSharing';
import { useResolvedCheckoutClient } from './context';
import { checkoutSessionQueryOptions, sessionQueryFn, type CheckoutSessionQueryKey } from './queryOptions';
import { CheckoutSessionsObserver, type SessionsSettings } from './sessionsObserver';
import { hasSessionId, hookQueryOptions, sessionQueryHash, splitOptions } from './sessionResult';
import { startWatching } from './sessionTransitions';
import type { UseCheckoutSessionOptions, UseCheckoutSessionResult } from './useCheckoutSession';
import { useShallowStable } from './useShallowStable';

/**
 * The default `sweep.pollInterval` of {@link useCheckoutSessions}: 30 s.
 *
 * @example
 * ```ts
 * // 50,000 sessions: sweep half as often as by default to stay within the API's rate limit.
 * const results = useCheckoutSessions(ids, { sweep: { pollInterval: 2 * DEFAULT_SWEEP_INTERVAL_MS } });
 * ```
 */
export const DEFAULT_SWEEP_INTERVAL_MS = 30_000;

/**
 * Options of {@link useCheckoutSessions}: those of {@link useCheckoutSession}, and `sweep`.
 *
 * @example
 * ```ts
 * const options: UseCheckoutSessionsOptions = {
 *   // Counts stay within a minute of the truth; rows on screen poll at the usual cadence.
 *   sweep: { pollInterval: 60_000 },
 *   onTerminal: (session) => toast(`${session.orderReference}: ${session.status}`),
 * };
 * const results = useCheckoutSessions(ids, options);
 * ```
 */
export interface UseCheckoutSessionsOptions extends UseCheckoutSessionOptions {
  /**
   * For long, virtualised lists: this hook keeps every session's status (for counts and
   * filters) but asks for each only every `sweep.pollInterval` ms (default 30 s), spread over
   * that window and behind other requests; the poll cadence is left to the rows that watch
   * their session with `useCheckoutSession(id)` while they are mounted, that is, on screen.
   * A row that mounts on a status older than one poll period asks at once. Off by default:
   * without it, every session listed is polled at `pollInterval`. A `sweep.pollInterval` of 0
   * or less (or NaN) is taken as the default.
   */
  sweep?: boolean | { pollInterval?: number } | undefined;
}

type SessionQueryFn = QueryFunction<CheckoutSession, CheckoutSessionQueryKey>;
// The sweep's query functions, to tell its observers of a session from any other watcher's.
const sweepQueryFns = new WeakSet<object>();

/**
 * A sweep's query function: at low priority, unless something else (a row on screen) watches
 * the session too. Its timer and the sweep's can come due at once, and whichever fires first
 * sends the request; the row's must not wait behind the sweep's queue (a first load of 10,000
 * sessions takes minutes).
 */
function sweepQueryFn(queryHash: string, shown: SessionQueryFn, swept: SessionQueryFn): SessionQueryFn {
  const queryFn: SessionQueryFn = (context) => {
    // React Query releases from before 2025 do not pass their client: the sweep stays low there.
    const query = (context.client as QueryClient | undefined)?.getQueryCache().get(queryHash);
    const watchedElsewhere = query?.observers.some((observer) => !sweepQueryFns.has(observer.options.queryFn as object));
    return (watchedElsewhere ? shown : swept)(context);
  };
  sweepQueryFns.add(queryFn);
  return queryFn;
}

/** How this page's sessions join the other tabs' poller, where the client may share. */
function sharingFor(queryClient: QueryClient, client: CheckoutClient) {
  const join = tabSharing.get(client);
  return join && ((sessionId: string) => (hasSessionId(sessionId) ? join(queryClient, sessionId) : undefined));
}

function sweepInterval(sweep: UseCheckoutSessionsOptions['sweep']): number | undefined {
  if (!sweep) return undefined;
  const asked = typeof sweep === 'object' ? sweep.pollInterval : undefined;
  // A sweep that never came round would leave the page's counts stale for good.
  return asked !== undefined && asked > 0 ? asked : DEFAULT_SWEEP_INTERVAL_MS;
}

/**
 * Follows many sessions at once for a dashboard: one result per id, in id order, each shaped
 * like {@link useCheckoutSession}'s, all on the same cache and polling policy, so a session
 * also shown elsewhere on the page is still asked once per period. Each result is the same
 * object until its own session changes (and the array too, while none does), so rows given
 * their result under `memo` re-render only for their own session, and a poll that brings
 * equal data renders nothing. The work per poll does not grow with the number of sessions
 * listed. The callbacks fire once per transition of each session. Past 16 sessions watched on
 * the page, a poll of a session that has data is not a React Query fetch (see the README's
 * "Spread"): `isFetching` stays false during it and `cancelQueries` does not stop it.
 *
 * @example
 * const results = useCheckoutSessions(ids);
 * const stillPending = results.filter((result) => result.isPolling).length;
 *
 * @example
 * // 10,000 sessions, virtualised: counts from a slow sweep, on-screen rows poll at the cadence.
 * const results = useCheckoutSessions(ids, { ...policy, sweep: true });
 * // each mounted row: const { data } = useCheckoutSession(id, policy);
 */
export function useCheckoutSessions(
  sessionIds: readonly string[],
  options: UseCheckoutSessionsOptions = {},
): UseCheckoutSessionResult[] {
  // A dashboard spreads its polls whatever client it is given.
  allowPollSpreading();
  const { sweep, ...hookOptions } = options;
  const split = splitOptions(hookOptions);
  const client = useResolvedCheckoutClient(split.client, 'useCheckoutSessions');
  const queryClient = useQueryClient(split.queryClient);
  const watcher = useRef(split);
  useEffect(() => {
    watcher.current = split;
  });

  const { callbacks: _callbacks, policy, queryOptions, ...rest } = split;
  const stable = useShallowStable({
    ...rest,
    ...policy,
    ...queryOptions,
    client,
    queryClient,
    followRefunds: typeof policy.followRefunds === 'object' ? policy.followRefunds.pollInterval : policy.followRefunds,
    sweepInterval: sweepInterval(sweep),
  });
  const settings = useMemo((): SessionsSettings => {
    const swept = { ...split, policy: stable.sweepInterval ? { ...policy, pollInterval: stable.sweepInterval } : policy };
    const how = { background: Boolean(stable.sweepInterval) };
    return {
      optionsFor: (sessionId) => {
        const enabled = hasSessionId(sessionId) && split.enabled;
        const queryHash = sessionQueryHash(sessionId);
        const options = hookQueryOptions(checkoutSessionQueryOptions(client, sessionId, swept.policy, how), swept, enabled);
        if (!stable.sweepInterval) return { ...options, queryHash };
        // Of the options a row on screen would have, only the query function is needed.
        return { ...options, queryHash, queryFn: sweepQueryFn(queryHash, sessionQueryFn(client, sessionId), options.queryFn as SessionQueryFn) };
      },
      policy: swept.policy,
      // A sweep is not shared: thousands of locks per tab, for a cadence of tens of seconds.
      shareWithTabs: stable.sweepInterval || !split.enabled ? undefined : sharingFor(queryClient, client),
    };
    // `stable` changes exactly when one of the options does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stable]);

  // One observer per QueryClient: a page that passes another follows its cache from then on,
  // and the old observer's entries stop with its subscription. Later settings reach it by commit.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const observer = useMemo(() => new CheckoutSessionsObserver(queryClient, watcher, settings), [queryClient]);
  useSyncExternalStore(observer.subscribe, observer.getVersion, observer.getVersion);
  useEffect(() => observer.commit(sessionIds, settings), [observer, sessionIds, settings]);
  const results = observer.results(sessionIds, startWatching);

  // As useQuery: the render right after a QueryErrorResetBoundary's reset shows, not throws.
  const errorResetBoundary = useQueryErrorResetBoundary();
  useEffect(() => errorResetBoundary.clearReset(), [errorResetBoundary]);
  const { throwOnError } = queryOptions;
  const failed = throwOnError ? observer.errorToThrow(sessionIds, throwOnError, errorResetBoundary.isReset()) : undefined;
  if (failed) throw failed;
  return results as UseCheckoutSessionResult[];
}
