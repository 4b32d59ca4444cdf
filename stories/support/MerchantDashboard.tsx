import { memo, useMemo, useState } from 'react';
import { RefundList } from '../../src/components/RefundList/RefundList';
import { SessionStatusBadge } from '../../src/components/SessionStatusBadge/SessionStatusBadge';
import { useCheckoutSession } from '../../src/react/useCheckoutSession';
import { useCheckoutSessions } from '../../src/react/useCheckoutSessions';

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
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'start' }}>Order</th>
            <th scope="col" style={{ textAlign: 'start' }}>Status</th>
            <th scope="col" style={{ textAlign: 'start' }}>Refunds</th>
          </tr>
        </thead>
        <tbody>
          {sessionIds.map((sessionId) => (
            <SessionRow key={sessionId} sessionId={sessionId} pollInterval={pollInterval} filter={filter} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
