import { isCheckoutApiError, retryAfterOf, type CheckoutApiError } from './errors';
import type { CheckoutSession } from './schema';
import { hasPendingRefunds, isTerminalStatus } from './status';

/**
 * Milliseconds between polls, or a function of the latest session and the attempt (0-based)
 * that returns the delay, or `false` to stop polling.
 *
 * @example
 * useCheckoutSession(id, { pollInterval: (session, attempt) => (attempt < 10 ? 1_000 : 10_000) });
 */
export type PollInterval =
  | number
  | ((session: CheckoutSession | undefined, attempt: number) => number | false);

/**
 * How often and for how long a session is polled: options of {@link useCheckoutSession} and its relatives.
 *
 * @example
 * const policy: PollingPolicy = { pollInterval: 1_000, maxPollDuration: 5 * 60_000, followRefunds: true };
 */
export interface PollingPolicy {
  /**
   * Milliseconds between polls, or a function of (session, attempt). Default: {@link defaultPollInterval}.
   * 0 or less (or NaN) stops polling after the first answer, as React Query's `refetchInterval: 0` does.
   */
  pollInterval?: PollInterval | undefined;
  /** Milliseconds since polling began after which it stops for good, keeping the data. Default 15 minutes. */
  maxPollDuration?: number | undefined;
  /** After a terminal status, keep polling (every 15 s by default) while a refund is PENDING. */
  followRefunds?: boolean | { pollInterval?: number } | undefined;
}

/**
 * How retryable failures (5xx, timeout, network, 429) are tried again before polling resumes.
 *
 * @example
 * const policy: RetryPolicy = { retry: 5, retryDelay: (attempt) => 500 * 2 ** attempt };
 */
export interface RetryPolicy {
  /** For retryable errors only (5xx, timeout, network, 429). `true` retries without end. Default 3. */
  retry?: boolean | number | undefined;
  /** Milliseconds before retry `attempt` (0-based). Default: {@link backoffDelay}. */
  retryDelay?: number | ((attempt: number, error: CheckoutApiError) => number) | undefined;
}

export interface PollState {
  session: CheckoutSession | undefined;
  error: unknown;
  /** Polls completed so far, successful or not. */
  attempt: number;
  /** Milliseconds since this session's polling began. */
  elapsedMs: number;
}

const FAST_POLL_INTERVAL_MS = 2_000;
const SLOW_POLL_INTERVAL_MS = 5_000;
/** About the first minute at 2 s: the shopper is looking at the page, waiting. */
const FAST_POLL_ATTEMPTS = 30;
/**
 * How long polling goes on by default (15 minutes), counted from the first enabled watcher.
 *
 * @example
 * useCheckoutSession(id, { maxPollDuration: 2 * DEFAULT_MAX_POLL_DURATION_MS });
 */
export const DEFAULT_MAX_POLL_DURATION_MS = 15 * 60_000;
/**
 * The default period (15 s) of `followRefunds` polling, after a terminal status while a refund is PENDING.
 *
 * @example
 * useCheckoutSession(id, { followRefunds: { pollInterval: 4 * DEFAULT_REFUND_POLL_INTERVAL_MS } });
 */
export const DEFAULT_REFUND_POLL_INTERVAL_MS = 15_000;
/**
 * Retries of a retryable failure (3) before polling resumes at its cadence.
 *
 * @example
 * useCheckoutSession(id, { retry: DEFAULT_RETRY_COUNT + 2 });
 */
export const DEFAULT_RETRY_COUNT = 3;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;

/**
 * The default cadence for a shopper waiting on a confirmation page: every 2 s for about the
 * first minute, when most sessions settle, then every 5 s.
 *
 * @example
 * // The default cadence, but a slow one for a status the kit does not know.
 * useCheckoutSession(id, {
 *   pollInterval: (session, attempt) =>
 *     session?.status === 'AWAITING_CAPTURE' ? 30_000 : defaultPollInterval(session, attempt),
 * });
 */
export function defaultPollInterval(_session: CheckoutSession | undefined, attempt: number): number {
  return attempt < FAST_POLL_ATTEMPTS ? FAST_POLL_INTERVAL_MS : SLOW_POLL_INTERVAL_MS;
}

/** An error that no amount of asking again will fix: 401, 403, 404, a body the kit cannot read. */
function isFinalError(error: unknown): boolean {
  return error != null && !(isCheckoutApiError(error) && error.retryable);
}

function refundPollInterval(followRefunds: PollingPolicy['followRefunds']): number | false {
  if (!followRefunds) return false;
  return (typeof followRefunds === 'object' && followRefunds.pollInterval) || DEFAULT_REFUND_POLL_INTERVAL_MS;
}

/**
 * When to poll next, or `false` to stop for good: at a terminal status (unless refunds are
 * followed and one is still PENDING), on a final error, or after `maxPollDuration`. After a
 * 429, never sooner than its Retry-After.
 */
export function nextPollDelay(state: PollState, policy: PollingPolicy = {}): number | false {
  if (isFinalError(state.error)) return false;

  let delay: number | false;
  if (state.session && isTerminalStatus(state.session.status)) {
    delay = hasPendingRefunds(state.session) ? refundPollInterval(policy.followRefunds) : false;
  } else if (typeof policy.pollInterval === 'function') {
    delay = policy.pollInterval(state.session, state.attempt);
  } else {
    delay = policy.pollInterval ?? defaultPollInterval(state.session, state.attempt);
  }
  // As React Query's refetchInterval: 0 never polls, neither do 0, less and NaN; and the
  // isPolling flag says so, instead of promising polls that no timer would make.
  if (delay === false || !(delay > 0)) return false;

  const next = Math.max(delay, retryAfterOf(state.error) ?? 0);
  // A poll that would land at or past maxPollDuration is not made: polling ends on the last one before.
  const maxPollDuration = policy.maxPollDuration ?? DEFAULT_MAX_POLL_DURATION_MS;
  return state.elapsedMs + next >= maxPollDuration ? false : next;
}

/** Whether to retry after `failureCount` failed tries; final errors never are. */
export function shouldRetry(failureCount: number, error: unknown, retry: RetryPolicy['retry']): boolean {
  if (isFinalError(error)) return false;
  const budget = retry === true ? Infinity : retry === false ? 0 : (retry ?? DEFAULT_RETRY_COUNT);
  return failureCount < budget;
}

/**
 * Capped exponential backoff with jitter (1 s, 2 s, 4 s … up to 30 s, each between half and
 * all of that), so many dashboards do not retry in step. A 429's Retry-After wins.
 *
 * @example
 * // The default backoff, capped at 5 s.
 * useCheckoutSession(id, { retryDelay: (attempt, error) => Math.min(backoffDelay(attempt, error), 5_000) });
 */
export function backoffDelay(attempt: number, error: CheckoutApiError, random: () => number = Math.random): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs;
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function retryDelayFor(attempt: number, error: CheckoutApiError, retryDelay: RetryPolicy['retryDelay']): number {
  // Retry-After is the server's word on when it will answer: a custom delay may not undercut it.
  if (retryDelay === undefined) return backoffDelay(attempt, error);
  return Math.max(typeof retryDelay === 'number' ? retryDelay : retryDelay(attempt, error), error.retryAfterMs ?? 0);
}

/**
 * Sessions polled together at one place of a period. Sessions that share a place leave in the
 * same tick, so their timers and answers are handled together, as React Query's are when every
 * poll leaves at once: a board of 100 at twenty places of five cost it twice the main thread of
 * two places of fifty.
 */
const SESSIONS_PER_PLACE = 50;
/**
 * Past 1,000 sessions, places of 30: within what a client sends at once (32 by default). At
 * 3,000 sessions, twenty places of 150 queued 118 of each behind the client's cap, and the board
 * cost about a tenth more than at a hundred places of 30; at 100 sessions, places of 25 cost
 * more than places of 50.
 */
const SESSIONS_PER_PLACE_PAST_1000 = 30;
/** At most a hundred places: at 1 s, ten milliseconds apart. */
const MAX_POLL_PLACES = 100;

/**
 * How many places in a period `watchedSessions` (at least one) poll at: one per
 * {@link SESSIONS_PER_PLACE} sessions up to 1,000 sessions (twenty places), then one per
 * {@link SESSIONS_PER_PLACE_PAST_1000}, up to {@link MAX_POLL_PLACES}.
 */
export function pollPlaces(watchedSessions: number): number {
  const perPlace = watchedSessions > 1_000 ? SESSIONS_PER_PLACE_PAST_1000 : SESSIONS_PER_PLACE;
  return Math.min(MAX_POLL_PLACES, Math.ceil(watchedSessions / perPlace));
}

/**
 * FNV-1a of the id: the same on every page load, and its remainders spread evenly over many
 * ids, sequential ones (cs_1, cs_2, …) included, so {@link pollPhase} can pick a place from it.
 */
export function sessionIdHash(sessionId: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < sessionId.length; index += 1) {
    hash = Math.imul(hash ^ sessionId.charCodeAt(index), 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Where in each period a session polls, as a fraction of the period: one of `places`, picked
 * by its {@link sessionIdHash}, so a board's sessions take turns instead of leaving in one tick.
 */
export function pollPhase(idHash: number, places: number): number {
  return (idHash % places) / places;
}

/** What {@link spreadPollTime} reads of a session's answers: React Query's query state has these fields. */
export interface SessionAnswers {
  /** When the last data, and the last failure, arrived (0 for none). */
  dataUpdatedAt: number;
  errorUpdatedAt: number;
  /** Answers so far: after the first, the next poll waits a whole period, as unspread polls do. */
  dataUpdateCount: number;
  errorUpdateCount: number;
}

/**
 * When to poll next, as an absolute time, for a session polled among many: on its own
 * {@link pollPhase} of a grid of `delay` ms (the policy's delay for this poll), so that N
 * sessions polled every period leave spread evenly across it and come back to their places
 * after anything that bunched them (a first load, a return to the page, a Retry-After). At least a quarter period after the last answer (a whole one after the first),
 * so an answer up to three quarters of a period late, on a busy page or a slow API, keeps the
 * session on its place instead of skipping a period; and not sooner than a quarter period from `now`:
 * React Query repeats an interval that found nothing to do (a hidden page) at the same delay,
 * which must not become a busy loop.
 */
export function spreadPollTime(delay: number, phase: number, answers: SessionAnswers, now: number): number {
  const offset = phase * delay;
  const settledAt = Math.max(answers.dataUpdatedAt, answers.errorUpdatedAt);
  const first = answers.dataUpdateCount + answers.errorUpdateCount <= 1;
  const earliest = Math.max(settledAt + (first ? delay : delay / 4), now + delay / 4);
  return offset + Math.ceil((earliest - offset) / delay) * delay;
}
