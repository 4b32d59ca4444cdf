'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { CheckoutClientProvider, createCheckoutClient } from 'react-checkout-session';

/**
 * The browser's token, from the app's own route handler (app/api/checkout-token/route.ts),
 * which reads the httpOnly cookie: it is asked when a request is sent, never built into the
 * bundle. Without one the kit reports `unauthorized`, as a 401 would.
 */
async function browserToken(): Promise<string> {
  const response = await fetch('/api/checkout-token', { cache: 'no-store' });
  return response.ok ? ((await response.json()) as { token: string }).token : '';
}

/** One QueryClient and one CheckoutClient per browser tab (and per server render). */
export function CheckoutProviders({ apiBaseUrl, children }: { apiBaseUrl: string; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  const [checkoutClient] = useState(() => createCheckoutClient({ baseUrl: apiBaseUrl, token: browserToken }));
  return (
    <QueryClientProvider client={queryClient}>
      <CheckoutClientProvider client={checkoutClient}>{children}</CheckoutClientProvider>
    </QueryClientProvider>
  );
}
