/**
 * `npm run bench`: how one CheckoutClient's requests leave when a dashboard follows 1 000
 * sessions at a 1 s period, against a fake API that answers in 20 ms of fake time. Counts
 * under fake timers, so exact and the same on any machine. Written to
 * test-results/bench/scheduling.json.
 *
 * Asserted: the cap on requests in flight, that the largest burst in any 100 ms is at most twice
 * the average (the polls are spread over the period by the polling policy), and that nothing is
 * sent during a Retry-After.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render } from '@testing-library/react';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createCheckoutClient, DEFAULT_MAX_CONCURRENT_REQUESTS } from '../../src/core/client';
import { CheckoutClientProvider } from '../../src/react/context';
import { useCheckoutSessions } from '../../src/react/useCheckoutSessions';
import { errorFixtures } from '../../src/testing';
import { fakeFetch, largestBurst } from '../support/fakeApi';
import { makeQueryClient } from '../support/renderWithClient';
import { TEST_API, TEST_TOKEN } from '../support/server';

const SESSIONS = 1_000;
const PERIOD = 1_000;
const LATENCY = 20;
const WARM_UP_PERIODS = 3;
const PERIODS = 10;
const WINDOW = 100;

const ids = Array.from({ length: SESSIONS }, (_, index) => `cs_${index}`);

/** The fake API, answering in LATENCY ms; `rateLimit(id)` makes that session's next answer a 429 with Retry-After: 2. */
function fakeApi() {
  let rateLimitNext: string | undefined;
  let rateLimitedAt: number | undefined;
  const api = fakeFetch({
    latencyMs: LATENCY,
    respond: (sessionId) => {
      if (sessionId !== rateLimitNext) return undefined;
      rateLimitNext = undefined;
      rateLimitedAt = Date.now();
      return Response.json(errorFixtures[429], { status: 429, headers: { 'Retry-After': '2' } });
    },
  });
  return {
    ...api,
    starts: () => api.sent.map((request) => request.at),
    rateLimit: (sessionId: string) => (rateLimitNext = sessionId),
    rateLimitedAt: () => rateLimitedAt,
  };
}

function Dashboard() {
  const results = useCheckoutSessions(ids, { pollInterval: PERIOD });
  return <i>{results.filter((result) => result.data).length}</i>;
}

async function advance(ms: number) {
  // In steps, so React commits between them as it would between frames.
  for (let done = 0; done < ms; done += WINDOW) await act(() => vi.advanceTimersByTimeAsync(Math.min(WINDOW, ms - done)));
}

function follow() {
  const api = fakeApi();
  const client = createCheckoutClient({ baseUrl: TEST_API, token: TEST_TOKEN, fetch: api.fetch });
  render(
    <QueryClientProvider client={makeQueryClient()}>
      <CheckoutClientProvider client={client}>
        <Dashboard />
      </CheckoutClientProvider>
    </QueryClientProvider>,
  );
  return api;
}

const figures: Record<string, number | string> = {
  sessions: SESSIONS,
  pollIntervalMs: PERIOD,
  latencyMs: LATENCY,
  maxConcurrentRequests: DEFAULT_MAX_CONCURRENT_REQUESTS,
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});
afterAll(() => {
  console.log(`\nScheduling figures (${SESSIONS} sessions, ${PERIOD} ms period, ${LATENCY} ms answers, fake timers)`);
  console.table(Object.entries(figures).map(([figure, value]) => ({ figure, value })));
  mkdirSync('test-results/bench', { recursive: true });
  writeFileSync('test-results/bench/scheduling.json', `${JSON.stringify(figures, null, 2)}\n`);
});

// 1 000 sessions through React for ~15 s of fake time is CPU work, slow on a loaded runner.
describe('scheduling figures', { timeout: 600_000 }, () => {
  it(`keeps at most ${DEFAULT_MAX_CONCURRENT_REQUESTS} requests in flight while following ${SESSIONS} sessions`, async () => {
    const api = follow();
    await advance(WARM_UP_PERIODS * PERIOD);
    const from = api.starts().length;
    const startedAt = Date.now();
    api.resetPeak();
    await advance(PERIODS * PERIOD);
    const starts = api.starts().slice(from);
    figures['peak in flight'] = api.peak();
    figures['requests per session per period'] = Number((starts.length / SESSIONS / PERIODS).toFixed(3));
    figures['average requests per 100 ms'] = Number(((starts.length * WINDOW) / (Date.now() - startedAt)).toFixed(1));
    figures['largest burst in 100 ms'] = largestBurst(starts, WINDOW);
    const burstOverAverage = (largestBurst(starts, WINDOW) * (Date.now() - startedAt)) / (starts.length * WINDOW);
    figures['burst / average (goal ≤ 2)'] = Number(burstOverAverage.toFixed(2));
    expect(api.peak()).toBeLessThanOrEqual(DEFAULT_MAX_CONCURRENT_REQUESTS);
    expect(burstOverAverage).toBeLessThanOrEqual(2);
  });

  it(`sends nothing for any session during a 429's Retry-After: 2, then resumes spread out`, async () => {
    const api = follow();
    await advance(WARM_UP_PERIODS * PERIOD);
    api.rateLimit('cs_0');
    while (api.rateLimitedAt() === undefined) await advance(WINDOW);
    const limitedAt = api.rateLimitedAt()!;
    const resumesAt = limitedAt + 2_000;
    await advance(resumesAt + 2 * PERIOD - Date.now());
    const during = api.starts().filter((at) => at > limitedAt && at < resumesAt);
    const after = api.starts().filter((at) => at >= resumesAt && at < resumesAt + PERIOD);
    figures['requests during the Retry-After hold'] = during.length;
    figures['requests in the 1 s after it'] = after.length;
    figures['largest burst in 100 ms after the hold'] = largestBurst(after, WINDOW);
    expect(during).toEqual([]);
    expect(after.length).toBeGreaterThan(0);
  });
});
