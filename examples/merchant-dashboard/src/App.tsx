import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import {
  formatMoney,
  RefundList,
  RefundStatusBadge,
  SessionStatusBadge,
  totalsByCurrency,
  useCheckoutSession,
  useCheckoutSessions,
  type UseCheckoutSessionOptions,
  type UseCheckoutSessionsOptions,
} from 'react-checkout-session';
import { numberParam, params, runTag } from '../../shared/checkout';
import { dashboardSessionIds, STATUS_FILTERS } from './sessions';

// A merchant's table of today's sessions, 10,000 of them: the page keeps every session's status
// for its counts and filters, polled slowly (the sweep), and only the rows on screen follow
// their session at the poll cadence. `?count=`, `?pending=` (how many stay pending, spread
// through the list), `?pollInterval=`, `?sweepInterval=`, `?refundPollInterval=` and
// `?overscan=` tune it.
const COUNT = numberParam('count', 10_000);
const SESSION_IDS = dashboardSessionIds(COUNT, Number(params.get('pending') ?? Math.floor(COUNT / 50)), runTag);

// One policy for the page and every row: the same cache entries, so a session on screen is
// still asked once per period, whoever watches it.
const POLLING: UseCheckoutSessionOptions = {
  pollInterval: numberParam('pollInterval', undefined),
  followRefunds: { pollInterval: numberParam('refundPollInterval', 15_000) },
};
const sweepInterval = numberParam('sweepInterval', undefined);
// The page polls every session only at the sweep cadence (default 30 s, spread over that
// window), enough for "N still pending" and the filters; the rows on screen poll at POLLING's.
// It needs statuses only: no render for a poll's fetching/idle flicker.
const PAGE_POLLING: UseCheckoutSessionsOptions = {
  ...POLLING,
  sweep: sweepInterval === undefined ? true : { pollInterval: sweepInterval },
  notifyOnChangeProps: ['data', 'error'],
};

/** Rows mounted beyond the scroll container's edges, each way (`?overscan=`; a test of 120 mounts them all). */
const OVERSCAN = numberParam('overscan', 10);
const COLUMNS = 5;

/**
 * One row, mounted only while on screen (or in the overscan): its own `useCheckoutSession`
 * polls the session at the cadence while mounted and stops when it scrolls away.
 */
const SessionRow = memo(function SessionRow({
  sessionId,
  index,
  measure,
}: {
  sessionId: string;
  index: number;
  measure: (row: HTMLTableRowElement | null) => void;
}) {
  const { data, error } = useCheckoutSession(sessionId, POLLING);
  const refunds = data?.refunds ?? [];
  return (
    // aria-rowindex counts the header row as 1.
    <tr ref={measure} data-index={index} aria-rowindex={index + 2} data-session-id={sessionId} data-status={data?.status}>
      <td>
        <code>{sessionId}</code>
      </td>
      <td>{data?.orderReference}</td>
      <td>{data?.paymentMethod}</td>
      <td>
        {data ? (
          <SessionStatusBadge status={data.status} failureReason={data.failureReason} size="sm" />
        ) : error ? (
          <span>Could not load ({error.kind})</span>
        ) : (
          <span className="muted">Loading…</span>
        )}
      </td>
      <td>
        {refunds.length > 0 ? (
          <details>
            <summary>
              {totalsByCurrency(refunds)
                .map((total) => formatMoney(total.amount, total.currency))
                .join(', ')}{' '}
              {refunds.map((refund) => (
                <RefundStatusBadge key={refund.id} status={refund.status} size="sm" />
              ))}
            </summary>
            <RefundList refunds={refunds} />
          </details>
        ) : (
          <span className="muted">None</span>
        )}
      </td>
    </tr>
  );
});

/** Keeps space for the rows not mounted, so the scrollbar spans all of them; hidden from assistive tech. */
function Spacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={COLUMNS} style={{ height }} />
    </tr>
  );
}

/**
 * A real table, virtualised: only the rows in the scroll container's view (plus OVERSCAN each
 * way) are in the DOM, between two spacer rows. `aria-rowcount` and `aria-rowindex` tell
 * assistive tech where the mounted rows sit among all of them.
 */
function SessionTable({ sessionIds, total }: { sessionIds: readonly string[]; total: number }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The lint warns that the React Compiler would not memoise this component; no compiler here,
  // and measureElement is the same function for the virtualiser's life, so rows stay memo.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: sessionIds.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 38,
    overscan: OVERSCAN,
    getItemKey: (index) => sessionIds[index] ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  const before = rows[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);

  return (
    <div ref={scrollRef} className="sessions-scroll" role="region" aria-label="Sessions table" tabIndex={0}>
      <table className="sessions" aria-rowcount={sessionIds.length + 1}>
        <caption>
          {sessionIds.length.toLocaleString('en-US')} of {total.toLocaleString('en-US')} sessions
        </caption>
        <colgroup>
          <col className="col-session" />
          <col className="col-order" />
          <col className="col-method" />
          <col className="col-status" />
          <col />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Session</th>
            <th scope="col">Order</th>
            <th scope="col">Method</th>
            <th scope="col">Status</th>
            <th scope="col">Refunds</th>
          </tr>
        </thead>
        <tbody>
          <Spacer height={before} />
          {rows.map((row) => {
            const sessionId = sessionIds[row.index] as string;
            return <SessionRow key={sessionId} sessionId={sessionId} index={row.index} measure={virtualizer.measureElement} />;
          })}
          <Spacer height={after} />
        </tbody>
      </table>
    </div>
  );
}

export function App() {
  const results = useCheckoutSessions(SESSION_IDS, PAGE_POLLING);
  const [filterKey, setFilterKey] = useState('all');
  const filter = STATUS_FILTERS.find((candidate) => candidate.key === filterKey) ?? STATUS_FILTERS[0];
  const { statuses, stillPending, polling } = useMemo(
    () => ({
      statuses: results.map((result) => result.data?.status),
      stillPending: results.filter((result) => !result.isTerminal).length,
      polling: results.filter((result) => result.isPolling).length,
    }),
    [results],
  );
  const shownIds = useMemo(
    () => SESSION_IDS.filter((_, index) => filter?.matches(statuses[index])),
    [filter, statuses],
  );

  return (
    <main className="page page--wide">
      <p className="eyebrow">Merchant dashboard</p>
      <h1>Checkout sessions</h1>
      <div className="stats">
        <p>
          <strong data-testid="session-count">{SESSION_IDS.length.toLocaleString('en-US')}</strong> sessions
        </p>
        <p>
          <strong data-testid="pending-count">{stillPending}</strong> still pending
        </p>
        <p>
          <strong data-testid="polling-count">{polling}</strong> being polled
        </p>
      </div>
      <div className="toolbar" role="group" aria-label="Filter by status">
        {STATUS_FILTERS.map((candidate) => (
          <button
            key={candidate.key}
            type="button"
            aria-pressed={candidate.key === filterKey}
            onClick={() => setFilterKey(candidate.key)}
          >
            {candidate.label} ({statuses.filter(candidate.matches).length})
          </button>
        ))}
      </div>
      <SessionTable sessionIds={shownIds} total={SESSION_IDS.length} />
    </main>
  );
}
