import { act, screen } from '@testing-library/react';
import type { SetupServer } from 'msw/node';
import {
  mockSessionSequence,
  type SessionAnswer,
  type SessionHandlerOptions,
  type SessionRequestInfo,
  type SessionResponder,
} from '../../src/testing';

/**
 * Advances fake time inside act(). A mocked answer takes about a millisecond of fake time, so
 * an assertion that an answer arrived leaves a few milliseconds after its request.
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

/** What the shopper reads in the panel: the badge, or null while there is none. */
export const badgeText = () => document.querySelector('.rcs-badge')?.textContent ?? null;
/** The error the panel shows, or null. */
export const alertText = () => screen.queryByRole('alert')?.textContent ?? null;
