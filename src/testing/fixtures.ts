import type { ApiErrorEnvelope, CheckoutSession, Refund } from '../core/schema';

// The provider's example bodies (api/fixtures in the repo), copied so the package carries them;
// test/core/openapi.test.ts checks that each copy equals its file there.
// Frozen, deeply: a test that changed one would change it for every later test, and for
// makeRefund. Copy one to change it: makeSession({ ...sessionFixtures.pending, status: … }).

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const base = {
  id: 'e4b8c1a2-1234-5678-abcd-ef1234567890',
  orderReference: 'ORD-12345',
  providerName: 'stripe',
  paymentMethod: 'card',
  createdAt: '2024-01-15T11:00:00.000Z',
  updatedAt: '2024-01-15T11:30:00.000Z',
} as const;

/** The provider's example refund; also the defaults of makeRefund. */
export const refundUsd45: Refund = deepFreeze({
  id: '3d72f30c-2977-44bf-b2e8-ff09b9b3216d',
  amount: 45.01,
  currency: 'USD',
  status: 'SUCCEEDED',
  failureReason: null,
  reason: 'REQUESTED_BY_CUSTOMER',
  createdAt: '2024-01-15T11:00:00.000Z',
  updatedAt: '2024-01-15T11:30:00.000Z',
});

const sessionBodies = {
  /** The reference's own example: PENDING, yet with a failureReason and a refund. */
  referenceExample: {
    ...base,
    status: 'PENDING',
    failureReason: 'EXPIRED',
    expiresAt: '2024-01-15T12:00:00.000Z',
    refunds: [{ ...refundUsd45, status: 'PENDING', failureReason: 'LOST_OR_STOLEN_CARD' }],
  },
  pending: { ...base, status: 'PENDING', failureReason: null, expiresAt: '2030-01-01T12:00:00.000Z', refunds: null },
  /** Optional fields absent, not null: the smallest body the schema allows. */
  minimal: {
    id: base.id,
    orderReference: base.orderReference,
    status: 'PENDING',
    paymentMethod: 'card',
    createdAt: base.createdAt,
    updatedAt: base.updatedAt,
  },
  succeeded: { ...base, status: 'SUCCEEDED', failureReason: null, expiresAt: null, refunds: [] },
  failedExpired: {
    ...base,
    status: 'FAILED',
    failureReason: 'EXPIRED',
    expiresAt: '2024-01-15T12:00:00.000Z',
    refunds: null,
  },
  partiallyRefunded: {
    ...base,
    status: 'PARTIALLY_REFUNDED',
    failureReason: null,
    expiresAt: null,
    refunds: [
      refundUsd45,
      {
        id: '9a1f0d6e-5b7c-4e2a-8f3d-1c2b3a4d5e6f',
        amount: 12.5,
        currency: 'USD',
        status: 'FAILED',
        failureReason: 'LOST_OR_STOLEN_CARD',
        reason: 'DUPLICATE',
        createdAt: '2024-01-16T09:00:00.000Z',
        updatedAt: '2024-01-16T09:05:00.000Z',
      },
    ],
  },
  refunded: { ...base, status: 'REFUNDED', failureReason: null, expiresAt: null, refunds: [refundUsd45] },
  reversed: { ...base, status: 'REVERSED', failureReason: null, expiresAt: null, refunds: [] },
  unknownStatus: {
    ...base,
    status: 'AWAITING_CAPTURE',
    failureReason: null,
    providerName: null,
    expiresAt: '2024-01-15T12:00:00.000Z',
    refunds: null,
  },
} satisfies Record<string, CheckoutSession>;

/**
 * Session bodies of every status the provider names, an unknown one, and its odd example.
 *
 * @example
 * server.use(mockSession(sessionFixtures.partiallyRefunded));
 * const mine = structuredClone(sessionFixtures.refunded); // frozen: copy one to change it
 */
export const sessionFixtures = deepFreeze(sessionBodies);

/**
 * Currencies with 2, 0 and 3 minor digits, a sub-unit amount, and statuses outside the reference.
 *
 * @example
 * <RefundList refunds={mixedCurrencyRefunds} locale="en-US" />
 */
export const mixedCurrencyRefunds: Refund[] = deepFreeze([
  { ...refundUsd45, id: 'r-usd' },
  { ...refundUsd45, id: 'r-jpy', amount: 500, currency: 'JPY', status: 'PENDING', reason: null },
  {
    ...refundUsd45,
    id: 'r-kwd',
    amount: 1.234,
    currency: 'KWD',
    status: 'FAILED',
    failureReason: 'INSUFFICIENT_FUNDS',
    reason: 'FRAUDULENT',
  },
  { ...refundUsd45, id: 'r-eur', amount: 0.1, currency: 'EUR', status: 'CANCELED', reason: 'OTHER' },
]);

/**
 * The provider's error envelopes, by HTTP status (403 and 429 are not in its examples: same shape).
 *
 * @example
 * expect(await response.json()).toEqual(errorFixtures[404]);
 */
export const errorFixtures = deepFreeze({
  401: { error: 'Unauthorized', message: 'Authentication required. Please provide a valid API token', code: 401 },
  403: { error: 'Forbidden', message: 'You do not have access to this session', code: 403 },
  404: { error: 'Not Found', message: 'The requested resource was not found', code: 404 },
  429: { error: 'Too Many Requests', message: 'Rate limit exceeded. Please retry later', code: 429 },
  500: {
    error: 'Internal Server Error',
    message: 'An unexpected error occurred on the server',
    code: 500,
    requestId: 'req_1234567890',
  },
  502: { error: 'Error', message: 'Service temporarily unavailable.', code: 502 },
  504: { error: 'Error', message: 'Request timed out.', code: 504 },
} satisfies Record<number, ApiErrorEnvelope>);

/**
 * The HTTP statuses {@link errorFixtures} has an envelope for.
 *
 * @example
 * const statuses = Object.keys(errorFixtures).map(Number) as ErrorFixtureStatus[];
 */
export type ErrorFixtureStatus = keyof typeof errorFixtures;
