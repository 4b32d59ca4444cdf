import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import { StrictMode, type ReactElement, type ReactNode } from 'react';
import { createCheckoutClient, type CheckoutClient, type CheckoutClientOptions } from '../../src/core/client';
import { CheckoutClientProvider } from '../../src/react/context';
import { TEST_API, TEST_TOKEN } from './server';

export function makeTestClient(options: Partial<CheckoutClientOptions> = {}): CheckoutClient {
  return createCheckoutClient({ baseUrl: TEST_API, token: TEST_TOKEN, ...options });
}

export function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
}

interface Options extends Omit<RenderOptions, 'wrapper'> {
  queryClient?: QueryClient;
  client?: CheckoutClient;
  strict?: boolean;
}

/** Renders inside a QueryClientProvider and a CheckoutClientProvider talking to the MSW API. */
export function renderWithClient(ui: ReactElement, options: Options = {}) {
  // The unit-react18 project sets RENDER_STRICT=1: the whole suite again, in StrictMode.
  const strictByDefault = process.env.RENDER_STRICT === '1';
  const { queryClient = makeQueryClient(), client = makeTestClient(), strict = strictByDefault, ...renderOptions } = options;
  function Wrapper({ children }: { children: ReactNode }) {
    const tree = (
      <QueryClientProvider client={queryClient}>
        <CheckoutClientProvider client={client}>{children}</CheckoutClientProvider>
      </QueryClientProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  }
  return { ...render(ui, { wrapper: Wrapper, ...renderOptions }), queryClient, client };
}
