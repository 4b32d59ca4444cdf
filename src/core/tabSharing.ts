import type { QueryClient } from '@tanstack/react-query';
import type { CheckoutClient, TokenProvider } from './client';

/** What a client's sessions are shared under between tabs: its API and its token. */
export interface TabShareSource {
  /** The client's `…/api/v1/sessions/` URL. */
  sessionsUrl: string;
  token: TokenProvider;
}

/** Follows a session with the other tabs; returns how to stop. */
export type JoinTabs = (queryClient: QueryClient, sessionId: string) => () => void;

/**
 * How each client that may share its sessions between the tabs of this browser joins them (see
 * `createCheckoutClient`'s `crossTab`). A client made any other way, an app's own
 * implementation included, is never shared: the kit cannot tell whose token it sends.
 */
export const tabSharing = new WeakMap<CheckoutClient, JoinTabs>();

/**
 * Whether this runtime has what tabs need to share a poller: a channel between them, locks to
 * elect the one that asks, and a digest to keep the token out of the names of both. Server
 * renders, older browsers, insecure origins and jsdom have not, and each tab polls alone.
 */
function canShareTabs(): boolean {
  return typeof BroadcastChannel === 'function' && typeof navigator === 'object' && !!navigator.locks && !!globalThis.crypto?.subtle;
}

/**
 * Lets the client's sessions be shared between tabs, where the runtime can. The code that does
 * it is loaded only when a hook first follows a session with this client, so pages that cannot
 * share, server renders among them, never load it.
 */
export function allowTabSharing(client: CheckoutClient, source: TabShareSource) {
  if (!canShareTabs()) return;
  tabSharing.set(client, (queryClient, sessionId) => {
    let leave: (() => void) | undefined;
    let left = false;
    import('../react/crossTabSessions').then(
      ({ joinTabs }) => {
        if (!left) leave = joinTabs(queryClient, source, sessionId);
      },
      // Not loaded (a network fault, a stale deployment): this tab polls alone, as without sharing.
      () => undefined,
    );
    return () => {
      left = true;
      leave?.();
    };
  });
}
