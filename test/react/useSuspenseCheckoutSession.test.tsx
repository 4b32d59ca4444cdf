import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { Component, Suspense, type ReactNode } from 'react';
import { CheckoutApiError } from '../../src/core/errors';
import { CheckoutClientProvider } from '../../src/react/context';
import { checkoutSessionQueryOptions } from '../../src/react/queryOptions';
import { useSuspenseCheckoutSession } from '../../src/react/useSuspenseCheckoutSession';
import { errorResponse, makeSession } from '../../src/testing';
import { advance, installFakeTimers, scriptSession } from '../support/fakeTime';
import { makeQueryClient, makeTestClient } from '../support/renderWithClient';
import { setupMswServer } from '../support/server';

const server = setupMswServer();
installFakeTimers();
const client = makeTestClient();

class CatchError extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    const { error } = this.state;
    return error ? <p>caught:{error instanceof CheckoutApiError ? error.kind : 'other'}</p> : this.props.children;
  }
}

function Status({ sessionId }: { sessionId: string }) {
  const { data, isTerminal, isPolling } = useSuspenseCheckoutSession(sessionId, { pollInterval: 1_000 });
  return <p>{`status:${data.status} terminal:${isTerminal} polling:${isPolling}`}</p>;
}

function renderStatus(queryClient = makeQueryClient(), children: ReactNode = <Status sessionId="cs_1" />) {
  return render(
    <QueryClientProvider client={queryClient}>
      <CheckoutClientProvider client={client}>
        <CatchError>
          <Suspense fallback={<p>waiting</p>}>{children}</Suspense>
        </CatchError>
      </CheckoutClientProvider>
    </QueryClientProvider>,
  );
}

describe('useSuspenseCheckoutSession', () => {
  it('suspends until the first answer, then shows the session', async () => {
    scriptSession(server, [makeSession({ id: 'cs_1' })]);
    renderStatus();
    expect(screen.getByText('waiting')).toBeInTheDocument();
    await advance(10);
    expect(screen.getByText('status:PENDING terminal:false polling:true')).toBeInTheDocument();
  });

  it('polls once per period after the first answer and stops for good at a terminal status', async () => {
    const requests = scriptSession(server, [makeSession({ id: 'cs_1' }), makeSession({ id: 'cs_1', status: 'SUCCEEDED' })]);
    renderStatus();
    await advance(10);
    await advance(1_010);
    expect(screen.getByText('status:SUCCEEDED terminal:true polling:false')).toBeInTheDocument();
    expect(requests).toHaveLength(2);
    await advance(20_000);
    expect(requests).toHaveLength(2);
  });

  it('renders a session hydrated from the server at once, without suspending or asking for it', async () => {
    const requests = scriptSession(server, [makeSession({ id: 'cs_1' })]);
    const serverQueryClient = new QueryClient();
    await serverQueryClient.prefetchQuery(checkoutSessionQueryOptions(client, 'cs_1'));
    renderStatus(
      makeQueryClient(),
      <HydrationBoundary state={dehydrate(serverQueryClient)}>
        <Status sessionId="cs_1" />
      </HydrationBoundary>,
    );
    expect(screen.getByText('status:PENDING terminal:false polling:true')).toBeInTheDocument();
    await advance(500);
    expect(requests).toHaveLength(1);
  });

  it('throws a final error to the error boundary as a CheckoutApiError of its kind, and asks nothing more', async () => {
    const requests = scriptSession(server, [errorResponse(404)]);
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error
    renderStatus();
    await advance(10);
    expect(screen.getByText('caught:not_found')).toBeInTheDocument();
    await advance(20_000);
    expect(requests).toHaveLength(1);
  });
});
