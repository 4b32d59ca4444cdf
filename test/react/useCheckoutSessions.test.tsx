import { act, screen } from '@testing-library/react';
import { memo, Profiler, useState } from 'react';
import { checkoutSessionKeys } from '../../src/react/queryOptions';
import { useCheckoutSession } from '../../src/react/useCheckoutSession';
import { useCheckoutSessions } from '../../src/react/useCheckoutSessions';
import { makeSession, mockSessionEndpoint, type SessionRequestInfo } from '../../src/testing';
import { advance, installFakeTimers } from '../support/fakeTime';
import { makeQueryClient, renderWithClient } from '../support/renderWithClient';
import { setupMswServer } from '../support/server';

const server = setupMswServer();

installFakeTimers();

/** Session `cs_n` stays PENDING for n polls, then SUCCEEDED: a dashboard settling at different times. */
function serveStaggeredSessions() {
  const requests: SessionRequestInfo[] = [];
  server.use(
    mockSessionEndpoint(
      (info) => {
        const settlesAfter = Number(info.sessionId.replace('cs_', ''));
        const status = info.call > settlesAfter ? 'SUCCEEDED' : 'PENDING';
        return Response.json(makeSession({ id: info.sessionId, status }));
      },
      { onRequest: (info) => requests.push(info) },
    ),
  );
  return requests;
}

const ids = ['cs_3', 'cs_1', 'cs_2'];

describe('useCheckoutSessions', () => {
  it('returns one result per id, in id order', async () => {
    serveStaggeredSessions();
    function Dashboard() {
      const results = useCheckoutSessions(ids, { pollInterval: 1_000 });
      return <p>{results.map((result) => `${result.data?.id}:${result.data?.status}`).join(' ')}</p>;
    }
    renderWithClient(<Dashboard />);
    await advance(10);
    expect(screen.getByText(/cs_3/).textContent).toBe('cs_3:PENDING cs_1:PENDING cs_2:PENDING');
    await advance(1_000);
    expect(screen.getByText(/cs_3/).textContent).toBe('cs_3:PENDING cs_1:SUCCEEDED cs_2:PENDING');
  });

  it('stops polling each session at its own terminal status', async () => {
    const requests = serveStaggeredSessions();
    function Dashboard() {
      const results = useCheckoutSessions(ids, { pollInterval: 1_000 });
      return <p>pending:{results.filter((result) => result.isPolling).length}</p>;
    }
    renderWithClient(<Dashboard />);
    await advance(60_000);
    const perSession = Object.fromEntries(ids.map((id) => [id, requests.filter((r) => r.sessionId === id).length]));
    // cs_n answers PENDING n times, then SUCCEEDED once: n + 1 requests, none after.
    expect(perSession).toEqual({ cs_3: 4, cs_1: 2, cs_2: 3 });
    expect(screen.getByText(/^pending:/).textContent).toBe('pending:0');
  });

  it('asks once per period for a session also watched by its row', async () => {
    const requests = serveStaggeredSessions();
    const watched = ['cs_100'];
    function Row({ id }: { id: string }) {
      const { data } = useCheckoutSession(id, { pollInterval: 1_000 });
      return <li>{data?.status}</li>;
    }
    function Dashboard() {
      useCheckoutSessions(watched, { pollInterval: 1_000 });
      return <ul>{watched.map((id) => <Row key={id} id={id} />)}</ul>;
    }
    renderWithClient(<Dashboard />);
    await advance(10_010);
    expect(requests).toHaveLength(11);
  });

  it('re-renders a row only when its own session changes', async () => {
    serveStaggeredSessions();
    const rowRenders: Record<string, number> = {};
    function RowContent({ id }: { id: string }) {
      const { data } = useCheckoutSession(id, { pollInterval: 1_000 });
      return <li>{`${id}:${data?.status}`}</li>;
    }
    // The Profiler sits inside the memoised row, so it reports the row's own renders only.
    const Row = memo(function Row({ id }: { id: string }) {
      return (
        <Profiler id={id} onRender={() => (rowRenders[id] = (rowRenders[id] ?? 0) + 1)}>
          <RowContent id={id} />
        </Profiler>
      );
    });
    function Dashboard() {
      const results = useCheckoutSessions(ids, { pollInterval: 1_000 });
      return (
        <ul data-pending={results.filter((result) => result.isPolling).length}>
          {ids.map((id) => (
            <Row key={id} id={id} />
          ))}
        </ul>
      );
    }
    renderWithClient(<Dashboard />);
    await advance(10);
    const afterFirstAnswer = { ...rowRenders };
    await advance(10_000);
    // Each row changed once (PENDING → SUCCEEDED) in ten polls, and re-rendered once for it.
    for (const id of ids) expect(rowRenders[id]! - afterFirstAnswer[id]!).toBe(1);
  });

  it('fires the callbacks once per session transition', async () => {
    serveStaggeredSessions();
    const onTerminal = vi.fn();
    function Dashboard() {
      useCheckoutSessions(ids, { pollInterval: 1_000, onTerminal });
      return null;
    }
    renderWithClient(<Dashboard />, { strict: true });
    await advance(10_000);
    expect(onTerminal.mock.calls.map(([session]) => session.id).sort()).toEqual(['cs_1', 'cs_2', 'cs_3']);
  });

  it('gives the callbacks each session as fetched, not as selected', async () => {
    serveStaggeredSessions();
    const onTerminal = vi.fn();
    function Dashboard() {
      useCheckoutSessions(ids, { onTerminal, select: (session) => ({ ...session, orderReference: 'selected' }) });
      return null;
    }
    renderWithClient(<Dashboard />);
    await advance(10_000);
    expect(onTerminal).toHaveBeenCalledTimes(3);
    for (const [session] of onTerminal.mock.calls) expect(session.orderReference).not.toBe('selected');
  });

  it('tells the page of a first status its rows saw in the same commit', async () => {
    server.use(mockSessionEndpoint((info) => Response.json(makeSession({ id: info.sessionId }))));
    const queryClient = makeQueryClient();
    queryClient.setQueryData(checkoutSessionKeys.detail('cs_1'), makeSession({ id: 'cs_1', status: 'PENDING' }));
    const onStatusChange = vi.fn();
    let showIds: (ids: string[]) => void = () => undefined;
    function Row({ id }: { id: string }) {
      useCheckoutSession(id, { pollInterval: 60_000 });
      return null;
    }
    // The ids arrive one render after the page mounts, as they do from a list request.
    function Page() {
      const [pageIds, setPageIds] = useState<string[]>([]);
      showIds = setPageIds;
      useCheckoutSessions(pageIds, { pollInterval: 60_000, onStatusChange });
      return pageIds.map((id) => <Row key={id} id={id} />);
    }
    renderWithClient(<Page />, { queryClient });
    act(() => showIds(['cs_1']));
    await advance(100);
    expect(onStatusChange).toHaveBeenCalledTimes(1);
  });
});
