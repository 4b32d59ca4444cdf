import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { Suspense } from 'react';
import { createCheckoutClient, type CheckoutClientOptions } from '../../src/core/client';
import type { CheckoutSession } from '../../src/core/schema';
import { tabScope, tellTabs } from '../../src/core/tabChannel';
import { CheckoutClientProvider } from '../../src/react/context';
import { checkoutSessionKeys } from '../../src/react/queryOptions';
import { useCheckoutSession } from '../../src/react/useCheckoutSession';
import { useCheckoutSessions, type UseCheckoutSessionsOptions } from '../../src/react/useCheckoutSessions';
import { useSuspenseCheckoutSession } from '../../src/react/useSuspenseCheckoutSession';
import { makeSession } from '../../src/testing/factories';
import { fakeFetch } from '../support/fakeApi';
import { fakeLockManager } from '../support/fakeTabs';
import { makeQueryClient } from '../support/renderWithClient';
import { TEST_API, TEST_TOKEN } from '../support/server';

// Two "tabs" in one jsdom: each its own QueryClient and CheckoutClient, as two pages of one
// browser would have, with a fake Web Locks manager between them (jsdom has none). Their news
// goes through the kit's in-tab path of the channel; tabChannel.test.ts covers BroadcastChannel.
const PERIOD = 100;

beforeEach(() => {
  Object.defineProperty(navigator, 'locks', { value: fakeLockManager(), configurable: true });
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'locks');
});

function Status({ tab, onStatusChange }: { tab: string; onStatusChange: (session: CheckoutSession) => void }) {
  const { data, error } = useCheckoutSession('cs_1', { pollInterval: PERIOD, onStatusChange });
  return <p>{`${tab}: ${error ? error.kind : (data?.status ?? 'loading')}`}</p>;
}

function SuspenseStatus({ tab, onStatusChange }: { tab: string; onStatusChange: (session: CheckoutSession) => void }) {
  const { data } = useSuspenseCheckoutSession('cs_1', { pollInterval: PERIOD, onStatusChange });
  return <p>{`${tab}: ${data.status}`}</p>;
}

function Board({ tab, sweep }: { tab: string; sweep: UseCheckoutSessionsOptions['sweep'] }) {
  const [result] = useCheckoutSessions(['cs_1'], { pollInterval: PERIOD, sweep: sweep && { pollInterval: PERIOD } });
  return <p>{`${tab}: ${result?.data?.status ?? 'loading'}`}</p>;
}

/** A tab following cs_1 on a board (useCheckoutSessions) through its own clients. */
function openBoard(tab: string, fetch: typeof globalThis.fetch, sweep: UseCheckoutSessionsOptions['sweep']) {
  const client = createCheckoutClient({ baseUrl: TEST_API, token: TEST_TOKEN, fetch });
  return render(
    <QueryClientProvider client={makeQueryClient()}>
      <CheckoutClientProvider client={client}>
        <Board tab={tab} sweep={sweep} />
      </CheckoutClientProvider>
    </QueryClientProvider>,
  );
}

/** A tab following cs_1 through its own clients, all tabs answered by one API. */
function openTab(tab: string, fetch: typeof globalThis.fetch, options: Partial<CheckoutClientOptions> = {}, View = Status) {
  const client = createCheckoutClient({ baseUrl: TEST_API, token: TEST_TOKEN, fetch, ...options });
  const onStatusChange = vi.fn();
  const queryClient = makeQueryClient();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <CheckoutClientProvider client={client}>
        <Suspense fallback={null}>
          <View tab={tab} onStatusChange={onStatusChange} />
        </Suspense>
      </CheckoutClientProvider>
    </QueryClientProvider>,
  );
  return { ...view, onStatusChange, queryClient };
}

/** Waits until one tab waits in the queue of a session's lock: it knows that another polls the session. */
async function waitUntilQueuedForLock() {
  await waitFor(async () => expect((await navigator.locks.query()).pending).toHaveLength(1));
}

/**
 * Once one tab waits for the lock, counts each tab's requests from then on. Which tab polls
 * for both is whichever took the lock first: the one opened first, unless its election (a token
 * digest, a lock request) finished after the other's, as it can on a loaded machine.
 */
async function asksAfterElection(...tabs: Array<{ sent: readonly unknown[] }>) {
  await waitUntilQueuedForLock();
  const sentBefore = tabs.map((tab) => tab.sent.length);
  return () => tabs.map((tab, index) => tab.sent.length - sentBefore[index]!);
}

/** Real time: that nothing more is asked can only be seen by letting periods pass. */
const threePeriodsPass = () => new Promise((resolve) => setTimeout(resolve, 3 * PERIOD));

/** The API: PENDING for the first `pendingFor` requests from any tab, then `then`; a fetch per tab, counting its own. */
function scriptedApi(pendingFor: number, then: () => Response) {
  let count = 0;
  const respond = (id: string) => (++count > pendingFor ? then() : Response.json(makeSession({ id, status: 'PENDING' })));
  return { tab: () => fakeFetch({ latencyMs: 5, respond }), total: () => count };
}

describe('useCheckoutSession across tabs', () => {
  it('asks once per period for two tabs, and both show each status and call their onStatusChange', async () => {
    const api = scriptedApi(8, () => Response.json(makeSession({ id: 'cs_1', status: 'SUCCEEDED' })));
    const [firstApi, secondApi] = [api.tab(), api.tab()];
    const first = openTab('first', firstApi.fetch);
    await screen.findByText('first: PENDING');
    const second = openTab('second', secondApi.fetch);
    await screen.findByText('second: PENDING');
    // Until a tab has found the other leading (it then waits in the lock's queue) it polls on
    // its own: a period normally outlasts that, a loaded machine's may not.
    const asksSinceElection = await asksAfterElection(firstApi, secondApi);
    await screen.findByText('first: SUCCEEDED', {}, { timeout: 3000 });
    await screen.findByText('second: SUCCEEDED');

    // From then on one tab asks nothing; the other polls once a period for both.
    const [firstAsks, secondAsks] = asksSinceElection();
    expect(Math.min(firstAsks!, secondAsks!)).toBe(0);
    const leader = firstAsks! > 0 ? firstApi : secondApi;
    const polls = leader.sent.map((request) => request.at);
    const gaps = polls.slice(1).map((at, index) => at - polls[index]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(PERIOD * 0.8);
    // Once the session settled, neither tab asks again.
    const sent = api.total();
    await threePeriodsPass();
    expect(api.total()).toBe(sent);
    for (const tab of [first, second]) {
      expect(tab.onStatusChange.mock.calls.map(([session]) => session.status)).toEqual(['PENDING', 'SUCCEEDED']);
    }
  });

  it('abandons a request that a tab sent before it found another polling, so its answer cannot undo what that tab tells', async () => {
    let settled = false;
    const leaderApi = fakeFetch({ latencyMs: 5, respond: (id) => Response.json(makeSession({ id, status: settled ? 'SUCCEEDED' : 'PENDING' })) });
    const lateApi = fakeFetch({ latencyMs: 60_000 });
    const leader = openTab('first', leaderApi.fetch);
    await screen.findByText('first: PENDING');
    await waitFor(async () => expect((await navigator.locks.query()).held).toHaveLength(1));
    const late = openTab('second', lateApi.fetch);
    await waitUntilQueuedForLock();
    settled = true;

    await screen.findByText('second: SUCCEEDED');
    expect(lateApi.sent).toHaveLength(1);
    expect(lateApi.signals[0]?.aborted).toBe(true);
    expect(leader.onStatusChange.mock.calls.map(([session]) => session.status)).toEqual(['PENDING', 'SUCCEEDED']);
    expect(late.onStatusChange.mock.calls.map(([session]) => session.status)).toEqual(['PENDING', 'SUCCEEDED']);
  });

  it('shows the settled status in a tab that joined after the polling tab told it', async () => {
    let settled = false;
    const leaderApi = fakeFetch({ latencyMs: 5, respond: (id) => Response.json(makeSession({ id, status: settled ? 'SUCCEEDED' : 'PENDING' })) });
    openTab('first', leaderApi.fetch);
    await screen.findByText('first: PENDING');
    await waitFor(async () => expect((await navigator.locks.query()).held).toHaveLength(1));
    // The second tab's share of the poller (a digest of its token) is ready only once the first settled.
    let digestReady = (): void => undefined;
    const digestHeld = new Promise<void>((resolve) => (digestReady = resolve));
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    vi.spyOn(crypto.subtle, 'digest').mockImplementationOnce(async (...args) => (await digestHeld, digest(...args)));
    openTab('second', fakeFetch({ latencyMs: 5 }).fetch);
    await screen.findByText('second: PENDING');
    settled = true;
    await screen.findByText('first: SUCCEEDED');

    digestReady();
    await waitUntilQueuedForLock();
    await screen.findByText('second: SUCCEEDED');
  });

  it('keeps a settled session settled when another tab tells a PENDING answer it asked for before', async () => {
    let settled = false;
    const api = fakeFetch({ latencyMs: 5, respond: (id) => Response.json(makeSession({ id, status: settled ? 'SUCCEEDED' : 'PENDING' })) });
    const tab = openTab('first', api.fetch);
    await screen.findByText('first: PENDING');
    await waitFor(async () => expect((await navigator.locks.query()).held).toHaveLength(1));
    settled = true;
    await screen.findByText('first: SUCCEEDED');

    const scope = (await tabScope({ sessionsUrl: `${TEST_API}/api/v1/sessions/`, token: TEST_TOKEN })) as string;
    act(() => tellTabs(scope, 'cs_1', { session: makeSession({ id: 'cs_1', status: 'PENDING' }) }));
    expect(tab.queryClient.getQueryData<CheckoutSession>(checkoutSessionKeys.detail('cs_1'))?.status).toBe('SUCCEEDED');
    expect(screen.getByText('first: SUCCEEDED')).toBeInTheDocument();
    expect(tab.onStatusChange.mock.calls.map(([session]) => session.status)).toEqual(['PENDING', 'SUCCEEDED']);
  });

  it('stops both tabs, showing the typed error, on a 404 that the polling tab got', async () => {
    const api = scriptedApi(4, () => Response.json({ error: 'Not Found', message: 'No such session', code: 404 }, { status: 404 }));
    openTab('first', api.tab().fetch);
    await screen.findByText('first: PENDING');
    openTab('second', api.tab().fetch);
    await screen.findByText('first: not_found', {}, { timeout: 3000 });
    await screen.findByText('second: not_found');
    const sent = api.total();
    await threePeriodsPass();
    expect(api.total()).toBe(sent);
  });

  it('shares the sessions of a useCheckoutSessions board, but not those of a sweep', async () => {
    const api = scriptedApi(Infinity, () => new Response(null, { status: 500 }));
    const [first, second, swept, sweptToo] = [api.tab(), api.tab(), api.tab(), api.tab()];
    openBoard('first', first.fetch, false);
    await screen.findByText('first: PENDING');
    openBoard('second', second.fetch, false);
    openBoard('swept', swept.fetch, true);
    openBoard('swept too', sweptToo.fetch, true);
    const asksSinceElection = await asksAfterElection(first, second);
    await waitFor(() => expect(Math.max(...asksSinceElection())).toBeGreaterThanOrEqual(4));
    expect(Math.min(...asksSinceElection())).toBe(0);
    // The sweeps' timers go on in each tab, paused only while another tab polls the session for a watcher.
    expect(Math.min(swept.sent.length, sweptToo.sent.length)).toBeGreaterThanOrEqual(1);
  });

  it('shares a session that the tabs follow with useSuspenseCheckoutSession', async () => {
    const api = scriptedApi(Infinity, () => new Response(null, { status: 500 }));
    const [firstApi, secondApi] = [api.tab(), api.tab()];
    openTab('first', firstApi.fetch, {}, SuspenseStatus);
    await screen.findByText('first: PENDING');
    openTab('second', secondApi.fetch, {}, SuspenseStatus);
    await screen.findByText('second: PENDING');
    const asksSinceElection = await asksAfterElection(firstApi, secondApi);
    await waitFor(() => expect(Math.max(...asksSinceElection())).toBeGreaterThanOrEqual(4));
    expect(Math.min(...asksSinceElection())).toBe(0);
  });

  it('lets each tab poll alone with crossTab: false', async () => {
    const api = scriptedApi(Infinity, () => new Response(null, { status: 500 }));
    const [firstApi, secondApi] = [api.tab(), api.tab()];
    openTab('first', firstApi.fetch, { crossTab: false });
    openTab('second', secondApi.fetch, { crossTab: false });
    await waitFor(() => expect(Math.min(firstApi.sent.length, secondApi.sent.length)).toBeGreaterThanOrEqual(4));
  });
});
