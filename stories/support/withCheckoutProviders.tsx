import type { Decorator } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createCheckoutClient } from '../../src/core/client';
import { CheckoutClientProvider } from '../../src/react/context';

/** The base URL the stories' MSW handlers answer; nothing leaves the browser. */
export const STORY_API = 'https://api.example.com';

/**
 * A fresh QueryClient and CheckoutClient per story render, so one story's cache and
 * polling never leak into the next. Not shared across tabs (`crossTab: false`): the test
 * runner's iframes are tabs of one origin, and a story following the same session id in
 * another iframe would otherwise poll for this one, with its own MSW script.
 */
function CheckoutProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  const [client] = useState(() => createCheckoutClient({ baseUrl: STORY_API, token: 'story-token', crossTab: false }));
  return (
    <QueryClientProvider client={queryClient}>
      <CheckoutClientProvider client={client}>{children}</CheckoutClientProvider>
    </QueryClientProvider>
  );
}

// Args-agnostic: it wraps stories of any component, and Decorator's args are invariant.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const withCheckoutProviders: Decorator<any> = (Story) => (
  <CheckoutProviders>
    <Story />
  </CheckoutProviders>
);
