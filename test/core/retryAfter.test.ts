import { CheckoutApiError } from '../../src/core/errors';
import { createRetryAfterHolds } from '../../src/core/retryAfter';

const rateLimited = new CheckoutApiError({ kind: 'rate_limited', status: 429, message: 'slow down', retryAfterMs: 5_000 });
const unavailable = new CheckoutApiError({ kind: 'server', status: 503, message: 'busy' });

/** A request that fails once with `firstError`, then answers; records when it is sent. */
function requestFailingOnceWith(firstError: CheckoutApiError) {
  const sentAt: number[] = [];
  const request = async () => {
    sentAt.push(Date.now());
    if (sentAt.length === 1) throw firstError;
    return 'answer';
  };
  return { request, sentAt };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createRetryAfterHolds', () => {
  it('holds the next request for a session until its Retry-After has passed', async () => {
    const holds = createRetryAfterHolds();
    const { request, sentAt } = requestFailingOnceWith(rateLimited);
    await expect(holds.send('cs_1', undefined, request)).rejects.toBe(rateLimited);
    await vi.advanceTimersByTimeAsync(1_000);
    const next = holds.send('cs_1', undefined, request);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(sentAt).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(next).resolves.toBe('answer');
    expect(sentAt).toEqual([0, 5_000]);
  });

  it('does not hold other sessions', async () => {
    const holds = createRetryAfterHolds();
    const { request, sentAt } = requestFailingOnceWith(rateLimited);
    await expect(holds.send('cs_1', undefined, request)).rejects.toBe(rateLimited);
    await expect(holds.send('cs_2', undefined, request)).resolves.toBe('answer');
    expect(sentAt).toEqual([0, 0]);
  });

  it('does not hold after an error without Retry-After', async () => {
    const holds = createRetryAfterHolds();
    const { request, sentAt } = requestFailingOnceWith(unavailable);
    await expect(holds.send('cs_1', undefined, request)).rejects.toBe(unavailable);
    await expect(holds.send('cs_1', undefined, request)).resolves.toBe('answer');
    expect(sentAt).toEqual([0, 0]);
  });

  it('sends only once waitUntilSendable lets it, before a first request and after a hold', async () => {
    const gates: Array<() => void> = [];
    const holds = createRetryAfterHolds({ waitUntilSendable: () => new Promise<void>((resolve) => gates.push(resolve)) });
    const { request, sentAt } = requestFailingOnceWith(rateLimited);
    const first = holds.send('cs_1', undefined, request);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sentAt).toEqual([]);
    gates[0]?.();
    await expect(first).rejects.toBe(rateLimited);
    expect(sentAt).toEqual([1_000]);

    const next = holds.send('cs_1', undefined, request);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sentAt).toEqual([1_000]);
    gates[1]?.();
    await expect(next).resolves.toBe('answer');
    expect(sentAt).toEqual([1_000, 61_000]);
  });

  it('gives up a held request when its signal aborts, and sends nothing', async () => {
    const holds = createRetryAfterHolds();
    const { request, sentAt } = requestFailingOnceWith(rateLimited);
    await expect(holds.send('cs_1', undefined, request)).rejects.toBe(rateLimited);
    const controller = new AbortController();
    const held = holds.send('cs_1', controller.signal, request);
    const reason = new Error('unmounted');
    controller.abort(reason);
    await expect(held).rejects.toBe(reason);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sentAt).toEqual([0]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
