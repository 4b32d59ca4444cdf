import { z } from 'zod';
import { resolveToken } from './client';
import { CheckoutApiError, ERROR_KINDS } from './errors';
import { checkoutSessionSchema, type CheckoutSession } from './schema';
import type { TabShareSource } from './tabSharing';

// What crosses between the tabs that share a poller: each answer one tab got for a session,
// as the validated session or the typed error, never the token; and a tab's ask for the latest
// answer. A tab trusts no message: each is parsed again with the same schemas, and one that
// does not parse is dropped.

/**
 * An answer one tab got for a session, for the others to show as their own; or `ask`: a tab
 * that may have missed answers (it joined, or stopped polling, after they were told) wants the
 * polling tab to tell its latest again.
 */
export type TabNews = { session: CheckoutSession } | { error: CheckoutApiError } | { ask: true };
export type TabNewsListener = (news: TabNews) => void;

/** A CheckoutApiError's own fields; its `cause` (zod issues, a fetch error) stays in the tab that saw it. */
const sharedErrorSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  message: z.string(),
  status: z.number().optional(),
  code: z.union([z.number(), z.string()]).optional(),
  requestId: z.string().optional(),
  retryAfterMs: z.number().optional(),
});

const newsSchema = z.union([
  z.object({ sessionId: z.string(), session: checkoutSessionSchema }),
  z.object({ sessionId: z.string(), error: sharedErrorSchema }),
  z.object({ sessionId: z.string(), ask: z.literal(true) }),
]);

/**
 * The scope the tabs share within: the client's sessions URL and a digest of its token, so
 * tabs of another user (another token) or of another API never share, and the token itself
 * is in no name another script on the origin can list. Undefined when no usable token.
 */
export async function tabScope(source: TabShareSource): Promise<string | undefined> {
  let token: string;
  try {
    token = await resolveToken(source.token);
  } catch {
    return undefined;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  const hex = Array.from(digest.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `react-checkout-session ${source.sessionsUrl} ${hex}`;
}

interface ScopeChannel {
  channel: BroadcastChannel;
  bySessionId: Map<string, Set<TabNewsListener>>;
}

// One channel per scope in a tab, handing each message only to the listeners of its session: a
// listener per session on the channel would wake every session of a dashboard on each message.
const channels = new Map<string, ScopeChannel>();

function openChannel(scope: string): ScopeChannel {
  const channel = new BroadcastChannel(scope);
  const bySessionId = new Map<string, Set<TabNewsListener>>();
  channel.onmessage = (event: MessageEvent) => {
    const parsed = newsSchema.safeParse(event.data);
    if (!parsed.success) return;
    const { sessionId, ...message } = parsed.data;
    const listeners = bySessionId.get(sessionId);
    if (!listeners) return;
    const news: TabNews = 'error' in message ? { error: new CheckoutApiError(message.error) } : message;
    for (const listener of listeners) listener(news);
  };
  return { channel, bySessionId };
}

/**
 * Calls `listener` with each answer another tab of the scope gets for this session. The
 * scope's channel opens with its first listener and closes with its last.
 */
export function listenToTabs(scope: string, sessionId: string, listener: TabNewsListener): () => void {
  const scoped = channels.get(scope) ?? openChannel(scope);
  channels.set(scope, scoped);
  const listeners = scoped.bySessionId.get(sessionId) ?? new Set();
  scoped.bySessionId.set(sessionId, listeners);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    scoped.bySessionId.delete(sessionId);
    if (scoped.bySessionId.size > 0) return;
    scoped.channel.close();
    channels.delete(scope);
  };
}

/**
 * Tells the other tabs of the scope what this one got for a session, and the other listeners
 * of it in this tab (a second QueryClient on the page): a channel does not hear itself. Only
 * while this tab listens in the scope; `from` is the teller's own listener, not told again.
 */
export function tellTabs(scope: string, sessionId: string, news: TabNews, from?: TabNewsListener) {
  const scoped = channels.get(scope);
  if (!scoped) return;
  for (const listener of scoped.bySessionId.get(sessionId) ?? []) if (listener !== from) listener(news);
  // An error goes as its own fields alone (the schema drops the rest: its cause may hold a
  // request's details); one whose fields do not parse goes as nothing, which no tab takes.
  scoped.channel.postMessage({ sessionId, ...('error' in news ? { error: sharedErrorSchema.safeParse(news.error).data } : news) });
}
