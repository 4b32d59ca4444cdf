// Session scripts: the id says how a session moves over time, so every run is deterministic.
//
//   cs_succeed_3s[_tag]        PENDING, then SUCCEEDED 3 s after the session's first request
//   cs_fail_2s[_tag]           PENDING, then FAILED (INSUFFICIENT_FUNDS)
//   cs_expire_2s[_tag]         PENDING, then FAILED (EXPIRED)
//   cs_reverse_2s[_tag]        PENDING, then REVERSED
//   cs_refund_2s_5s[_tag]      PENDING, SUCCEEDED with a PENDING refund at 2 s, REFUNDED (refund SUCCEEDED) at 5 s
//   cs_partial_2s_5s[_tag]     the same, ending PARTIALLY_REFUNDED with a JPY refund
//   cs_capture_2s[_tag]        PENDING, then AWAITING_CAPTURE (a status the kit does not know: it keeps polling)
//   cs_pending[_tag]           PENDING for ever
// Durations take `s` or `ms` (`1500ms`). The clock of a session starts at its first request
// (and again after POST /__admin/reset). Any other id is a 404.

const ID_PATTERN =
  /^cs_(succeed|fail|expire|reverse|refund|partial|capture|pending)(?:_(\d+(?:\.\d+)?)(s|ms))?(?:_(\d+(?:\.\d+)?)(s|ms))?(?:_[A-Za-z0-9-]+)?$/;

const toMs = (value, unit) => (value === undefined ? undefined : Number(value) * (unit === 's' ? 1000 : 1));

/**
 * @typedef {{ afterMs: number, status: string, failureReason?: string | null, refunds?: 'pending' | 'settled' | 'none' }} Stage
 * @typedef {{ kind: string, stages: Stage[] }} SessionScript
 */

/** @param {string} id @returns {SessionScript | undefined} */
export function parseSessionScript(id) {
  const match = ID_PATTERN.exec(id);
  if (!match) return undefined;
  const [, kind = '', first, firstUnit, second, secondUnit] = match;
  const at = toMs(first, firstUnit) ?? 2000;
  const settleAt = toMs(second, secondUnit) ?? at + 3000;
  const pending = { afterMs: 0, status: 'PENDING' };
  /** @type {Record<string, Stage[]>} */
  const scripts = {
    succeed: [pending, { afterMs: at, status: 'SUCCEEDED', refunds: 'none' }],
    fail: [pending, { afterMs: at, status: 'FAILED', failureReason: 'INSUFFICIENT_FUNDS' }],
    expire: [pending, { afterMs: at, status: 'FAILED', failureReason: 'EXPIRED' }],
    reverse: [pending, { afterMs: at, status: 'REVERSED', refunds: 'none' }],
    refund: [
      pending,
      { afterMs: at, status: 'SUCCEEDED', refunds: 'pending' },
      { afterMs: Math.max(settleAt, at), status: 'REFUNDED', refunds: 'settled' },
    ],
    partial: [
      pending,
      { afterMs: at, status: 'SUCCEEDED', refunds: 'pending' },
      { afterMs: Math.max(settleAt, at), status: 'PARTIALLY_REFUNDED', refunds: 'settled' },
    ],
    capture: [pending, { afterMs: at, status: 'AWAITING_CAPTURE' }],
    pending: [pending],
  };
  return { kind, stages: scripts[kind] ?? [pending] };
}

/** The stage a script is in `elapsedMs` after its clock started. @param {SessionScript} script @param {number} elapsedMs */
export function stageAt(script, elapsedMs) {
  let current = script.stages[0];
  for (const stage of script.stages) if (elapsedMs >= stage.afterMs) current = stage;
  return /** @type {Stage} */ (current);
}

function hash(text) {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

const iso = (ms) => new Date(ms).toISOString();

/** @param {string} id @param {SessionScript} script @param {Stage} stage @param {number} startedAt */
function refundsFor(id, script, stage, startedAt) {
  if (!stage.refunds) return null;
  if (stage.refunds === 'none') return [];
  const settled = stage.refunds === 'settled';
  const partial = script.kind === 'partial';
  const issuedAt = startedAt + (script.stages[1]?.afterMs ?? 0);
  return [
    {
      id: `re_${id.slice(3)}`,
      amount: partial ? 1500 : Number(((hash(id) % 20000) / 100 + 5).toFixed(2)),
      currency: partial ? 'JPY' : 'EUR',
      status: settled ? 'SUCCEEDED' : 'PENDING',
      failureReason: null,
      reason: 'REQUESTED_BY_CUSTOMER',
      createdAt: iso(issuedAt),
      updatedAt: iso(settled ? startedAt + stage.afterMs : issuedAt),
    },
  ];
}

/**
 * The body for session `id` at time `now`, a valid CheckoutSession as the reference describes.
 * @param {string} id @param {SessionScript} script @param {number} startedAt @param {number} now
 */
export function sessionBody(id, script, startedAt, now) {
  const stage = stageAt(script, now - startedAt);
  return {
    id,
    orderReference: `ORD-${String(hash(id) % 100000).padStart(5, '0')}`,
    status: stage.status,
    failureReason: stage.failureReason ?? null,
    providerName: 'stripe',
    paymentMethod: hash(id) % 3 === 0 ? 'paypal' : 'card',
    expiresAt: stage.status === 'PENDING' ? iso(startedAt + 15 * 60_000) : null,
    createdAt: iso(startedAt),
    updatedAt: iso(startedAt + stage.afterMs),
    refunds: refundsFor(id, script, stage, startedAt),
  };
}

/** When each stage of a session began, in epoch ms, once its clock has started. */
export function statusChanges(script, startedAt) {
  return script.stages.map((stage) => ({
    status: stage.status,
    refunds: stage.refunds ?? null,
    at: startedAt + stage.afterMs,
  }));
}
