import type { CheckoutSession, Refund } from '../core/schema';
import { definedEntries } from '../core/definedEntries';
import { refundUsd45 } from './fixtures';

let sequence = 0;
const nextId = (prefix: string) => `${prefix}_${(++sequence).toString().padStart(6, '0')}`;

/**
 * Fields to set; one left undefined (`{ id: maybeId }`) keeps its default.
 *
 * @example
 * const paid: Overrides<CheckoutSession> = { status: 'SUCCEEDED', expiresAt: null };
 * makeSession(paid);
 */
export type Overrides<T> = { [Key in keyof T]?: T[Key] | undefined };

/**
 * A schema-valid refund: 45.01 USD, SUCCEEDED, requested by the customer, unless overridden
 * (an override left undefined keeps the default).
 *
 * @example makeRefund({ amount: 500, currency: 'JPY', status: 'PENDING' })
 */
export function makeRefund(overrides: Overrides<Refund> = {}): Refund {
  return { ...refundUsd45, id: nextId('re'), ...definedEntries(overrides) };
}

/**
 * A schema-valid session, PENDING with no refunds unless overridden (an override left
 * undefined keeps the default).
 *
 * @example makeSession({ status: 'SUCCEEDED', refunds: [makeRefund()] })
 */
export function makeSession(overrides: Overrides<CheckoutSession> = {}): CheckoutSession {
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
    ...definedEntries(overrides),
  };
}
