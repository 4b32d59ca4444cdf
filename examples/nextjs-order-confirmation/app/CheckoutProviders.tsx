'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { CheckoutClientProvider, createCheckoutClient } from 'react-checkout-session';

/**
 * The browser's token, from the app's own route handler (app/api/checkout-token/route.ts),
 * which reads the httpOnly cookie: asked when the first request is sent, never built into the
 * bundle, then kept for the page (a real app keeps it until it expires), so a poll does not
 * wait for a second round trip. Without one the kit reports `unauthorized`, as a 401 would.
 */
function tokenFromRouteHandler(): () => Promise<string> {
  let kept: string | undefined;
  return async () => {
    if (kept !== undefined) return kept;
    const response = await fetch('/api/checkout-token', { cache: 'no-store' });
    if (!response.ok) return '';
    kept = ((await response.json()) as { token: string }).token;
    return kept;
  };
}

/** One QueryClient and one CheckoutClient per browser tab (and per server render). */
export function CheckoutProviders({ apiBaseUrl, children }: { apiBaseUrl: string; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  const [checkoutClient] = useState(() => createCheckoutClient({ baseUrl: apiBaseUrl, token: tokenFromRouteHandler() }));
  return (
    <QueryClientProvider client={queryClient}>
      <CheckoutClientProvider client={checkoutClient}>{children}</CheckoutClientProvider>
    </QueryClientProvider>
  );
}
