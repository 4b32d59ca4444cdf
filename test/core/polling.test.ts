import { CheckoutApiError } from '../../src/core/errors';
import {
  backoffDelay,
  DEFAULT_MAX_POLL_DURATION_MS,
  defaultPollInterval,
  nextPollDelay,
  pollPhase,
  pollPlaces,
  sessionIdHash,
  spreadPollTime,
  retryDelayFor,
  shouldRetry,
  type PollState,
} from '../../src/core/polling';
import { makeRefund, makeSession } from '../../src/testing';

const state = (overrides: Partial<PollState> = {}): PollState => ({
  session: makeSession(),
  error: null,
  attempt: 0,
  elapsedMs: 0,
  ...overrides,
});
const serverError = new CheckoutApiError({ kind: 'server', status: 500, message: 'boom' });
const notFound = new CheckoutApiError({ kind: 'not_found', status: 404, message: 'gone' });

describe('defaultPollInterval', () => {
  it('polls every 2 s for the first 30 polls, then every 5 s', () => {
    expect(defaultPollInterval(undefined, 0)).toBe(2_000);
    expect(defaultPollInterval(undefined, 29)).toBe(2_000);
    expect(defaultPollInterval(undefined, 30)).toBe(5_000);
  });
});

describe('nextPollDelay', () => {
  it('keeps polling a PENDING session at the default cadence', () => {
    expect(nextPollDelay(state())).toBe(2_000);
  });

  it('keeps polling before the first answer', () => {
    expect(nextPollDelay(state({ session: undefined }))).toBe(2_000);
  });

  it('keeps polling an unknown status', () => {
    expect(nextPollDelay(state({ session: makeSession({ status: 'AWAITING_CAPTURE' }) }))).toBe(2_000);
  });

  it.each(['SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'REVERSED'])('stops at %s', (status) => {
    expect(nextPollDelay(state({ session: makeSession({ status }) }))).toBe(false);
  });

  it('stops on a final error', () => {
    expect(nextPollDelay(state({ error: notFound }))).toBe(false);
  });

  it('stops on an error that is not the kit\'s own, since retrying cannot fix it', () => {
    expect(nextPollDelay(state({ error: new TypeError('select threw') }))).toBe(false);
  });

  it('keeps polling after a retryable error', () => {
    expect(nextPollDelay(state({ error: serverError }))).toBe(2_000);
  });

  it('waits at least a 429\'s Retry-After before the next poll', () => {
    const rateLimited = new CheckoutApiError({ kind: 'rate_limited', status: 429, message: 'slow down', retryAfterMs: 9_000 });
    expect(nextPollDelay(state({ error: rateLimited }))).toBe(9_000);
  });

  it('uses a numeric pollInterval', () => {
    expect(nextPollDelay(state(), { pollInterval: 750 })).toBe(750);
  });

  it('calls a pollInterval function with the session and attempt, and stops when it returns false', () => {
    const pollInterval = vi.fn((_session: unknown, attempt: number) => (attempt < 3 ? 100 : false as const));
    const session = makeSession();
    expect(nextPollDelay(state({ session, attempt: 2 }), { pollInterval })).toBe(100);
    expect(pollInterval).toHaveBeenCalledWith(session, 2);
    expect(nextPollDelay(state({ attempt: 3 }), { pollInterval })).toBe(false);
  });

  it('stops for a pollInterval of 0, less, or not a number, as React Query\'s refetchInterval: 0 never polls', () => {
    for (const pollInterval of [0, -1, Number.NaN]) {
      expect(nextPollDelay(state(), { pollInterval })).toBe(false);
      expect(nextPollDelay(state(), { pollInterval: () => pollInterval })).toBe(false);
    }
  });

  it('makes no poll that would land at or after maxPollDuration', () => {
    expect(nextPollDelay(state({ elapsedMs: 7_999 }), { maxPollDuration: 10_000 })).toBe(2_000);
    expect(nextPollDelay(state({ elapsedMs: 8_000 }), { maxPollDuration: 10_000 })).toBe(false);
  });

  it('stops after 15 minutes by default', () => {
    expect(nextPollDelay(state({ elapsedMs: DEFAULT_MAX_POLL_DURATION_MS }))).toBe(false);
  });

  it('follows pending refunds after a terminal status only when asked, slowly by default', () => {
    const session = makeSession({ status: 'SUCCEEDED', refunds: [makeRefund({ status: 'PENDING' })] });
    expect(nextPollDelay(state({ session }))).toBe(false);
    expect(nextPollDelay(state({ session }), { followRefunds: true })).toBe(15_000);
    expect(nextPollDelay(state({ session }), { followRefunds: { pollInterval: 3_000 } })).toBe(3_000);
  });

  it('stops following refunds once all have settled', () => {
    const session = makeSession({ status: 'REFUNDED', refunds: [makeRefund({ status: 'SUCCEEDED' })] });
    expect(nextPollDelay(state({ session }), { followRefunds: true })).toBe(false);
  });
});

describe('shouldRetry', () => {
  it('retries retryable errors three times by default', () => {
    expect([0, 1, 2, 3].map((count) => shouldRetry(count, serverError, undefined))).toEqual([true, true, true, false]);
  });

  it('never retries a final error, whatever the budget', () => {
    expect(shouldRetry(0, notFound, true)).toBe(false);
  });

  it('honours retry: false, 0, a number and true', () => {
    expect(shouldRetry(0, serverError, false)).toBe(false);
    expect(shouldRetry(0, serverError, 0)).toBe(false);
    expect(shouldRetry(4, serverError, 5)).toBe(true);
    expect(shouldRetry(1_000, serverError, true)).toBe(true);
  });
});

describe('backoffDelay', () => {
  it('doubles from 1 s with jitter between half and all of the step', () => {
    expect(backoffDelay(0, serverError, () => 0)).toBe(500);
    expect(backoffDelay(0, serverError, () => 1)).toBe(1_000);
    expect(backoffDelay(2, serverError, () => 1)).toBe(4_000);
  });

  it('is capped at 30 s', () => {
    expect(backoffDelay(20, serverError, () => 1)).toBe(30_000);
  });

  it('uses Retry-After when the server sent one', () => {
    const rateLimited = new CheckoutApiError({ kind: 'rate_limited', message: 'x', retryAfterMs: 4_000 });
    expect(backoffDelay(0, rateLimited, () => 0)).toBe(4_000);
  });
});

describe('retryDelayFor', () => {
  it('never lets a custom retryDelay undercut Retry-After', () => {
    const rateLimited = new CheckoutApiError({ kind: 'rate_limited', message: 'x', retryAfterMs: 4_000 });
    expect(retryDelayFor(0, rateLimited, 10)).toBe(4_000);
    expect(retryDelayFor(0, rateLimited, () => 10)).toBe(4_000);
    expect(retryDelayFor(0, serverError, () => 10)).toBe(10);
  });
});

describe('pollPhase', () => {
  it('gives an id the same place in the period every time', () => {
    expect(pollPhase(sessionIdHash('cs_123'), 20)).toBe(pollPhase(sessionIdHash('cs_123'), 20));
  });

  it.each([
    ['sequential', (index: number) => `cs_${index}`],
    // Ids scrambled by multiplying the index by odd constants: random-looking, the same on every run.
    ['random', (index: number) => `cs_live_${(Math.imul(index + 1, 0x9e3779b1) >>> 0).toString(36)}${(Math.imul(index + 7, 0x85ebca6b) >>> 0).toString(36)}`],
  ])('spreads many %s ids evenly over a hundred places in the period', (_kind, idAt) => {
    const places = new Map<number, number>();
    for (let index = 0; index < 10_000; index += 1) {
      const phase = pollPhase(sessionIdHash(idAt(index)), 100);
      places.set(phase, (places.get(phase) ?? 0) + 1);
    }
    expect([...places.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, place) => place / 100));
    for (const count of places.values()) expect(count).toBeGreaterThan(70);
  });
});

describe('pollPlaces', () => {
  it('polls fifty sessions at each place up to a thousand sessions, then thirty, from one place up to a hundred', () => {
    expect([1, 50, 51, 100, 101, 999, 1_000, 1_001, 3_000, 3_001, 10_000].map(pollPlaces)).toEqual([1, 1, 2, 2, 3, 20, 20, 34, 100, 100, 100]);
  });
});

describe('spreadPollTime', () => {
  const phase = 0.25;
  /** A session whose last answer came at `at`: its first, or a later one. */
  const answered = (at: number, { first }: { first: boolean }) => ({
    dataUpdatedAt: at,
    errorUpdatedAt: 0,
    dataUpdateCount: first ? 1 : 5,
    errorUpdateCount: 0,
  });

  it('polls on the session\'s own place in each period', () => {
    // Answered at 10,100 ms; its place is a quarter into each second; at least a quarter period on: 10,250 is too soon, 11,250.
    expect(spreadPollTime(1_000, phase, answered(10_100, { first: false }), 10_100)).toBe(11_250);
  });

  it('keeps one poll per period once on its place, even when the answer comes late', () => {
    expect(spreadPollTime(1_000, phase, answered(11_260, { first: false }), 11_260)).toBe(12_250);
    expect(spreadPollTime(1_000, phase, answered(11_900, { first: false }), 11_900)).toBe(12_250);
  });

  it('waits a whole period after the first answer, as unspread polling does', () => {
    expect(spreadPollTime(1_000, phase, answered(10_000, { first: true }), 10_000)).toBe(11_250);
    expect(spreadPollTime(1_000, phase, answered(10_300, { first: true }), 10_300)).toBe(12_250);
  });

  it('gives the same time whenever it is asked between two polls', () => {
    const asked = [10_100, 10_400, 10_990].map((now) => spreadPollTime(1_000, phase, answered(10_100, { first: false }), now));
    expect(new Set(asked)).toEqual(new Set([11_250]));
  });

  it('counts from the last failure when it came after the last data', () => {
    const failedLater = { ...answered(10_100, { first: false }), errorUpdatedAt: 11_100, errorUpdateCount: 1 };
    expect(spreadPollTime(1_000, phase, failedLater, 11_100)).toBe(12_250);
  });

  it('never asks for a timer shorter than a quarter period', () => {
    const now = 11_200;
    expect(spreadPollTime(1_000, phase, answered(10_100, { first: false }), now) - now).toBeGreaterThanOrEqual(250);
  });
});
