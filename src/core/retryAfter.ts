import { abortableWait } from './abortable';
import { isCheckoutApiError } from './errors';

export interface RetryAfterHoldOptions {
  /**
   * Resolves when a request may go out (e.g. once the page is visible), asked before every
   * request and again after a hold: one held while the page was visible must not go out after
   * it was hidden.
   */
  waitUntilSendable?: ((signal: AbortSignal | undefined) => Promise<void> | undefined) | undefined;
}

export interface RetryAfterHolds {
  /**
   * Runs `request` for the session once any Retry-After it was given has passed (waiting,
   * abortably, if need be), and starts a new hold when it fails with one.
   */
  send<T>(sessionId: string, signal: AbortSignal | undefined, request: () => Promise<T>): Promise<T>;
}

/**
 * Once a session was answered with a Retry-After (a 429, or a 503 that sends one), nothing
 * more is sent for it until that has passed, whoever asks: the poll timer already waits, but
 * a window focus, a reconnect, a newly mounted watcher or a "Try again" click would not.
 */
export function createRetryAfterHolds({ waitUntilSendable }: RetryAfterHoldOptions = {}): RetryAfterHolds {
  const heldUntil = new Map<string, number>();

  return {
    async send(sessionId, signal, request) {
      const wait = (heldUntil.get(sessionId) ?? 0) - Date.now();
      if (wait > 0) {
        await abortableWait(signal, (done) => {
          const timer = setTimeout(done, wait);
          return () => clearTimeout(timer);
        });
      }
      await waitUntilSendable?.(signal);
      try {
        return await request();
      } catch (error) {
        if (isCheckoutApiError(error) && error.retryAfterMs !== undefined) {
          const now = Date.now();
          // Holds of sessions nobody asks for again must not pile up in a long-lived dashboard.
          for (const [id, until] of heldUntil) if (until <= now) heldUntil.delete(id);
          heldUntil.set(sessionId, now + error.retryAfterMs);
        }
        throw error;
      }
    },
  };
}
