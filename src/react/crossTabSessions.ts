import { focusManager, type QueryCache, type QueryClient } from '@tanstack/react-query';
import { isCheckoutApiError } from '../core/errors';
import { isOlderAnswer } from '../core/status';
import { listenToTabs, tabScope, tellTabs, type TabNews, type TabNewsListener } from '../core/tabChannel';
import { electTab, type PageVisibility } from '../core/tabElection';
import type { TabShareSource } from '../core/tabSharing';
import { polledByAnotherTab, type CheckoutSessionQuery } from './queryOptions';
import { findSessionQuery, sessionQueryHash } from './sessionResult';

// The React Query side of sharing a session's poller between tabs (loaded only where tabs can
// share, see core/tabSharing.ts): the elected tab polls through React Query as always and
// tells the others each answer; they write it into their own cache, where the hooks, the
// callbacks and the announcements take it as if it had been fetched there.

/** One session followed by this tab through one QueryClient, however many hooks watch it. */
interface Membership {
  sessionId: string;
  queryHash: string;
  watchers: number;
  /** Set once the scope is known, while the session is followed. */
  scope: string | undefined;
  /** Writes what the other tabs got into this QueryClient. */
  receive: TabNewsListener;
  leave: () => void;
}

const visibility: PageVisibility = {
  isVisible: () => focusManager.isFocused(),
  subscribe: (listener) => focusManager.subscribe(listener),
};

// Per QueryClient: the sessions followed with other tabs, by query hash, and one listener on
// its cache that tells the other tabs what this one fetched.
const memberships = new WeakMap<QueryClient, Map<string, Membership>>();
const stopTelling = new WeakMap<QueryClient, () => void>();

/** What this tab itself fetched (not what it wrote from another tab's news) goes to the others. */
function tellWhatWasFetched(cache: QueryCache, byHash: Map<string, Membership>) {
  return cache.subscribe((event) => {
    if (event.type !== 'updated') return;
    const { action, query } = event;
    const membership = byHash.get(query.queryHash);
    if (membership && ((action.type === 'success' && !action.manual) || action.type === 'error')) tellLatest(membership, query);
  });
}

/**
 * Shows another tab's answer as this tab's own: data through setQueryData, errors as a failed
 * fetch would leave them; answers an ask when this tab polls the session.
 */
function receive(queryClient: QueryClient, membership: Membership, news: TabNews) {
  const query = findSessionQuery(queryClient, membership.queryHash);
  if (!query) return;
  const { state } = query;
  if ('ask' in news) {
    if (!polledByAnotherTab.has(query)) tellLatest(membership, query);
    return;
  }
  if ('session' in news) {
    if (isOlderAnswer(news.session, state.data)) return;
    const show = () => queryClient.setQueryData(query.queryKey, news.session);
    // This tab's own request, still on its way, left no later than this answer: its answer adds
    // nothing, and may be older. Written once the fetch is undone (at once in recent React Query,
    // a microtask later in older ones), so that undoing it neither undoes the write nor fails it.
    if (state.fetchStatus === 'fetching') void query.cancel({ revert: true }).then(show);
    else show();
    return;
  }
  query.setState({
    ...state,
    error: news.error,
    errorUpdateCount: state.errorUpdateCount + 1,
    errorUpdatedAt: Date.now(),
    fetchFailureCount: state.fetchFailureCount + 1,
    fetchFailureReason: news.error,
    fetchStatus: 'idle',
    status: 'error',
    isInvalidated: true,
  });
}

/** Tells the other tabs this tab's latest answer for the session: the session, or the typed error of a failed fetch. */
function tellLatest({ scope, sessionId, receive }: Membership, { state }: CheckoutSessionQuery) {
  if (!scope) return;
  if (state.status === 'error') {
    if (isCheckoutApiError(state.error)) tellTabs(scope, sessionId, { error: state.error }, receive);
  } else if (state.data) tellTabs(scope, sessionId, { session: state.data }, receive);
}

/**
 * How long after its data the entry's watchers poll next (their staleTime: a period, or on a page
 * that spreads polls the time to the session's place), or Infinity when none polls.
 */
function pollPeriod(query: CheckoutSessionQuery): number {
  const periods = query.observers.map((observer) => {
    const { staleTime } = observer.options;
    const value = typeof staleTime === 'function' ? staleTime(query) : staleTime;
    return typeof value === 'number' ? value : Infinity;
  });
  return Math.min(Infinity, ...periods);
}

/** Lets the entry's watchers poll, or stops them while another tab polls for this one. */
function setPolledHere(query: CheckoutSessionQuery, polledHere: boolean) {
  if (polledHere) polledByAnotherTab.delete(query);
  else polledByAnotherTab.add(query);
  // An update of the entry makes each watcher work out its refetch timer again.
  query.setState(query.state);
}

/**
 * For a tab that takes over: asks when the session's next poll is due (see {@link pollPeriod}),
 * at once if that is past, unless an answer comes first: when the tab that left would have asked. Its watchers' timers,
 * worked out again on taking over, would wait a period from now, or, on a page that spreads
 * polls, skip the session's place if it is less than a quarter period away. A request already
 * on its way is shared, not sent twice. Returns how to cancel.
 */
function askWhenDue(queryClient: QueryClient, query: CheckoutSessionQuery): () => void {
  const answeredAt = () => Math.max(query.state.dataUpdatedAt, query.state.errorUpdatedAt);
  const lastAnswer = answeredAt();
  const dueIn = lastAnswer + pollPeriod(query) - Date.now();
  if (!Number.isFinite(dueIn)) return () => undefined;
  const timer = setTimeout(() => {
    if (answeredAt() !== lastAnswer) return;
    void queryClient.refetchQueries({ queryKey: query.queryKey, exact: true }, { cancelRefetch: false });
  }, Math.max(0, dueIn));
  return () => clearTimeout(timer);
}

async function startSharing(queryClient: QueryClient, source: TabShareSource, membership: Membership) {
  const scope = await tabScope(source);
  if (scope === undefined || membership.watchers === 0) return;
  membership.scope = scope;
  const stopListening = listenToTabs(scope, membership.sessionId, membership.receive);
  let cancelAsk = (): void => undefined;
  const stopElecting = electTab(navigator.locks, `${scope} ${membership.sessionId}`, visibility, (role) => {
    const query = findSessionQuery(queryClient, membership.queryHash);
    const polledHere = role === 'leader';
    // A tab alone is granted the lock at once: its watchers go on as they were.
    if (!query || polledHere !== polledByAnotherTab.has(query)) return;
    cancelAsk();
    setPolledHere(query, polledHere);
    cancelAsk = polledHere ? askWhenDue(queryClient, query) : () => undefined;
    // What the polling tab told before this one listened would be missed until its next
    // answer: for good, if that answer settled the session.
    if (!polledHere) tellTabs(scope, membership.sessionId, { ask: true }, membership.receive);
  });
  membership.leave = () => {
    stopElecting();
    cancelAsk();
    stopListening();
    membership.scope = undefined;
    // Whoever still watches the entry here (a dashboard's sweep) polls it on its own again.
    const query = findSessionQuery(queryClient, membership.queryHash);
    if (query && polledByAnotherTab.has(query)) setPolledHere(query, true);
  };
}

/**
 * Follows a session together with the other tabs of this browser that use the same API with
 * the same token: one visible tab polls, each answer reaches every tab. Called by
 * `useCheckoutSession` for an active watcher; returns how to stop, for the last one.
 *
 * @example
 * useEffect(() => joinTabs(queryClient, source, sessionId), [queryClient, source, sessionId]);
 */
export function joinTabs(queryClient: QueryClient, source: TabShareSource, sessionId: string): () => void {
  const sessions = sessionsOf(queryClient);
  const queryHash = sessionQueryHash(sessionId);
  const membership = sessions.get(queryHash) ?? newMembership(queryClient, source, sessionId, queryHash);
  sessions.set(queryHash, membership);
  membership.watchers += 1;
  return () => {
    membership.watchers -= 1;
    if (membership.watchers > 0) return;
    membership.leave();
    sessions.delete(queryHash);
    if (sessions.size > 0) return;
    stopTelling.get(queryClient)?.();
    stopTelling.delete(queryClient);
    memberships.delete(queryClient);
  };
}

/** The sessions this tab follows with the others through this QueryClient; the first one starts telling. */
function sessionsOf(queryClient: QueryClient): Map<string, Membership> {
  let sessions = memberships.get(queryClient);
  if (!sessions) {
    sessions = new Map();
    memberships.set(queryClient, sessions);
    stopTelling.set(queryClient, tellWhatWasFetched(queryClient.getQueryCache(), sessions));
  }
  return sessions;
}

function newMembership(queryClient: QueryClient, source: TabShareSource, sessionId: string, queryHash: string): Membership {
  const membership: Membership = {
    sessionId,
    queryHash,
    watchers: 0,
    scope: undefined,
    receive: (news) => receive(queryClient, membership, news),
    leave: () => undefined,
  };
  void startSharing(queryClient, source, membership);
  return membership;
}
