import { memo, useState } from 'react';
import {
  formatMoney,
  RefundList,
  RefundStatusBadge,
  SessionStatusBadge,
  totalsByCurrency,
  useCheckoutSession,
  useCheckoutSessions,
  type UseCheckoutSessionOptions,
} from 'react-checkout-session';
import { numberParam, params, runTag } from '../../shared/checkout';
import { dashboardSessionIds, STATUS_FILTERS } from './sessions';

// A merchant's table of today's sessions: every row follows its own session; the page counts
// those still pending and filters by status. `?count=`, `?pending=`, `?pollInterval=` and
// `?refundPollInterval=` tune it for demos and tests.
const SESSION_IDS = dashboardSessionIds(numberParam('count', 120), Number(params.get('pending') ?? 4), runTag);

// One options object for the page and every row: the same policy on the same cache entries,
// so each session is still asked once per period.
const POLLING: UseCheckoutSessionOptions = {
  pollInterval: numberParam('pollInterval', undefined),
  followRefunds: { pollInterval: numberParam('refundPollInterval', 15_000) },
};
// The page needs statuses only: no render for a poll's fetching/idle flicker.
const PAGE_POLLING: UseCheckoutSessionOptions = { ...POLLING, notifyOnChangeProps: ['data', 'error'] };

/** One row; re-renders only when its own session's data or error changes. */
const SessionRow = memo(function SessionRow({ sessionId }: { sessionId: string }) {
  const { data, error } = useCheckoutSession(sessionId, POLLING);
  const refunds = data?.refunds ?? [];
  return (
    <tr data-session-id={sessionId} data-status={data?.status}>
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

export function App() {
  const results = useCheckoutSessions(SESSION_IDS, PAGE_POLLING);
  const [filterKey, setFilterKey] = useState('all');
  const statuses = results.map((result) => result.data?.status);
  const stillPending = results.filter((result) => !result.isTerminal).length;
  const polling = results.filter((result) => result.isPolling).length;
  const filter = STATUS_FILTERS.find((candidate) => candidate.key === filterKey) ?? STATUS_FILTERS[0];
  const visibleIds = SESSION_IDS.filter((_, index) => filter?.matches(statuses[index]));

  return (
    <main className="page page--wide">
      <p className="eyebrow">Merchant dashboard</p>
      <h1>Checkout sessions</h1>
      <div className="stats">
        <p>
          <strong>{SESSION_IDS.length}</strong> sessions
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
      <table className="sessions">
        <caption>
          {visibleIds.length} of {SESSION_IDS.length} sessions
        </caption>
        <colgroup>
          <col className="col-session" />
          <col className="col-order" />
          <col className="col-method" />
          <col className="col-status" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Order</th>
            <th scope="col">Method</th>
            <th scope="col">Status</th>
            <th scope="col">Refunds</th>
          </tr>
        </thead>
        <tbody>
          {visibleIds.map((sessionId) => (
            <SessionRow key={sessionId} sessionId={sessionId} />
          ))}
        </tbody>
      </table>
    </main>
  );
}
