import { abortableWait } from './abortable';

/** `'high'` (the default) for what someone is looking at; `'low'` for background sweeps. */
export type RequestPriority = 'high' | 'low';

/**
 * Resolves when a request may go out (e.g. once the page is visible), or returns undefined when
 * it may go out now. Asked before a request queues, right before it starts and again after a
 * hold: one held while the page was visible must not go out after it was hidden.
 */
export type WaitUntilSendable = (signal: AbortSignal | undefined) => Promise<void> | undefined;

export interface RunOptions {
  signal?: AbortSignal | undefined;
  /**
   * Default `'high'`: every queued high-priority task starts before any low-priority one, and
   * low-priority tasks hold at most a quarter of the slots.
   */
  priority?: RequestPriority | undefined;
  waitUntilSendable?: WaitUntilSendable | undefined;
}

export interface RequestSchedulerOptions {
  /** Tasks in flight at once; `Infinity` for no cap. */
  maxConcurrent: number;
  /**
   * How long a task's failure holds every task of the scheduler (a Retry-After), or undefined
   * for no hold. Applied before the failed task gives up its slot, so no queued task slips out
   * between the failure and the hold.
   */
  holdAfter?: ((error: unknown) => number | undefined) | undefined;
}

export interface RequestScheduler {
  /** Starts `task` once a slot is free and no hold is on; an abort while queued rejects with its reason. */
  run<T>(task: () => Promise<T>, options?: RunOptions): Promise<T>;
  /** Starts nothing new for `ms`; extends a longer-running hold, never shortens one. */
  hold(ms: number): void;
}

/**
 * The window over which the tasks queued during a hold are released once it ends. Retry-After
 * counts whole seconds and rate limits are mostly counted per second, so one second is the
 * smallest window that keeps the resumption from landing in one tick of the API's own counter,
 * and it delays the last queued request by at most one more second than the API asked.
 */
export const HOLD_RELEASE_WINDOW_MS = 1_000;

interface Waiter {
  grant: () => void;
  /** Until a pump takes it off its queue to start it. */
  queued: boolean;
}

/**
 * Caps the tasks in flight, queues the rest (FIFO within a priority, high before low), and
 * holds every task while a hold is on: what a rate limit per API key needs, applied to the
 * whole of one client rather than to one session. After a hold, the queue drains at a steady
 * pace over {@link HOLD_RELEASE_WINDOW_MS}, still within the cap, instead of in one burst.
 *
 * @example
 * const scheduler = createRequestScheduler({ maxConcurrent: 16 });
 * const session = await scheduler.run(() => fetchSession(id), { signal, priority: 'low' });
 */
export function createRequestScheduler({ maxConcurrent, holdAfter }: RequestSchedulerOptions): RequestScheduler {
  const queues: Record<RequestPriority, Waiter[]> = { high: [], low: [] };
  const inFlight: Record<RequestPriority, number> = { high: 0, low: 0 };
  // A sweep may hold only a quarter of the slots. A browser sends at most six requests at once
  // to one HTTP/1.1 origin and queues the rest itself, where priorities mean nothing: a row
  // coming on screen must not wait there behind a whole cap of sweep requests.
  const lowCap = Math.max(1, Math.floor(maxConcurrent / 4));
  const total = () => inFlight.high + inFlight.low;
  /** The queue whose head may start now, if any. */
  const nextQueue = (): RequestPriority | undefined =>
    queues.high.length > 0 ? 'high' : queues.low.length > 0 && inFlight.low < lowCap ? 'low' : undefined;
  let heldUntil = 0;
  // Set by a hold, consumed by the first pump after it ends: that pump starts the paced release.
  let releasePending = false;
  let release: { at: number; count: number; started: number } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const queued = () => queues.high.length + queues.low.length;

  function wakeAt(at: number) {
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = undefined;
        pump();
      },
      Math.max(1, at - Date.now()),
    );
  }

  /** Tasks the paced release lets start by `now`: the first at once, then evenly over the window. */
  function releaseAllows(now: number): boolean {
    if (release === undefined) return true;
    if (release.started >= release.count) {
      release = undefined;
      return true;
    }
    const due = 1 + Math.floor(((now - release.at) * release.count) / HOLD_RELEASE_WINDOW_MS);
    if (release.started < due) return true;
    wakeAt(release.at + Math.ceil((release.started * HOLD_RELEASE_WINDOW_MS) / release.count));
    return false;
  }

  function pump() {
    if (queued() === 0) {
      // No timer outlives the waits it serves; a hold still applies to whoever comes next.
      clearTimeout(timer);
      timer = undefined;
      release = undefined;
      return;
    }
    const now = Date.now();
    if (now < heldUntil) {
      wakeAt(heldUntil);
      return;
    }
    if (releasePending) {
      releasePending = false;
      release = { at: now, count: queued(), started: 0 };
    }
    for (let priority = nextQueue(); priority && total() < maxConcurrent && releaseAllows(now); priority = nextQueue()) {
      const waiter = queues[priority].shift()!;
      waiter.queued = false;
      inFlight[priority] += 1;
      if (release !== undefined) release.started += 1;
      waiter.grant();
    }
  }

  function releaseSlot(priority: RequestPriority) {
    inFlight[priority] -= 1;
    pump();
  }

  /** Whether a task may start now without queueing: a free slot, nobody waiting, no hold or release under way. */
  const startsAtOnce = (priority: RequestPriority) =>
    total() < maxConcurrent &&
    (priority === 'high' || inFlight.low < lowCap) &&
    queued() === 0 &&
    release === undefined &&
    !releasePending &&
    Date.now() >= heldUntil;

  /** Waits, abortably, for a slot; `front` puts a task that gave its slot back ahead of its queue. */
  function slot(signal: AbortSignal | undefined, priority: RequestPriority, front: boolean): Promise<void> | undefined {
    // Most requests of a board find a free slot: they skip the queue's promise, listener and timer.
    if (!front && startsAtOnce(priority)) {
      signal?.throwIfAborted();
      inFlight[priority] += 1;
      return undefined;
    }
    const granted = abortableWait(signal, (done) => {
      const queue = queues[priority];
      const waiter: Waiter = { grant: done, queued: true };
      if (front) queue.unshift(waiter);
      else queue.push(waiter);
      // A task that arrives during the release joins it, and the window stays: otherwise it
      // would wait behind the release for the whole window, however few were held (as when a
      // hold upstream, such as the React layer's, releases its own queue into this one).
      if (release !== undefined && !front) release.count += 1;
      // Runs on grant and on abort alike. After a grant the waiter is already off the queue:
      // looking for it there would cost every start a walk of the queue, and a burst of N
      // requests N²/2 steps.
      return () => {
        if (!waiter.queued) return;
        waiter.queued = false;
        queue.splice(queue.indexOf(waiter), 1);
      };
    });
    // Not from inside `start`: abortableWait cannot be told `done` before `start` has returned.
    pump();
    return granted;
  }

  function hold(ms: number) {
    const until = Date.now() + ms;
    if (until <= heldUntil) return;
    heldUntil = until;
    releasePending = true;
    release = undefined;
    pump();
  }

  async function run<T>(task: () => Promise<T>, { signal, priority = 'high', waitUntilSendable }: RunOptions = {}) {
    // Waiting for the page (or whatever gates sending) happens outside the queue, so a hidden
    // page's requests do not take the slots of callers that need no such wait.
    // Awaited only when there is something to wait for: most requests of a board have neither,
    // and each await is one more turn of the microtask queue per request.
    const sendable = waitUntilSendable?.(signal);
    if (sendable) await sendable;
    const granted = slot(signal, priority, false);
    if (granted) await granted;
    // Asked again only after a wait: within one synchronous run, the page cannot have changed.
    const notYet = sendable || granted ? waitUntilSendable?.(signal) : undefined;
    if (notYet !== undefined) {
      // It became unsendable while queued or held: give the slot back, wait, and keep its
      // place at the head of the queue. Asked no third time, so a gate that always returns a
      // promise (even a settled one) cannot spin.
      releaseSlot(priority);
      await notYet;
      await slot(signal, priority, true);
    }
    try {
      return await task();
    } catch (error) {
      const ms = holdAfter?.(error);
      if (ms !== undefined) hold(ms);
      throw error;
    } finally {
      releaseSlot(priority);
    }
  }

  return { run, hold };
}
