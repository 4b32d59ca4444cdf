import { act } from '@testing-library/react';
import type { SetupServer } from 'msw/node';
import {
  mockSessionSequence,
  type SessionAnswer,
  type SessionHandlerOptions,
  type SessionRequestInfo,
  type SessionResponder,
} from '../../src/testing';

/** Fake timers in every test of the file, real ones restored after each. */
export function installFakeTimers() {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/**
 * Advances fake time inside act(). A mocked answer takes about a millisecond of fake time
 * (MSW's and React Query's own zero-delay timers), so assertions about an answer having
 * arrived leave a few milliseconds after the request, e.g. advance(1_010) for a 1 s poll.
 */
export async function advance(ms: number) {
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

/** Scripts the session endpoint (the nth request gets the nth step) and records every request. */
export function scriptSession(
  server: SetupServer,
  steps: Array<SessionAnswer | SessionResponder>,
  options: Omit<SessionHandlerOptions, 'onRequest'> = {},
): SessionRequestInfo[] {
  const requests: SessionRequestInfo[] = [];
  server.use(mockSessionSequence(steps, { ...options, onRequest: (info) => requests.push(info) }));
  return requests;
}
