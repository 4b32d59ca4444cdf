import type { CheckoutSession, SessionStatus } from './schema';

const TERMINAL_STATUSES: ReadonlySet<string> = new Set<SessionStatus>([
  'SUCCEEDED',
  'FAILED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'REVERSED',
]);

/**
 * Whether a session status is final. PENDING and any status the kit does not know are not:
 * an unknown value keeps polling until the API says something the kit understands.
 *
 * @example isTerminalStatus('SUCCEEDED') // true
 */
export function isTerminalStatus(status: SessionStatus | null | undefined): boolean {
  return status != null && TERMINAL_STATUSES.has(status);
}

/**
 * Whether `answer` is older than the session already shown: PENDING again after the session
 * settled, which a session never does. Answers can come out of order where tabs share a poller:
 * one tab's request may leave before another tab's answer settles the session, and come back
 * after it.
 *
 * @example
 * isOlderAnswer(makeSession({ status: 'PENDING' }), makeSession({ status: 'SUCCEEDED' })) // true
 */
export function isOlderAnswer(answer: CheckoutSession, shown: CheckoutSession | undefined): boolean {
  return answer.status === 'PENDING' && isTerminalStatus(shown?.status);
}

/**
 * Whether any refund of the session is still PENDING.
 *
 * @example
 * hasPendingRefunds(sessionFixtures.referenceExample) // true: its one refund is PENDING
 */
export function hasPendingRefunds(session: CheckoutSession): boolean {
  return session.refunds?.some((refund) => refund.status === 'PENDING') ?? false;
}

/**
 * Turns an API code into words for codes no dictionary knows: `AWAITING_CAPTURE` becomes
 * "Awaiting capture". Never returns an empty string, so a badge is never blank.
 *
 * @example
 * humanizeCode('AWAITING_CAPTURE') // "Awaiting capture"
 */
export function humanizeCode(code: string): string {
  const words = code.replace(/[_\-\s]+/g, ' ').trim().toLowerCase();
  if (words === '') return 'Unknown';
  return words.charAt(0).toUpperCase() + words.slice(1);
}
