import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { CheckoutClientProvider, createCheckoutClient } from 'react-checkout-session';
import 'react-checkout-session/styles.css';
import './page.css';

// What both example apps share: settings from the page's URL, the clients, and mounting.

export const params = new URLSearchParams(window.location.search);

/** A positive number from the URL (`?pollInterval=500`), else `fallback`. */
export function numberParam<Fallback extends number | undefined>(name: string, fallback: Fallback): number | Fallback {
  const value = Number(params.get(name));
  return params.has(name) && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** A tag that makes the scripted session ids of this page load fresh ones (`?run=` fixes it). */
export const runTag = params.get('run') ?? Math.random().toString(36).slice(2, 7);

/** Where the demo API listens. `?api=` may point elsewhere, but only at this machine. */
const requestedApi = params.get('api');
const configuredApi = import.meta.env.VITE_CHECKOUT_API ?? 'http://127.0.0.1:4010';
export const apiBaseUrl =
  requestedApi && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(requestedApi)
    ? requestedApi
    : // 'same-origin': the app's server passes /api on to the API (scripts/examples-stack.mjs).
      configuredApi === 'same-origin'
      ? window.location.origin
      : configuredApi;

/** A real app asks its auth layer; the demo reads localStorage so a test can plant a bad token. */
export const TOKEN_STORAGE_KEY = 'checkout-demo-token';
const checkoutClient = createCheckoutClient({
  baseUrl: apiBaseUrl,
  token: () => window.localStorage.getItem(TOKEN_STORAGE_KEY) ?? 'demo-token',
  // `?crossTab=0`: each tab polls alone, to compare with tabs sharing one poller (the default).
  crossTab: params.get('crossTab') !== '0',
});
const queryClient = new QueryClient();

export function mountExample(app: ReactNode) {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <CheckoutClientProvider client={checkoutClient}>{app}</CheckoutClientProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
