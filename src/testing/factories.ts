import type { CheckoutSession, Refund } from '../core/schema';
import { refundUsd45 } from './fixtures';

let sequence = 0;
const nextId = (prefix: string) => `${prefix}_${(++sequence).toString().padStart(6, '0')}`;

/**
 * A schema-valid refund: 45.01 USD, SUCCEEDED, requested by the customer, unless overridden.
 *
 * @example makeRefund({ amount: 500, currency: 'JPY', status: 'PENDING' })
 */
export function makeRefund(overrides: Partial<Refund> = {}): Refund {
  return { ...refundUsd45, id: nextId('re'), ...overrides };
}

/**
 * A schema-valid session, PENDING with no refunds unless overridden.
 *
 * @example makeSession({ status: 'SUCCEEDED', refunds: [makeRefund()] })
 */
export function makeSession(overrides: Partial<CheckoutSession> = {}): CheckoutSession {
  return {
    id: nextId('cs'),
    orderReference: 'ORD-12345',
    status: 'PENDING',
    failureReason: null,
    providerName: 'stripe',
    paymentMethod: 'card',
    expiresAt: '2030-01-01T12:00:00.000Z',
    createdAt: '2024-01-15T11:00:00.000Z',
    updatedAt: '2024-01-15T11:30:00.000Z',
    refunds: null,
    ...overrides,
  };
}
