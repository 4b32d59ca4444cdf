import type { CheckoutClient, GetSessionOptions } from './client';
import { isCheckoutApiError } from './errors';

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Wraps a client so that once a session was answered with a Retry-After (a 429, or a 503 that
 * sends one), nothing more is sent for that session until it has passed, whoever asks: the
 * poll timer already waits, but a window focus, a reconnect, a newly mounted watcher or a
 * "Try again" click would not. A request asked for inside the window waits for its end, and
 * can still be aborted meanwhile.
 */
export function honourRetryAfter(client: CheckoutClient): CheckoutClient {
  const heldUntil = new Map<string, number>();

  function hold(sessionId: string, retryAfterMs: number) {
    const now = Date.now();
    // Holds of sessions nobody asks for again must not pile up in a long-lived dashboard.
    for (const [id, until] of heldUntil) if (until <= now) heldUntil.delete(id);
    heldUntil.set(sessionId, now + retryAfterMs);
  }

  return {
    async getSession(sessionId: string, options: GetSessionOptions = {}) {
      const until = heldUntil.get(sessionId);
      if (until !== undefined && until > Date.now()) await wait(until - Date.now(), options.signal);
      try {
        return await client.getSession(sessionId, options);
      } catch (error) {
        if (isCheckoutApiError(error) && error.retryAfterMs !== undefined) hold(sessionId, error.retryAfterMs);
        throw error;
      }
    },
  };
}
