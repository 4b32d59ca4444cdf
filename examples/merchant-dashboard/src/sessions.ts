import { isTerminalStatus, type SessionStatus } from 'react-checkout-session';

// The dashboard's sessions: ids the demo API scripts (examples/api-server/sessions.mjs), a
// realistic mix that settles within a few seconds, the same on every load but for `run`.
const MIX = ['succeed', 'succeed', 'fail', 'succeed', 'refund', 'succeed', 'expire', 'succeed', 'partial', 'reverse'];

export function dashboardSessionIds(count: number, stillPending: number, run: string): string[] {
  const ids = Array.from({ length: count }, (_, index) => {
    const kind = MIX[index % MIX.length] ?? 'succeed';
    const at = 1 + ((index * 7) % 5);
    const settle = kind === 'refund' || kind === 'partial' ? `_${at + 3}s` : '';
    return `cs_${kind}_${at}s${settle}_${String(index + 1).padStart(3, '0')}-${run}`;
  });
  for (let index = 0; index < stillPending; index += 1) ids.push(`cs_pending_p${index + 1}-${run}`);
  return ids;
}

export interface StatusFilter {
  key: string;
  label: string;
  matches: (status: SessionStatus | undefined) => boolean;
}

export const STATUS_FILTERS: readonly StatusFilter[] = [
  { key: 'all', label: 'All', matches: () => true },
  // Not loaded yet, PENDING, or a status the kit does not know: all still moving.
  { key: 'pending', label: 'Pending', matches: (status) => !isTerminalStatus(status) },
  { key: 'succeeded', label: 'Succeeded', matches: (status) => status === 'SUCCEEDED' },
  { key: 'failed', label: 'Failed', matches: (status) => status === 'FAILED' },
  {
    key: 'refunded',
    label: 'Refunded or reversed',
    matches: (status) => status === 'REFUNDED' || status === 'PARTIALLY_REFUNDED' || status === 'REVERSED',
  },
];
