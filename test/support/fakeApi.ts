import { makeSession } from '../../src/testing';

/**
 * A fetch for `createCheckoutClient({ fetch })` on fake time: answers each request after
 * `latencyMs` with `respond(sessionId)` (a session by default), honours aborts, and records
 * when each request was sent and answered, the signal each was given, and the peak in flight.
 */
export function fakeFetch({
  latencyMs = 20,
  respond,
}: { latencyMs?: number; respond?: (sessionId: string) => Response | undefined } = {}) {
  const sent: Array<{ sessionId: string; at: number }> = [];
  const signals: Array<AbortSignal | null | undefined> = [];
  const answered: number[] = [];
  let inFlight = 0;
  let peak = 0;
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const sessionId = decodeURIComponent(String(input).split('/').pop()!);
    sent.push({ sessionId, at: Date.now() });
    signals.push(init?.signal);
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, latencyMs);
        init?.signal?.addEventListener('abort', () => (clearTimeout(timer), reject(init.signal!.reason)), { once: true });
      });
    } finally {
      inFlight -= 1;
      answered.push(Date.now());
    }
    return respond?.(sessionId) ?? Response.json(makeSession({ id: sessionId }));
  }) as typeof globalThis.fetch;
  return {
    fetch,
    sent,
    signals,
    answered,
    peak: () => peak,
    /** Starts counting the peak again from what is in flight now. */
    resetPeak: () => (peak = inFlight),
  };
}

/** The most of `times` (sorted) in any `windowMs`, sliding: the largest burst. */
export function largestBurst(times: number[], windowMs: number) {
  let largest = 0;
  for (let first = 0, last = 0; last < times.length; last += 1) {
    while (times[last]! - times[first]! >= windowMs) first += 1;
    largest = Math.max(largest, last - first + 1);
  }
  return largest;
}
