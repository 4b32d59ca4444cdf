import type { Query, QueryCache, QueryCacheNotifyEvent, QueryClient } from '@tanstack/react-query';

/** A change of one session's cache entry: its state changed, or it entered or left the cache. */
export type SessionEntryEvent = Extract<QueryCacheNotifyEvent, { type: 'updated' | 'added' | 'removed' }>;
export type SessionEntryListener = (event: SessionEntryEvent) => void;

interface SessionEventHub {
  byHash: Map<string, Set<SessionEntryListener>>;
  queryClient: QueryClient;
  unsubscribeFromCache: () => void;
}

// One QueryCache listener per cache, handing each event only to the watchers of that one
// session. A listener per watcher on the whole cache would wake every watcher on every event of
// every session: a dashboard of N rows would do N² work per poll period (TanStack/query#8604
// was the same defect in useQueries). A hub leaves with its last watcher, so a Map keeps no
// cache alive, and {@link queryClientHolding} can look through them.
const hubs = new Map<QueryCache, SessionEventHub>();
let watchedSessions = 0;

function openHub(queryClient: QueryClient, cache: QueryCache): SessionEventHub {
  const byHash = new Map<string, Set<SessionEntryListener>>();
  const unsubscribeFromCache = cache.subscribe((event) => {
    // Observer events follow every state change; only the state change itself concerns watchers,
    // and not a fetch starting: it changes neither the data nor the error, half a poll's events.
    if (event.type !== 'updated' && event.type !== 'added' && event.type !== 'removed') return;
    if (event.type === 'updated' && event.action.type === 'fetch') return;
    const listeners = byHash.get(event.query.queryHash);
    if (listeners) for (const listener of listeners) listener(event);
  });
  return { byHash, queryClient, unsubscribeFromCache };
}

/**
 * Calls `listener` on each change of the cache entry with this hash, and only of that entry.
 * The cache's own listener is added with the first watcher and removed with the last, so an
 * unmounted page leaves nothing subscribed.
 */
export function subscribeToSessionEntry(queryClient: QueryClient, queryHash: string, listener: SessionEntryListener): () => void {
  const cache = queryClient.getQueryCache();
  const hub = hubs.get(cache) ?? openHub(queryClient, cache);
  hubs.set(cache, hub);
  const listeners = hub.byHash.get(queryHash) ?? new Set();
  if (listeners.size === 0) {
    hub.byHash.set(queryHash, listeners);
    watchedSessions += 1;
  }
  listeners.add(listener);
  return () => {
    if (!listeners.delete(listener) || listeners.size > 0) return;
    hub.byHash.delete(queryHash);
    watchedSessions -= 1;
    if (hub.byHash.size === 0) {
      hub.unsubscribeFromCache();
      hubs.delete(cache);
    }
  };
}

/** How many distinct sessions the page's hooks watch now, over every QueryClient. */
export function watchedSessionCount(): number {
  return watchedSessions;
}

/**
 * The QueryClient whose cache holds this entry, of those the page's hooks watch: for asking
 * for a session outside React Query's fetch (spreadPolls.ts), with the context it would give.
 */
export function queryClientHolding(query: Pick<Query, 'queryHash'>): QueryClient | undefined {
  for (const [cache, hub] of hubs) if ((cache.get(query.queryHash) as object | undefined) === query) return hub.queryClient;
  return undefined;
}
