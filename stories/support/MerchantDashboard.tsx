import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import { RefundList } from '../../src/components/RefundList/RefundList';
import { SessionStatusBadge } from '../../src/components/SessionStatusBadge/SessionStatusBadge';
import { useCheckoutSession, type UseCheckoutSessionOptions } from '../../src/react/useCheckoutSession';
import { useCheckoutSessions, type UseCheckoutSessionsOptions } from '../../src/react/useCheckoutSessions';

interface DashboardProps {
  sessionIds: string[];
  pollInterval: number;
}

/** One row follows its own session, so it re-renders only when that session changes. */
const SessionRow = memo(function SessionRow({ sessionId, pollInterval, filter }: { sessionId: string; pollInterval: number; filter: string }) {
  const { data, error } = useCheckoutSession(sessionId, { pollInterval });
  if (filter !== 'ALL' && data?.status !== filter) return null;
  return (
    <tr>
      <th scope="row">{data?.orderReference ?? sessionId}</th>
      <td>{data ? <SessionStatusBadge status={data.status} failureReason={data.failureReason} size="sm" /> : error ? error.message : '…'}</td>
      <td>{data?.refunds?.length ? <RefundList refunds={data.refunds} /> : '—'}</td>
    </tr>
  );
});

/** The column headings both dashboards share; `rowIndex` where the table is virtualised. */
function SessionsTableHead({ rowIndex }: { rowIndex?: number }) {
  return (
    <thead>
      <tr aria-rowindex={rowIndex}>
        <th scope="col" style={{ textAlign: 'start' }}>Order</th>
        <th scope="col" style={{ textAlign: 'start' }}>Status</th>
        <th scope="col" style={{ textAlign: 'start' }}>Refunds</th>
      </tr>
    </thead>
  );
}

/**
 * A merchant's table of sessions: one polling engine for all of them (useCheckoutSessions for
 * the live count), a filter by status, and rows that each follow their own session.
 */
export function MerchantDashboard({ sessionIds, pollInterval }: DashboardProps) {
  const results = useCheckoutSessions(sessionIds, { pollInterval });
  const [filter, setFilter] = useState('ALL');
  const stillPending = results.filter((result) => result.isPolling).length;
  const statuses = useMemo(
    () => ['ALL', 'PENDING', 'SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'REVERSED'],
    [],
  );
  return (
    <section aria-label="Checkout sessions">
      <p role="status" aria-live="polite">
        {stillPending === 0 ? `All ${sessionIds.length} sessions settled` : `${stillPending} of ${sessionIds.length} sessions still pending`}
      </p>
      <label>
        Show{' '}
        <select value={filter} onChange={(event) => setFilter(event.target.value)}>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {status === 'ALL' ? 'All statuses' : status}
            </option>
          ))}
        </select>
      </label>
      <table style={{ borderCollapse: 'collapse', inlineSize: '100%', marginBlockStart: '0.5rem' }}>
        <caption style={{ textAlign: 'start' }}>Sessions</caption>
        <SessionsTableHead />
        <tbody>
          {sessionIds.map((sessionId) => (
            <SessionRow key={sessionId} sessionId={sessionId} pollInterval={pollInterval} filter={filter} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface VirtualisedDashboardProps {
  sessionIds: string[];
  pollInterval: number;
  /** The page-level hook's slow cadence for sessions whose rows are not mounted. */
  sweepInterval: number;
}

/** A row of the virtualised table: mounted only while on screen, and polling only then. */
const VirtualisedRow = memo(function VirtualisedRow({
  sessionId,
  index,
  policy,
  measure,
}: {
  sessionId: string;
  index: number;
  policy: UseCheckoutSessionOptions;
  measure: (row: HTMLTableRowElement | null) => void;
}) {
  const { data, error } = useCheckoutSession(sessionId, policy);
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 2} data-session-id={sessionId} data-status={data?.status}>
      <th scope="row" style={{ textAlign: 'start', fontWeight: 'normal' }}>
        {data?.orderReference ?? sessionId}
      </th>
      <td>{data ? <SessionStatusBadge status={data.status} failureReason={data.failureReason} size="sm" /> : error ? error.message : '…'}</td>
      <td>{data?.refunds?.length ?? '—'}</td>
    </tr>
  );
});

/**
 * The examples' merchant dashboard at scale: the page-level hook keeps every session's status
 * for the count, polled only at the sweep cadence, and a virtualised table mounts only the rows
 * on screen, whose own `useCheckoutSession` polls at the cadence.
 */
export function VirtualisedMerchantDashboard({ sessionIds, pollInterval, sweepInterval }: VirtualisedDashboardProps) {
  const policy = useMemo<UseCheckoutSessionOptions>(() => ({ pollInterval }), [pollInterval]);
  const boardPolicy = useMemo<UseCheckoutSessionsOptions>(
    () => ({ ...policy, sweep: { pollInterval: sweepInterval }, notifyOnChangeProps: ['data', 'error'] }),
    [policy, sweepInterval],
  );
  const results = useCheckoutSessions(sessionIds, boardPolicy);
  const stillPending = results.filter((result) => !result.isTerminal).length;
  const total = sessionIds.length.toLocaleString('en-US');
  const scrollRef = useRef<HTMLDivElement>(null);
  // The React Compiler would not memoise around useVirtualizer; no compiler here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: sessionIds.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 36,
    overscan: 5,
    getItemKey: (index) => sessionIds[index] ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  const before = rows[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);
  return (
    <section aria-label="Checkout sessions">
      <p role="status" aria-live="polite">
        {stillPending === 0 ? `All ${total} sessions settled` : `${stillPending} of ${total} sessions still pending`}
      </p>
      <div
        ref={scrollRef}
        role="region"
        aria-label="Sessions table"
        tabIndex={0}
        data-testid="sessions-scroll"
        style={{ blockSize: '24rem', overflow: 'auto' }}
      >
        <table aria-rowcount={sessionIds.length + 1} style={{ borderCollapse: 'collapse', inlineSize: '100%', tableLayout: 'fixed' }}>
          <caption style={{ textAlign: 'start' }}>{total} sessions</caption>
          <SessionsTableHead rowIndex={1} />
          <tbody>
            {before > 0 && (
              <tr aria-hidden="true">
                <td colSpan={3} style={{ blockSize: before, padding: 0 }} />
              </tr>
            )}
            {rows.map((row) => {
              const sessionId = sessionIds[row.index] as string;
              return <VirtualisedRow key={sessionId} sessionId={sessionId} index={row.index} policy={policy} measure={virtualizer.measureElement} />;
            })}
            {after > 0 && (
              <tr aria-hidden="true">
                <td colSpan={3} style={{ blockSize: after, padding: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
