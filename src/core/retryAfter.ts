import { isCheckoutApiError } from './errors';

// setTimeout fires at once past 2^31 - 1 ms (about 24.8 days); a longer Retry-After, from a
// far-off HTTP date, waits in steps.
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
async function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  for (let left = ms; left > 0; left -= LONGEST_TIMER_MS) await waitAtMost(Math.min(left, LONGEST_TIMER_MS), signal);
}

function waitAtMost(ms: number, signal: AbortSignal | undefined): Promise<void> {
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

export interface RetryAfterHoldOptions {
  /**
   * After a hold, resolves when a request may go out (e.g. once the page is visible again):
   * a request held while the page was visible must not go out after it was hidden.
   */
  waitUntilSendable?: ((signal: AbortSignal | undefined) => Promise<void>) | undefined;
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

  function hold(sessionId: string, retryAfterMs: number) {
    const now = Date.now();
    // Holds of sessions nobody asks for again must not pile up in a long-lived dashboard.
    for (const [id, until] of heldUntil) if (until <= now) heldUntil.delete(id);
    heldUntil.set(sessionId, now + retryAfterMs);
  }

  return {
    async send(sessionId, signal, request) {
      const until = heldUntil.get(sessionId);
      if (until !== undefined && until > Date.now()) {
        await wait(until - Date.now(), signal);
        await waitUntilSendable?.(signal);
      }
      try {
        return await request();
      } catch (error) {
        if (isCheckoutApiError(error) && error.retryAfterMs !== undefined) hold(sessionId, error.retryAfterMs);
        throw error;
      }
    },
  };
}
