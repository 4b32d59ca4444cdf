'use client';
import { useMemo } from 'react';
import type { CheckoutClient } from '../core/client';
import { checkoutSessionQueryOptions, type CheckoutSessionPolicy } from './queryOptions';
import type { SessionQueryOptions } from './sessionResult';

/**
 * {@link checkoutSessionQueryOptions} for a hook's session, made again only when the client, the
 * id or a field of the policy changes, not on each render: React Query calls these functions on
 * every poll, and a dashboard row's are then the ones its first render made. At 3,000 rows
 * options made anew when each row's data came measured about a tenth more main thread per poll.
 */
export function useSessionQueryOptions(client: CheckoutClient, sessionId: string, policy: CheckoutSessionPolicy): SessionQueryOptions {
  return useMemo(
    () => checkoutSessionQueryOptions(client, sessionId, policy),
    // The policy object is new on each render; its fields are what the options depend on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, sessionId, policy.pollInterval, policy.maxPollDuration, policy.followRefunds, policy.retry, policy.retryDelay],
  );
}
