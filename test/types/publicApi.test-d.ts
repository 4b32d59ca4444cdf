// Type tests for the public surface: checked by `npm run typecheck` (tsc), not run.
import { useSuspenseQuery } from '@tanstack/react-query';
import {
  checkoutSessionQueryOptions,
  useCheckoutSession,
  useCheckoutSessions,
  type CheckoutApiError,
  type CheckoutApiErrorKind,
  type CheckoutClient,
  type CheckoutSession,
  type Refund,
  type SessionStatus,
} from '../../src';
import { mixedCurrencyRefunds, sessionFixtures } from '../../src/testing';

declare const client: CheckoutClient;

// Known statuses autocomplete, and any string is still a status.
expectTypeOf<'PENDING'>().toExtend<SessionStatus>();
expectTypeOf<'AWAITING_CAPTURE'>().toExtend<SessionStatus>();
expectTypeOf<CheckoutSession['refunds']>().toEqualTypeOf<CheckoutSession['refunds']>();
expectTypeOf<NonNullable<CheckoutSession['refunds']>[number]['amount']>().toEqualTypeOf<number>();

// Hooks are called inside a component, as users would.
export function TypeChecks() {
  // The hook's result is React Query's, typed with the kit's error, plus the two flags.
  const result = useCheckoutSession('cs_1');
  expectTypeOf(result.data).toEqualTypeOf<CheckoutSession | undefined>();
  expectTypeOf(result.error).toEqualTypeOf<CheckoutApiError | null>();
  expectTypeOf(result.isTerminal).toEqualTypeOf<boolean>();
  expectTypeOf(result.isPolling).toEqualTypeOf<boolean>();
  expectTypeOf<CheckoutApiError['kind']>().toEqualTypeOf<CheckoutApiErrorKind>();

  // `select` narrows data, as with useQuery.
  const selected = useCheckoutSession('cs_1', { select: (session) => session.status });
  expectTypeOf(selected.data).toEqualTypeOf<SessionStatus | undefined>();

  // pollInterval may be a function of (session, attempt) returning ms or false.
  useCheckoutSession('cs_1', { pollInterval: (session, attempt) => (session?.status === 'PENDING' && attempt < 10 ? 1_000 : false) });
  // @ts-expect-error pollInterval must return a number or false
  useCheckoutSession('cs_1', { pollInterval: () => 'soon' });

  // One options object serves useSuspenseQuery, with defined data.
  const suspense = useSuspenseQuery(checkoutSessionQueryOptions(client, 'cs_1'));
  expectTypeOf(suspense.data).toEqualTypeOf<CheckoutSession>();

  // The dashboard hook returns one result per id.
  expectTypeOf(useCheckoutSessions(['a', 'b'])[0]!.isPolling).toEqualTypeOf<boolean>();
  return null;
}

// The testing entry's fixtures (frozen at runtime) fit wherever a session or refunds are expected.
expectTypeOf(sessionFixtures.succeeded).toExtend<CheckoutSession>();
expectTypeOf(mixedCurrencyRefunds).toEqualTypeOf<Refund[]>();

// The switch the README and docs/CONTRACT.md recommend: cases for some kinds and a `default`
// that falls back on `retryable`. It compiles whatever kinds the union holds, so a kind added
// in a minor release does not break it (a `const never: never = error.kind` check would).
export function describeFailure(error: CheckoutApiError): string {
  switch (error.kind) {
    case 'unauthorized':
      return 'Please sign in again.';
    case 'not_found':
    case 'invalid_request':
      return 'We could not find this payment.';
    default:
      expectTypeOf(error.kind).toExtend<CheckoutApiErrorKind>();
      return error.retryable ? 'Still checking…' : error.message;
  }
}
