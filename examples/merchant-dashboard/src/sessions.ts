import { isTerminalStatus, type SessionStatus } from 'react-checkout-session';

// The dashboard's sessions: ids the demo API scripts (examples/api-server/sessions.mjs), a
// realistic mix that settles within a few seconds, the same on every load but for `run`.
const MIX = ['succeed', 'succeed', 'fail', 'succeed', 'refund', 'succeed', 'expire', 'succeed', 'partial', 'reverse'];

/**
 * `count` session ids in table order. `stillPending` of them stay PENDING for ever
 * (`cs_pending_…`), spread evenly through the list (with 10,000 and 200: every 50th row), so
 * wherever the merchant scrolls a few are on screen; the others follow MIX and settle 1–5 s
 * after their first request, refunds 3 s later. Every id is unique to `run`.
 */
export function dashboardSessionIds(count: number, stillPending: number, run: string): string[] {
  const pending = Math.max(0, Math.min(count, Math.floor(stillPending)));
  const width = String(count).length;
  const ids: string[] = [];
  let settling = 0;
  for (let position = 1; position <= count; position += 1) {
    const number = String(position).padStart(width, '0');
    // Evenly spread: a pending session wherever position × pending / count passes a whole number.
    if (Math.floor((position * pending) / count) > Math.floor(((position - 1) * pending) / count)) {
      ids.push(`cs_pending_p${number}-${run}`);
      continue;
    }
    const kind = MIX[settling % MIX.length] ?? 'succeed';
    const at = 1 + ((settling * 7) % 5);
    const settle = kind === 'refund' || kind === 'partial' ? `_${at + 3}s` : '';
    ids.push(`cs_${kind}_${at}s${settle}_${number}-${run}`);
    settling += 1;
  }
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
