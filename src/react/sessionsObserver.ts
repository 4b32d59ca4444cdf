import { notifyManager, QueryObserver, shouldThrowError, type QueryClient, type QueryObserverOptions, type QueryObserverResult } from '@tanstack/react-query';
import type { CheckoutApiError } from '../core/errors';
import type { CheckoutSession } from '../core/schema';
import { isTerminalStatus } from '../core/status';
import type { CheckoutSessionPolicy, CheckoutSessionQuery, CheckoutSessionQueryKey } from './queryOptions';
import { subscribeToSessionEntry } from './sessionEvents';
import { willPollAgain, type CheckoutSessionFlags } from './sessionResult';
import { tellTransition, type TransitionWatcher } from './sessionTransitions';

type SessionObserverOptions = QueryObserverOptions<CheckoutSession, CheckoutApiError, CheckoutSession, CheckoutSession, CheckoutSessionQueryKey>;
type SessionObserver = QueryObserver<CheckoutSession, CheckoutApiError, CheckoutSession, CheckoutSession, CheckoutSessionQueryKey>;
export type SessionsResult = QueryObserverResult<CheckoutSession, CheckoutApiError> & CheckoutSessionFlags;

/** How the page's hook wants its sessions followed; replaced as a whole when anything in it changes. */
export interface SessionsSettings {
  /**
   * React Query options for one session, its `queryHash` filled in, and its own `enabled`: the
   * page's option, and false for an empty id.
   */
  optionsFor: (sessionId: string) => SessionObserverOptions;
  policy: CheckoutSessionPolicy;
  /**
   * Follows a session with the other tabs of the browser (see `createCheckoutClient`'s
   * `crossTab`); returns how to stop. Absent for a sweep and where tabs cannot share.
   */
  shareWithTabs?: ((sessionId: string) => (() => void) | undefined) | undefined;
}

interface Entry {
  observer: SessionObserver;
  /** Cleared while unsubscribed. */
  stop: (() => void) | undefined;
  /** While subscribed and shared with other tabs. */
  leaveTabs: (() => void) | undefined;
  isPolling: boolean;
  /** The observer's result that {@link Entry.result} shows. */
  shown: QueryObserverResult<CheckoutSession, CheckoutApiError>;
  /** The same object until the session's tracked fields or flags change. */
  result: SessionsResult;
  watchingSince: number;
}

const hasNewAnswer = (current: QueryObserverResult, shown: QueryObserverResult) =>
  current !== shown && (current.data !== shown.data || current.error !== shown.error || current.status !== shown.status);

/**
 * Follows many sessions for one component, each through React Query's own `QueryObserver` on
 * its own subscription, so a poll costs the same whether the page shows ten sessions or ten
 * thousand: nothing here visits every session on an event. Each session's result is a stable
 * object, replaced only when a field the page read (tracked as `useQuery` tracks them) or a
 * flag changed, so memoised rows re-render for their own session alone, and a poll that
 * brings equal data renders nothing. `useQueries` instead rebuilds its array on every
 * observer's update.
 */
export class CheckoutSessionsObserver {
  readonly #queryClient: QueryClient;
  readonly #watcher: TransitionWatcher;
  #settings: SessionsSettings;
  readonly #entries = new Map<string, Entry>();
  /** The ids of the last commit: entries for other ids were rendered but never shown. */
  #committedIds: ReadonlySet<string> = new Set();
  readonly #listeners = new Set<() => void>();
  #version = 0;
  #lastResults: { ids: readonly string[]; results: SessionsResult[] } | undefined;
  readonly #shownAfterReset = new WeakSet<CheckoutApiError>();
  readonly #notify = notifyManager.batchCalls(() => {
    for (const listener of this.#listeners) listener();
  });

  constructor(queryClient: QueryClient, watcher: TransitionWatcher, settings: SessionsSettings) {
    this.#queryClient = queryClient;
    this.#watcher = watcher;
    this.#settings = settings;
  }

  /** For useSyncExternalStore: a number that changes whenever any session's result does. */
  getVersion = () => this.#version;

  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) for (const sessionId of this.#committedIds) this.#start(sessionId);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) for (const entry of this.#entries.values()) this.#stop(entry);
    };
  };

  /**
   * The results for these ids, in their order: the same array as last time when no id and no
   * result changed. Called in render: sessions new to the page get an observer that reads the
   * cache but does not fetch until {@link commit}.
   */
  results(sessionIds: readonly string[], startWatching: () => number): SessionsResult[] {
    const previous = this.#lastResults;
    // One clock reading for every session this render brings.
    let watchingSince: number | undefined;
    const since = () => (watchingSince ??= startWatching());
    let same = previous !== undefined && previous.ids.length === sessionIds.length;
    const results = sessionIds.map((sessionId, index) => {
      const entry = this.#entry(sessionId, since);
      // The observer calls back only for the fields read so far: an answer that came while the
      // page read fewer (only `error`, say, before this render reads `data`) is taken up here.
      // Not a change of flags alone (isFetching, on each poll): memoised rows would re-render.
      if (hasNewAnswer(entry.observer.getCurrentResult(), entry.shown)) this.#takeUp(entry);
      const { result } = entry;
      if (same && (previous?.ids[index] !== sessionId || previous.results[index] !== result)) same = false;
      return result;
    });
    if (same && previous) return previous.results;
    this.#lastResults = { ids: sessionIds, results };
    return results;
  }

  /** After a commit: follow the shown ids, drop the others, apply changed settings. */
  commit(sessionIds: readonly string[], settings: SessionsSettings) {
    const committed = new Set(sessionIds);
    this.#committedIds = committed;
    for (const [sessionId, entry] of this.#entries) {
      if (committed.has(sessionId)) continue;
      this.#stop(entry);
      this.#entries.delete(sessionId);
    }
    if (settings !== this.#settings) {
      this.#settings = settings;
      // The observer calls back by itself if a field the page reads changed; only the flag
      // is for this class to check.
      for (const [sessionId, entry] of this.#entries) {
        entry.observer.setOptions(settings.optionsFor(sessionId));
        if (entry.stop) this.#shareWithTabs(sessionId, entry);
        if (this.#isPolling(entry) !== entry.isPolling) this.#refresh(entry);
      }
    }
    if (this.#listeners.size > 0) for (const sessionId of committed) this.#start(sessionId);
  }

  /**
   * With `throwOnError`: the first error of these sessions that it says to throw, once no retry
   * is running. Right after an error boundary's reset (`justReset`), the errors the sessions
   * hold are shown instead, and never thrown: one that asking again did not mend (a 404) would
   * otherwise bring the boundary back at once, for ever. A later error is thrown.
   */
  errorToThrow(
    sessionIds: readonly string[],
    throwOnError: NonNullable<SessionObserverOptions['throwOnError']>,
    justReset: boolean,
  ): CheckoutApiError | undefined {
    for (const sessionId of sessionIds) {
      const entry = this.#entries.get(sessionId);
      const error = entry?.shown.error;
      if (!entry || !error || entry.shown.isFetching || this.#shownAfterReset.has(error)) continue;
      if (!shouldThrowError(throwOnError, [error, entry.observer.getCurrentQuery()])) continue;
      if (!justReset) return error;
      this.#shownAfterReset.add(error);
    }
    return undefined;
  }

  #entry(sessionId: string, startWatching: () => number): Entry {
    let entry = this.#entries.get(sessionId);
    if (entry) return entry;
    const options = this.#queryClient.defaultQueryOptions(this.#settings.optionsFor(sessionId));
    const observer: SessionObserver = new QueryObserver(this.#queryClient, options);
    const shown = observer.getOptimisticResult(options);
    entry = { observer, stop: undefined, leaveTabs: undefined, isPolling: false, watchingSince: startWatching(), shown, result: undefined as unknown as SessionsResult };
    entry.isPolling = this.#isPolling(entry);
    entry.result = this.#trackedResult(entry);
    this.#entries.set(sessionId, entry);
    return entry;
  }

  #start(sessionId: string) {
    const entry = this.#entries.get(sessionId);
    if (!entry || entry.stop) return;
    const { observer } = entry;
    const query = observer.getCurrentQuery();
    tellTransition(query, this.#watcher, entry.watchingSince);
    const stopObserving = observer.subscribe(() => this.#refresh(entry));
    const stopWatching = subscribeToSessionEntry(this.#queryClient, query.queryHash, (event) => {
      if (event.type === 'updated') tellTransition(event.query as CheckoutSessionQuery, this.#watcher, entry.watchingSince);
      if (this.#isPolling(entry) !== entry.isPolling) this.#refresh(entry);
    });
    entry.stop = () => {
      stopObserving();
      stopWatching();
      entry.leaveTabs?.();
      entry.leaveTabs = undefined;
    };
    this.#shareWithTabs(sessionId, entry);
    // What changed between the render and this subscription (a fetch it started, an answer).
    if (observer.getCurrentResult() !== entry.shown) this.#refresh(entry);
  }

  /** Follows the session with the other tabs as the settings say, stopping what it did before. */
  #shareWithTabs(sessionId: string, entry: Entry) {
    entry.leaveTabs?.();
    entry.leaveTabs = this.#settings.shareWithTabs?.(sessionId);
  }

  #stop(entry: Entry) {
    entry.stop?.();
    entry.stop = undefined;
  }

  #isPolling(entry: Entry) {
    const { observer } = entry;
    return willPollAgain(observer.getCurrentQuery(), observer.options.enabled === true, this.#settings.policy);
  }

  /** Shows the observer's current result and flag. */
  #takeUp(entry: Entry) {
    entry.shown = entry.observer.getCurrentResult();
    entry.isPolling = this.#isPolling(entry);
    entry.result = this.#trackedResult(entry);
  }

  #refresh(entry: Entry) {
    this.#takeUp(entry);
    this.#version += 1;
    this.#notify();
  }

  /**
   * The result with the flags added, recording each field read on the session's observer, as
   * `useQuery` does, so the observer calls back only when a field the page reads changes.
   */
  #trackedResult(entry: Entry): SessionsResult {
    const { observer, isPolling, shown } = entry;
    const isTerminal = isTerminalStatus(observer.getCurrentQuery().state.data?.status);
    return new Proxy(shown, {
      get(target, key) {
        if (key === 'isPolling') return isPolling;
        if (key === 'isTerminal') {
          observer.trackProp('data');
          return isTerminal;
        }
        observer.trackProp(key as keyof QueryObserverResult);
        return Reflect.get(target, key);
      },
    }) as SessionsResult;
  }
}
