/**
 * `npm run bench`: the data layer's figures, side by side with the way most apps poll today
 * (`useQuery` + `refetchInterval: (q) => terminal ? false : 2000`, default retry, a wrapper
 * that spreads the result). Counts, not timings, so they are exact under fake timers; each
 * row asserts the kit's goal, so a regression fails the run.
 */
import { QueryClientProvider, useQuery, type QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import type { CheckoutClient } from '../../src/core/client';
import { isTerminalStatus } from '../../src/core/status';
import { CheckoutClientProvider } from '../../src/react/context';
import { useCheckoutSession } from '../../src/react/useCheckoutSession';
import { errorResponse, makeSession, mockSessionSequence, type SessionResponder } from '../../src/testing';
import { advance, installFakeTimers } from '../support/fakeTime';
import { makeQueryClient, makeTestClient } from '../support/renderWithClient';
import { setupMswServer } from '../support/server';

const server = setupMswServer();
const PERIOD = 2_000;
const PERIODS = 20;

type Variant = 'baseline' | 'kit';
type Reader = { data: unknown; error: unknown; isTerminal: boolean };

function useBaselineSession(client: CheckoutClient, id: string): Reader {
  const query = useQuery({
    queryKey: ['baseline-session', id],
    queryFn: ({ signal }) => client.getSession(id, { signal }),
    refetchInterval: (q) => (isTerminalStatus(q.state.data?.status) ? false : PERIOD),
  });
  // The common wrapper, and the reason the baseline re-renders on every poll.
  // eslint-disable-next-line @tanstack/query/no-rest-destructuring
  return { ...query, isTerminal: isTerminalStatus(query.data?.status) };
}

function Shown({ data, error, isTerminal }: Reader) {
  return <i>{String(Boolean(data)) + String(Boolean(error)) + String(isTerminal)}</i>;
}

function KitWatcher() {
  const { data, error, isTerminal } = useCheckoutSession('cs_1', { pollInterval: PERIOD });
  return <Shown data={data} error={error} isTerminal={isTerminal} />;
}

function BaselineWatcher({ client }: { client: CheckoutClient }) {
  const { data, error, isTerminal } = useBaselineSession(client, 'cs_1');
  return <Shown data={data} error={error} isTerminal={isTerminal} />;
}

function Watcher({ variant, client }: { variant: Variant; client: CheckoutClient }) {
  return variant === 'kit' ? <KitWatcher /> : <BaselineWatcher client={client} />;
}

function Providers({ queryClient, client, children }: { queryClient: QueryClient; client: CheckoutClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <CheckoutClientProvider client={client}>{children}</CheckoutClientProvider>
    </QueryClientProvider>
  );
}

/** Mounts `watchers` components spread over the first period, with the server following `steps`. */
async function run(variant: Variant, watchers: number, steps: SessionResponder[]) {
  const times: number[] = [];
  server.use(mockSessionSequence(steps, { onRequest: () => times.push(Date.now()) }));
  const queryClient = makeQueryClient();
  const client = makeTestClient();
  let renders = 0;
  render(
    <Providers queryClient={queryClient} client={client}>
      <Profiler id="watchers" onRender={() => (renders += 1)}>
        <Watcher variant={variant} client={client} />
      </Profiler>
    </Providers>,
  );
  for (let index = 1; index < watchers; index += 1) {
    await advance(Math.floor(PERIOD / watchers));
    render(
      <Providers queryClient={queryClient} client={client}>
        <Watcher variant={variant} client={client} />
      </Providers>,
    );
  }
  return { times, renders: () => renders };
}

const pending: SessionResponder = () => Response.json(makeSession({ id: 'cs_1' }));
const succeeded: SessionResponder = () => Response.json(makeSession({ id: 'cs_1', status: 'SUCCEEDED' }));

async function requestsPerPeriod(variant: Variant, watchers: number) {
  const { times } = await run(variant, watchers, [pending]);
  await advance(PERIOD);
  const start = times.length;
  await advance(PERIOD * PERIODS);
  return (times.length - start) / PERIODS;
}

async function requestsAfterTerminal(variant: Variant) {
  const { times } = await run(variant, 1, [pending, pending, succeeded]);
  await advance(PERIOD * 2 + 100);
  const start = times.length;
  await advance(PERIOD * PERIODS);
  return times.length - start;
}

async function requestsAfter404(variant: Variant) {
  const { times } = await run(variant, 1, [errorResponse(404)]);
  await advance(100);
  const start = times.length;
  await advance(PERIOD * PERIODS);
  return times.length - start;
}

async function rendersPerUnchangedPoll(variant: Variant) {
  const { renders } = await run(variant, 1, [pending]);
  await advance(100);
  const start = renders();
  await advance(PERIOD * PERIODS);
  return (renders() - start) / PERIODS;
}

async function requestsWhileHidden(variant: Variant) {
  const { times } = await run(variant, 1, [pending]);
  await advance(100);
  setVisibility('hidden');
  const start = times.length;
  await advance(PERIOD * PERIODS);
  const hidden = times.length - start;
  setVisibility('visible');
  return hidden;
}

function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}

const figures: Array<{ figure: string; baseline: number; kit: number; goal: string }> = [];

installFakeTimers();
afterAll(() => {
  console.log(`\nData-layer figures (${PERIODS} periods of ${PERIOD} ms, MSW in jsdom, fake timers)`);
  console.table(figures);
});

async function isolated(variant: Variant, measureVariant: (variant: Variant) => Promise<number>) {
  try {
    return await measureVariant(variant);
  } finally {
    cleanup();
    server.resetHandlers();
  }
}

async function measure(figure: string, goal: string, measureVariant: (variant: Variant) => Promise<number>) {
  const baseline = await isolated('baseline', measureVariant);
  const kit = await isolated('kit', measureVariant);
  figures.push({ figure, baseline, kit, goal });
  return kit;
}

describe('data-layer figures', () => {
  it.each([1, 5, 50])('makes one request per poll period for 1 session watched by %i components', async (watchers) => {
    const kit = await measure(`requests per period, ${watchers} watcher(s)`, '1', (variant) => requestsPerPeriod(variant, watchers));
    expect(kit).toBe(1);
  });

  it('makes no request after a terminal status', async () => {
    expect(await measure('requests after SUCCEEDED', '0', requestsAfterTerminal)).toBe(0);
  });

  it('makes no request after a 404', async () => {
    expect(await measure('requests after a 404', '0', requestsAfter404)).toBe(0);
  });

  it('does not re-render for a poll that returns equal data', async () => {
    expect(await measure('renders per unchanged poll', '0', rendersPerUnchangedPoll)).toBe(0);
  });

  it('makes no request while the document is hidden', async () => {
    expect(await measure('requests while hidden', '0', requestsWhileHidden)).toBe(0);
  });
});
