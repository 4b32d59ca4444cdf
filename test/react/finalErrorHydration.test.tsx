import { dehydrate, QueryClient, QueryClientProvider, type DehydratedState } from '@tanstack/react-query';
import { act, render, renderHook, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { CheckoutSessionStatus } from '../../src/components/CheckoutSessionStatus/CheckoutSessionStatus';
import { CheckoutApiError, type CheckoutApiErrorKind } from '../../src/core/errors';
import { CheckoutSessionHydrationBoundary } from '../../src/react/CheckoutSessionHydrationBoundary';
import { CheckoutClientProvider } from '../../src/react/context';
import { dehydrateCheckoutSessions } from '../../src/react/dehydrateCheckoutSessions';
import { checkoutSessionKeys, checkoutSessionQueryOptions } from '../../src/react/queryOptions';
import { useCheckoutSession } from '../../src/react/useCheckoutSession';
import {
  errorResponse,
  makeSession,
  mockNonJson,
  mockSession,
  mockSessionEndpoint,
  mockSessionError,
  type SessionRequestInfo,
} from '../../src/testing';
import { makeQueryClient, makeTestClient } from '../support/renderWithClient';
import { setupMswServer } from '../support/server';

const server = setupMswServer();
const client = makeTestClient();

/** The server's side: one prefetch with the kit's options, dehydrated, sent as the JSON an RSC payload would carry. */
async function serverState(sessionId: string): Promise<DehydratedState> {
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery(checkoutSessionQueryOptions(client, sessionId));
  return JSON.parse(JSON.stringify(dehydrateCheckoutSessions(queryClient))) as DehydratedState;
}

function Page({ queryClient, state, sessionId }: { queryClient: QueryClient; state: DehydratedState; sessionId: string }) {
  return (
    <QueryClientProvider client={queryClient}>
      <CheckoutClientProvider client={client}>
        <CheckoutSessionHydrationBoundary state={state}>
          <CheckoutSessionStatus sessionId={sessionId} pollInterval={1_000} />
        </CheckoutSessionHydrationBoundary>
      </CheckoutClientProvider>
    </QueryClientProvider>
  );
}

describe('final errors that hydrate', () => {
  afterEach(() => vi.useRealTimers());

  it('shows a 404 the server saw in the server HTML and in the browser, and the browser never asks for it', async () => {
    const requests: SessionRequestInfo[] = [];
    server.use(mockSessionEndpoint(errorResponse(404), { onRequest: (info) => requests.push(info) }));
    const state = await serverState('cs_missing');
    expect(requests).toHaveLength(1);

    expect(renderToString(<Page queryClient={makeQueryClient()} state={state} sessionId="cs_missing" />)).toContain(
      'data-kind="not_found"',
    );

    vi.useFakeTimers();
    render(<Page queryClient={makeQueryClient()} state={state} sessionId="cs_missing" />);
    expect(screen.getByRole('alert').dataset.kind).toBe('not_found');
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(requests).toHaveLength(1);
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
  ] as const)('gives the hook a %i from the server as a CheckoutApiError of kind %s, with its message and status', async (status, kind) => {
    server.use(mockSessionError(status));
    const state = await serverState('cs_1');
    const queryClient = makeQueryClient();
    const { result } = renderHook(() => useCheckoutSession('cs_1'), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={queryClient}>
          <CheckoutClientProvider client={client}>
            <CheckoutSessionHydrationBoundary state={state}>{children}</CheckoutSessionHydrationBoundary>
          </CheckoutClientProvider>
        </QueryClientProvider>
      ),
    });
    const seen = result.current.error;
    expect(seen).toBeInstanceOf(CheckoutApiError);
    expect(seen).toMatchObject({ kind, status, retryable: false });
    expect(seen?.message).toMatch(/\w/);
  });

  it('gives back an unreadable body as kind invalid_response, and sends nothing for it', async () => {
    const requests: SessionRequestInfo[] = [];
    server.use(mockNonJson(undefined, { onRequest: (info) => requests.push(info) }));
    const state = await serverState('cs_1');
    vi.useFakeTimers();
    render(<Page queryClient={makeQueryClient()} state={state} sessionId="cs_1" />);
    expect(screen.getByRole('alert').dataset.kind).toBe<CheckoutApiErrorKind>('invalid_response');
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(requests).toHaveLength(1);
  });

  it('leaves a retryable error out of the state, so the browser asks again for it', async () => {
    server.use(mockSessionError(500));
    const queryClient = new QueryClient();
    await queryClient.prefetchQuery({ ...checkoutSessionQueryOptions(client, 'cs_1'), retry: false });
    expect(dehydrateCheckoutSessions(queryClient).queries).toEqual([]);
  });

  it('still dehydrates what React Query does by default, and follows a shouldDehydrateQuery of yours for other queries', async () => {
    server.use(mockSession(makeSession({ id: 'cs_ok' })));
    const queryClient = new QueryClient();
    await queryClient.prefetchQuery(checkoutSessionQueryOptions(client, 'cs_ok'));
    queryClient.setQueryData(['cart'], { items: 2 });
    const keys = (state: DehydratedState) => state.queries.map((query) => query.queryKey);

    expect(keys(dehydrateCheckoutSessions(queryClient))).toEqual(keys(dehydrate(queryClient)));
    const onlyCart = { shouldDehydrateQuery: (query: { queryKey: readonly unknown[] }) => query.queryKey[0] === 'cart' };
    expect(keys(dehydrateCheckoutSessions(queryClient, onlyCart))).toEqual([['cart']]);
    expect(keys(dehydrateCheckoutSessions(queryClient, onlyCart))).not.toContainEqual(checkoutSessionKeys.detail('cs_ok'));
  });
});
