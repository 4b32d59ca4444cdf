import { CheckoutApiError, retryAfterOf } from '../../src/core/errors';
import { createRequestScheduler, HOLD_RELEASE_WINDOW_MS } from '../../src/core/requestScheduler';
import { largestBurst } from '../support/fakeApi';

const rateLimited = new CheckoutApiError({ kind: 'rate_limited', status: 429, message: 'slow down', retryAfterMs: 5_000 });
const unavailable = new CheckoutApiError({ kind: 'server', status: 503, message: 'busy' });

/** Tasks that stay in flight until finished by hand; records when each started and peak in flight. */
function manualTasks() {
  const started: Array<{ name: string; at: number }> = [];
  const finishers = new Map<string, () => void>();
  let inFlight = 0;
  let peak = 0;
  const task = (name: string) => () =>
    new Promise<string>((resolve) => {
      started.push({ name, at: Date.now() });
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      finishers.set(name, () => {
        inFlight -= 1;
        resolve(name);
      });
    });
  const finish = (name: string) => finishers.get(name)!();
  return { task, finish, started, names: () => started.map((s) => s.name), peak: () => peak };
}

/** A task that fails once with `firstError`, then answers; records when it is sent. */
function failingOnceWith(firstError: CheckoutApiError) {
  const sentAt: number[] = [];
  const request = async () => {
    sentAt.push(Date.now());
    if (sentAt.length === 1) throw firstError;
    return 'answer';
  };
  return { request, sentAt };
}

const retryAfterScheduler = (maxConcurrent = Infinity) => createRequestScheduler({ maxConcurrent, holdAfter: retryAfterOf });

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createRequestScheduler concurrency', () => {
  it('never has more than maxConcurrent tasks in flight, and starts queued ones as others finish', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 3 });
    const tasks = manualTasks();
    const results = ['a', 'b', 'c', 'd', 'e'].map((name) => scheduler.run(tasks.task(name)));
    await vi.advanceTimersByTimeAsync(0);
    expect(tasks.names()).toEqual(['a', 'b', 'c']);
    tasks.finish('b');
    await vi.advanceTimersByTimeAsync(0);
    expect(tasks.names()).toEqual(['a', 'b', 'c', 'd']);
    tasks.finish('a');
    tasks.finish('c');
    await vi.advanceTimersByTimeAsync(0);
    expect(tasks.names()).toEqual(['a', 'b', 'c', 'd', 'e']);
    tasks.finish('d');
    tasks.finish('e');
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(tasks.peak()).toBe(3);
  });

  it('frees the slot of a task that fails', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 1 });
    await expect(scheduler.run(() => Promise.reject(unavailable))).rejects.toBe(unavailable);
    await expect(scheduler.run(async () => 'next')).resolves.toBe('next');
  });

  it('starts every queued high-priority task before any low-priority one, each in arrival order', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 1 });
    const tasks = manualTasks();
    void scheduler.run(tasks.task('first'));
    void scheduler.run(tasks.task('low-1'), { priority: 'low' });
    void scheduler.run(tasks.task('high-1'));
    void scheduler.run(tasks.task('low-2'), { priority: 'low' });
    void scheduler.run(tasks.task('high-2'), { priority: 'high' });
    for (const name of ['first', 'high-1', 'high-2', 'low-1']) {
      await vi.advanceTimersByTimeAsync(0);
      tasks.finish(name);
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(tasks.names()).toEqual(['first', 'high-1', 'high-2', 'low-1', 'low-2']);
  });

  it('lets low-priority tasks hold at most a quarter of the slots, keeping the rest for high-priority ones', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 8 });
    const tasks = manualTasks();
    for (const name of ['s1', 's2', 's3', 's4']) void scheduler.run(tasks.task(name), { priority: 'low' });
    await vi.advanceTimersByTimeAsync(0);
    expect(tasks.names()).toEqual(['s1', 's2']);
    void scheduler.run(tasks.task('shown'));
    await vi.advanceTimersByTimeAsync(0);
    expect(tasks.names()).toEqual(['s1', 's2', 'shown']);
    tasks.finish('s1');
    await vi.advanceTimersByTimeAsync(0);
    expect(tasks.names()).toEqual(['s1', 's2', 'shown', 's3']);
  });

  it('removes a task aborted while queued, rejecting with the signal\'s reason and never starting it', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 1 });
    const tasks = manualTasks();
    void scheduler.run(tasks.task('busy'));
    const controller = new AbortController();
    const queued = scheduler.run(tasks.task('aborted'), { signal: controller.signal });
    void scheduler.run(tasks.task('next'));
    const reason = new Error('unmounted');
    controller.abort(reason);
    await expect(queued).rejects.toBe(reason);
    await vi.advanceTimersByTimeAsync(0);
    tasks.finish('busy');
    await vi.advanceTimersByTimeAsync(0);
    expect(tasks.names()).toEqual(['busy', 'next']);
  });

  it('does not start a task whose signal is already aborted', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 1 });
    const task = vi.fn(async () => 'sent');
    const reason = new Error('gone');
    await expect(scheduler.run(task, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(task).not.toHaveBeenCalled();
  });
});

describe('createRequestScheduler holds', () => {
  it('holds every task, not only the failed one\'s, until a Retry-After has passed', async () => {
    const scheduler = retryAfterScheduler();
    const { request, sentAt } = failingOnceWith(rateLimited);
    await expect(scheduler.run(request)).rejects.toBe(rateLimited);
    await vi.advanceTimersByTimeAsync(1_000);
    const other = scheduler.run(request);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(sentAt).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(other).resolves.toBe('answer');
    expect(sentAt).toEqual([0, 5_000]);
  });

  it('does not hold after an error without Retry-After', async () => {
    const scheduler = retryAfterScheduler();
    const { request, sentAt } = failingOnceWith(unavailable);
    await expect(scheduler.run(request)).rejects.toBe(unavailable);
    await expect(scheduler.run(request)).resolves.toBe('answer');
    expect(sentAt).toEqual([0, 0]);
  });

  it('lets no queued task slip out between a Retry-After failure and its hold', async () => {
    const scheduler = retryAfterScheduler(1);
    const { request, sentAt } = failingOnceWith(rateLimited);
    const first = scheduler.run(request);
    const queued = scheduler.run(request);
    await expect(first).rejects.toBe(rateLimited);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(sentAt).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(queued).resolves.toBe('answer');
  });

  it('extends a hold with a longer one and never shortens it', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: Infinity });
    const tasks = manualTasks();
    scheduler.hold(3_000);
    scheduler.hold(1_000);
    void scheduler.run(tasks.task('a'));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(tasks.names()).toEqual([]);
    // At 2 999 ms, 2 s more ends later than the hold in force: it now ends at 4 999 ms.
    scheduler.hold(2_000);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(tasks.names()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(tasks.started).toEqual([{ name: 'a', at: 4_999 }]);
  });

  it(`releases the tasks queued during a hold spread evenly over ${HOLD_RELEASE_WINDOW_MS} ms, not in one tick`, async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: Infinity });
    const tasks = manualTasks();
    scheduler.hold(2_000);
    for (let index = 0; index < 1_000; index += 1) void scheduler.run(tasks.task(`t${index}`));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(tasks.started).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1 + HOLD_RELEASE_WINDOW_MS);
    const times = tasks.started.map((s) => s.at);
    expect(times).toHaveLength(1_000);
    expect(times[0]).toBe(2_000);
    expect(Math.max(...times)).toBeLessThan(2_000 + HOLD_RELEASE_WINDOW_MS);
    // 1 000 over one second: 100 per 100 ms, give or take the one at either edge.
    expect(largestBurst(times, 100)).toBeLessThanOrEqual(101);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('spreads tasks that arrive during the release over the same window instead of bursting them at its end', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: Infinity });
    const tasks = manualTasks();
    scheduler.hold(1_000);
    for (let index = 0; index < 10; index += 1) void scheduler.run(tasks.task(`held${index}`));
    await vi.advanceTimersByTimeAsync(1_050);
    for (let index = 0; index < 10; index += 1) void scheduler.run(tasks.task(`late${index}`));
    await vi.advanceTimersByTimeAsync(HOLD_RELEASE_WINDOW_MS);
    const times = tasks.started.map((s) => s.at);
    expect(times).toHaveLength(20);
    expect(Math.max(...times)).toBeLessThan(1_000 + HOLD_RELEASE_WINDOW_MS);
    expect(largestBurst(times, 100)).toBeLessThanOrEqual(4);
  });

  it('keeps to the cap while releasing after a hold', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 2 });
    const tasks = manualTasks();
    scheduler.hold(1_000);
    for (const name of ['a', 'b', 'c']) void scheduler.run(tasks.task(name));
    await vi.advanceTimersByTimeAsync(2 * HOLD_RELEASE_WINDOW_MS);
    expect(tasks.names()).toEqual(['a', 'b']);
    tasks.finish('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(tasks.names()).toEqual(['a', 'b', 'c']);
    expect(tasks.peak()).toBe(2);
  });

  it('gives up a held task when its signal aborts, sends nothing and leaves no timer behind', async () => {
    const scheduler = retryAfterScheduler();
    const { request, sentAt } = failingOnceWith(rateLimited);
    await expect(scheduler.run(request)).rejects.toBe(rateLimited);
    const controller = new AbortController();
    const held = scheduler.run(request, { signal: controller.signal });
    const reason = new Error('unmounted');
    controller.abort(reason);
    await expect(held).rejects.toBe(reason);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sentAt).toEqual([0]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('createRequestScheduler waitUntilSendable', () => {
  it('starts a task only once waitUntilSendable lets it, before a first task and after a hold', async () => {
    const scheduler = retryAfterScheduler();
    const gates: Array<() => void> = [];
    let sendable = false;
    const waitUntilSendable = () => (sendable ? undefined : new Promise<void>((resolve) => gates.push(resolve)));
    const { request, sentAt } = failingOnceWith(rateLimited);
    const first = scheduler.run(request, { waitUntilSendable });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sentAt).toEqual([]);
    sendable = true;
    gates.shift()?.();
    await expect(first).rejects.toBe(rateLimited);
    expect(sentAt).toEqual([1_000]);

    const next = scheduler.run(request, { waitUntilSendable });
    await vi.advanceTimersByTimeAsync(2_000);
    // Hidden during the hold: when it ends, the task waits for the page instead of starting.
    sendable = false;
    await vi.advanceTimersByTimeAsync(58_000);
    expect(sentAt).toEqual([1_000]);
    sendable = true;
    gates.shift()?.();
    await expect(next).resolves.toBe('answer');
    expect(sentAt).toEqual([1_000, 61_000]);
  });

  it('asks waitUntilSendable once for a task that starts at once, and again right before one that queued starts', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 1 });
    const tasks = manualTasks();
    const asked: string[] = [];
    const gate = (name: string) => () => {
      asked.push(name);
      return undefined;
    };
    void scheduler.run(tasks.task('first'), { waitUntilSendable: gate('first') });
    void scheduler.run(tasks.task('second'), { waitUntilSendable: gate('second') });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual(['first', 'second']);
    tasks.finish('first');
    await vi.advanceTimersByTimeAsync(0);
    expect(tasks.names()).toEqual(['first', 'second']);
    expect(asked).toEqual(['first', 'second', 'second']);
  });

  it('does not keep a slot while it waits to be sendable, so other tasks go ahead', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 1 });
    const tasks = manualTasks();
    void scheduler.run(tasks.task('gated'), { waitUntilSendable: () => new Promise<void>(() => {}) });
    void scheduler.run(tasks.task('free'));
    await vi.advanceTimersByTimeAsync(0);
    expect(tasks.names()).toEqual(['free']);
  });
});
