'use client';
import { createContext, useContext, type ReactNode } from 'react';
import type { CheckoutClient } from '../core/client';

const CheckoutClientContext = createContext<CheckoutClient | null>(null);

/**
 * Props of {@link CheckoutClientProvider}.
 *
 * @example
 * ```tsx
 * // One client for the app's lifetime: a client made per render would drop its queue and any Retry-After hold.
 * const client = createCheckoutClient({ baseUrl: 'https://api.example.com', token: () => auth.getAccessToken() });
 * const props: CheckoutClientProviderProps = { client, children: <CheckoutSessionStatus sessionId={sessionId} /> };
 * <CheckoutClientProvider {...props} />;
 * ```
 */
export interface CheckoutClientProviderProps {
  client: CheckoutClient;
  children?: ReactNode;
}

/**
 * Makes a {@link CheckoutClient} available to every hook and component below it.
 *
 * @example
 * <QueryClientProvider client={queryClient}>
 *   <CheckoutClientProvider client={createCheckoutClient({ baseUrl, token })}>
 *     <App />
 *   </CheckoutClientProvider>
 * </QueryClientProvider>
 */
export function CheckoutClientProvider({ client, children }: CheckoutClientProviderProps) {
  return <CheckoutClientContext.Provider value={client}>{children}</CheckoutClientContext.Provider>;
}

/** The client passed in options, else the provider's; with neither, an error that names the fix. */
export function useResolvedCheckoutClient(client: CheckoutClient | undefined, caller: string): CheckoutClient {
  const fromContext = useContext(CheckoutClientContext);
  const resolved = client ?? fromContext;
  if (!resolved) {
    throw new Error(
      `${caller} has no CheckoutClient: pass { client } in its options, or wrap the tree in <CheckoutClientProvider>.`,
    );
  }
  return resolved;
}
