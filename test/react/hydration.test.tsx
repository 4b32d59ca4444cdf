import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { CheckoutClientProvider } from '../../src/react/context';
import { checkoutSessionQueryOptions } from '../../src/react/queryOptions';
import { useCheckoutSession } from '../../src/react/useCheckoutSession';
import { makeSession, mockSessionSequence, type SessionRequestInfo } from '../../src/testing';
import { makeQueryClient, makeTestClient } from '../support/renderWithClient';
import { setupMswServer } from '../support/server';

const server = setupMswServer();

function Status() {
  const { data } = useCheckoutSession('cs_1', { pollInterval: 1_000 });
  return <p>status:{data?.status ?? 'none'}</p>;
}

describe('server rendering and hydration', () => {
  it('renders a prefetched session on the server and hydrates it without asking again', async () => {
    const requests: SessionRequestInfo[] = [];
    server.use(
      mockSessionSequence([makeSession({ id: 'cs_1' }), makeSession({ id: 'cs_1', status: 'SUCCEEDED' })], {
        onRequest: (info) => requests.push(info),
      }),
    );
    const client = makeTestClient();

    // The server: prefetch with the hook's own options, render, dehydrate.
    const serverQueryClient = new QueryClient();
    await serverQueryClient.prefetchQuery(checkoutSessionQueryOptions(client, 'cs_1'));
    const state = dehydrate(serverQueryClient);
    const tree = (queryClient: QueryClient) => (
      <QueryClientProvider client={queryClient}>
        <CheckoutClientProvider client={client}>
          <HydrationBoundary state={state}>
            <Status />
          </HydrationBoundary>
        </CheckoutClientProvider>
      </QueryClientProvider>
    );
    expect(renderToString(tree(serverQueryClient))).toContain('status:<!-- -->PENDING');
    expect(requests).toHaveLength(1);

    // The browser: the hydrated data shows at once, with no second request for it.
    vi.useFakeTimers();
    try {
      render(tree(makeQueryClient()));
      expect(screen.getByText(/^status:/).textContent).toBe('status:PENDING');
      await act(() => vi.advanceTimersByTimeAsync(500));
      expect(requests).toHaveLength(1);
      // Polling carries on from the hydrated data.
      await act(() => vi.advanceTimersByTimeAsync(1_000));
      expect(screen.getByText(/^status:/).textContent).toBe('status:SUCCEEDED');
      expect(requests).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
