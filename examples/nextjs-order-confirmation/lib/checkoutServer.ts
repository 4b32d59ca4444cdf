import { QueryClient } from '@tanstack/react-query';
import { cookies } from 'next/headers';
import { checkoutSessionQueryOptions, createCheckoutClient, dehydrateCheckoutSessions } from 'react-checkout-session';

// The server's side of the checkout API: its address and the shopper's token, both read per
// request, never baked into a bundle.

/** The httpOnly cookie the demo sign-in sets (app/api/demo-sign-in/route.ts). */
export const TOKEN_COOKIE = 'checkout-token';

/** Where the API listens, from the server's environment at run time (scripts/examples-stack.mjs sets it). */
export function apiBaseUrl(): string {
  return process.env.CHECKOUT_API_URL ?? 'http://127.0.0.1:4010';
}

export async function serverToken(): Promise<string | undefined> {
  return (await cookies()).get(TOKEN_COOKIE)?.value;
}

/**
 * Asks the API for the session once, with the kit's own query options, and dehydrates the
 * answer: a session, or a final error (401, 403, 404, unreadable body) that the browser then
 * shows without asking again. The server does not retry: a 5xx is left to the browser, which
 * retries with the kit's backoff while the shopper already sees the page.
 */
export async function prefetchSession(sessionId: string, token: string) {
  const queryClient = new QueryClient();
  const client = createCheckoutClient({ baseUrl: apiBaseUrl(), token });
  await queryClient.prefetchQuery(checkoutSessionQueryOptions(client, sessionId, { retry: false }));
  return dehydrateCheckoutSessions(queryClient);
}
