'use client';
import { HydrationBoundary, type HydrationBoundaryProps } from '@tanstack/react-query';
import { useMemo } from 'react';
import { reviveCheckoutSessionErrors } from './dehydrateCheckoutSessions';

/**
 * React Query's `HydrationBoundary` for state from {@link dehydrateCheckoutSessions}: a
 * session's final error is a `CheckoutApiError` of its kind again, so the panel shows the
 * server's message and the kit, seeing a final error, sends no request for it. Render it from
 * a server component; the state it is given is plain data.
 *
 * @example
 * <CheckoutSessionHydrationBoundary state={dehydrateCheckoutSessions(queryClient)}>
 *   <CheckoutSessionStatus sessionId={sessionId} />
 * </CheckoutSessionHydrationBoundary>
 */
export function CheckoutSessionHydrationBoundary({ state, ...props }: HydrationBoundaryProps) {
  // HydrationBoundary hydrates again for a new state object: one per state received.
  const revived = useMemo(() => (state ? reviveCheckoutSessionErrors(state) : state), [state]);
  return <HydrationBoundary {...props} state={revived} />;
}
