import type { CheckoutClient } from '../../src/core/client';
import { CheckoutApiError } from '../../src/core/errors';
import { honourRetryAfter } from '../../src/core/retryAfter';
import { makeSession } from '../../src/testing';

const rateLimited = new CheckoutApiError({ kind: 'rate_limited', status: 429, message: 'slow down', retryAfterMs: 5_000 });
const unavailable = new CheckoutApiError({ kind: 'server', status: 503, message: 'busy' });

/** A client whose first answer is `firstError`; every later one a session. Records what it is asked. */
function clientFailingOnceWith(firstError: CheckoutApiError) {
  const asked: Array<{ sessionId: string; at: number }> = [];
  const client: CheckoutClient = {
    getSession: async (sessionId) => {
      asked.push({ sessionId, at: Date.now() });
      if (asked.length === 1) throw firstError;
      return makeSession({ id: sessionId });
    },
  };
  return { client: honourRetryAfter(client), asked };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('honourRetryAfter', () => {
  it('holds a request for a session until its Retry-After has passed', async () => {
    const { client, asked } = clientFailingOnceWith(rateLimited);
    await expect(client.getSession('cs_1')).rejects.toBe(rateLimited);
    await vi.advanceTimersByTimeAsync(1_000);
    const next = client.getSession('cs_1');
    await vi.advanceTimersByTimeAsync(3_999);
    expect(asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(next).resolves.toMatchObject({ id: 'cs_1' });
    expect(asked.map(({ at }) => at)).toEqual([0, 5_000]);
  });

  it('does not hold other sessions', async () => {
    const { client, asked } = clientFailingOnceWith(rateLimited);
    await expect(client.getSession('cs_1')).rejects.toBe(rateLimited);
    await expect(client.getSession('cs_2')).resolves.toMatchObject({ id: 'cs_2' });
    expect(asked).toEqual([
      { sessionId: 'cs_1', at: 0 },
      { sessionId: 'cs_2', at: 0 },
    ]);
  });

  it('does not hold after an error without Retry-After', async () => {
    const { client, asked } = clientFailingOnceWith(unavailable);
    await expect(client.getSession('cs_1')).rejects.toBe(unavailable);
    await expect(client.getSession('cs_1')).resolves.toMatchObject({ id: 'cs_1' });
    expect(asked.map(({ at }) => at)).toEqual([0, 0]);
  });

  it('gives up a held request when its signal aborts, and sends nothing', async () => {
    const { client, asked } = clientFailingOnceWith(rateLimited);
    await expect(client.getSession('cs_1')).rejects.toBe(rateLimited);
    const controller = new AbortController();
    const held = client.getSession('cs_1', { signal: controller.signal });
    const reason = new Error('unmounted');
    controller.abort(reason);
    await expect(held).rejects.toBe(reason);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(asked).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
