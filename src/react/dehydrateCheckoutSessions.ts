import {
  defaultShouldDehydrateQuery,
  dehydrate,
  type DehydratedState,
  type DehydrateOptions,
  type Query,
  type QueryClient,
} from '@tanstack/react-query';
import { CheckoutApiError, isCheckoutApiError, type CheckoutApiErrorKind } from '../core/errors';
import { checkoutSessionKeys } from './queryOptions';

// Server → browser for final errors. React Query dehydrates only successful queries, so a
// session the server found missing would be asked again by the browser; and an Error instance
// does not cross a React Server Components boundary (nor JSON) with its class and kind. The
// error goes over as plain data and is rebuilt as a CheckoutApiError on the other side.

/**
 * A {@link CheckoutApiError} as plain data: what a final error carries in the state of
 * {@link dehydrateCheckoutSessions} until {@link reviveCheckoutSessionErrors} rebuilds it.
 *
 * @example
 * // In dehydrateCheckoutSessions(queryClient).queries[0].state.error, for a 404:
 * const error: SerializedCheckoutApiError = {
 *   name: 'CheckoutApiError', kind: 'not_found', message: 'The requested resource was not found', status: 404, code: 404,
 * };
 */
export interface SerializedCheckoutApiError {
  /** Marks the plain object as a serialised error, to be rebuilt. */
  name: 'CheckoutApiError';
  /** The error's {@link CheckoutApiErrorKind}, kept so the browser switches on it as the server would. */
  kind: CheckoutApiErrorKind;
  /** The envelope's `message`, or the kit's words for the status. */
  message: string;
  /** The HTTP status, when there was a response. */
  status?: number;
  /** The envelope's `code`, as sent. */
  code?: number | string;
  /** The envelope's `requestId`, for support. */
  requestId?: string;
}

function serializeCheckoutApiError(error: CheckoutApiError): SerializedCheckoutApiError {
  // Its `cause` (the zod issues of an unreadable body) stays on the server: no one reads it on screen.
  return {
    name: 'CheckoutApiError',
    kind: error.kind,
    message: error.message,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
  };
}

function isSerializedCheckoutApiError(value: unknown): value is SerializedCheckoutApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Error) &&
    (value as { name?: unknown }).name === 'CheckoutApiError' &&
    typeof (value as { kind?: unknown }).kind === 'string'
  );
}

const isCheckoutSessionQuery = (query: Query) => query.queryKey[0] === checkoutSessionKeys.all[0];

/** A session the kit will not ask for again because of its error: 401, 403, 404, an unreadable body. */
function hasFinalCheckoutError(query: Query): boolean {
  const { error } = query.state;
  return isCheckoutSessionQuery(query) && isCheckoutApiError(error) && !error.retryable;
}

const toPlain = (value: unknown) => (isCheckoutApiError(value) ? serializeCheckoutApiError(value) : value);
const toCheckoutApiError = (value: unknown) => (isSerializedCheckoutApiError(value) ? new CheckoutApiError(value) : value);

/** The state with each query's error and failure reason passed through `convert`. */
function mapQueryErrors(state: DehydratedState, convert: (error: unknown) => unknown): DehydratedState {
  return {
    ...state,
    queries: state.queries.map((query) => ({
      ...query,
      // Typed as Error by React Query; plain data between dehydrate and revive.
      state: {
        ...query.state,
        error: convert(query.state.error) as typeof query.state.error,
        fetchFailureReason: convert(query.state.fetchFailureReason) as typeof query.state.fetchFailureReason,
      },
    })),
  };
}

/**
 * React Query's `dehydrate`, plus the checkout sessions that ended in a final error (401, 403,
 * 404, an unreadable body), their errors as plain data that crosses a Server Components
 * boundary and JSON. Hand the result to {@link CheckoutSessionHydrationBoundary}, which
 * rebuilds each as a `CheckoutApiError` of its kind: the browser shows the server's error and
 * never asks for that session. Retryable errors (5xx, timeout, network, 429) are left out, so
 * the browser tries again. `options` are `dehydrate`'s own; a `shouldDehydrateQuery` of yours
 * decides for every other query.
 *
 * @example
 * // A Next.js server component
 * const queryClient = new QueryClient();
 * await queryClient.prefetchQuery(checkoutSessionQueryOptions(checkoutClient, sessionId));
 * return (
 *   <CheckoutSessionHydrationBoundary state={dehydrateCheckoutSessions(queryClient)}>
 *     <OrderStatus sessionId={sessionId} />
 *   </CheckoutSessionHydrationBoundary>
 * );
 */
export function dehydrateCheckoutSessions(queryClient: QueryClient, options: DehydrateOptions = {}): DehydratedState {
  const shouldDehydrate =
    options.shouldDehydrateQuery ?? queryClient.getDefaultOptions().dehydrate?.shouldDehydrateQuery ?? defaultShouldDehydrateQuery;
  const state = dehydrate(queryClient, {
    ...options,
    shouldDehydrateQuery: (query) => shouldDehydrate(query) || hasFinalCheckoutError(query),
  });
  return mapQueryErrors(state, toPlain);
}

/**
 * The other side of {@link dehydrateCheckoutSessions}: each checkout error sent as plain data
 * becomes a `CheckoutApiError` of its kind again. {@link CheckoutSessionHydrationBoundary}
 * does this for you; call it yourself only to `hydrate()` by hand.
 *
 * @example
 * hydrate(queryClient, reviveCheckoutSessionErrors(JSON.parse(serverState)));
 */
export function reviveCheckoutSessionErrors(state: DehydratedState): DehydratedState {
  return mapQueryErrors(state, toCheckoutApiError);
}
