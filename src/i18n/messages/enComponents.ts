import type { CheckoutComponentMessages } from './en';

/** The English words of the badges and the refund list, the components' words without a provider. */
export const enComponents: CheckoutComponentMessages = {
  sessionStatus: {
    PENDING: 'Pending',
    SUCCEEDED: 'Succeeded',
    FAILED: 'Failed',
    PARTIALLY_REFUNDED: 'Partially refunded',
    REFUNDED: 'Refunded',
    REVERSED: 'Reversed',
  },
  refundStatus: {
    PENDING: 'Pending',
    SUCCEEDED: 'Succeeded',
    FAILED: 'Failed',
    CANCELED: 'Canceled',
  },
  refundReason: {
    REQUESTED_BY_CUSTOMER: 'Requested by customer',
    DUPLICATE: 'Duplicate',
    FRAUDULENT: 'Fraudulent',
    OTHER: 'Other',
  },
  failureReason: {
    EXPIRED: 'Expired',
    LOST_OR_STOLEN_CARD: 'Lost or stolen card',
    INSUFFICIENT_FUNDS: 'Insufficient funds',
  },
  badgeReason: ' ({reason})',
  refundAmount: 'Amount',
  refundStatusLabel: 'Status',
  refundReasonLabel: 'Reason',
  refundFailureReasonLabel: 'Failure reason',
  refundDate: 'Date',
  refundsHeading: 'Refunds',
  total: 'Total',
  emptyRefunds: 'No refunds.',
};
