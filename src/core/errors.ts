import { apiErrorEnvelopeSchema } from './schema';

/**
 * What went wrong, to switch on. A minor release may add a kind (as `invalid_request` was
 * added): end a `switch` on it with a `default`, as below, rather than an exhaustiveness check
 * that would stop compiling on upgrade (docs/CONTRACT.md).
 *
 * @example
 * switch (error.kind) {
 *   case 'unauthorized': return signIn();
 *   case 'not_found': return showNotFound();
 *   default: return error.retryable ? showStillChecking() : showFailed(error.message); // and any later kind
 * }
 */
export type CheckoutApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'invalid_response'
  | 'http'
  /** Refused before sending: an id URLs cannot carry as one segment. (No usable token is "unauthorized".) */
  | 'invalid_request';

/** Every {@link CheckoutApiErrorKind}, for code that must check or list them at run time. */
export const ERROR_KINDS = [
  'unauthorized',
  'forbidden',
  'not_found',
  'rate_limited',
  'server',
  'timeout',
  'network',
  'invalid_response',
  'http',
  'invalid_request',
] as const satisfies readonly CheckoutApiErrorKind[];
// A kind added to CheckoutApiErrorKind but not here fails to compile: a tab would drop its errors.
const everyKindListed: Exclude<CheckoutApiErrorKind, (typeof ERROR_KINDS)[number]> extends never ? true : never = true;
void everyKindListed;

const RETRYABLE_KINDS: ReadonlySet<CheckoutApiErrorKind> = new Set([
  'server',
  'timeout',
  'network',
  'rate_limited',
]);

export interface CheckoutApiErrorInit {
  kind: CheckoutApiErrorKind;
  message: string;
  status?: number | undefined;
  code?: number | string | undefined;
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

/**
 * Every failure of the kit's requests, as a value with a `kind` to switch on. `retryable` says
 * whether trying again may help (5xx, timeout, network, 429); the rest are final.
 *
 * @example
 * if (error.kind === 'unauthorized') redirectToLogin();
 * else if (error.requestId) showSupportReference(error.requestId);
 */
export class CheckoutApiError extends Error {
  override readonly name = 'CheckoutApiError';
  readonly kind: CheckoutApiErrorKind;
  readonly status?: number;
  readonly code?: number | string;
  readonly requestId?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(init: CheckoutApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.retryable = RETRYABLE_KINDS.has(init.kind);
    if (init.status !== undefined) this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

/**
 * Whether `value` is a {@link CheckoutApiError}: for a `catch` block or an error boundary's `error`.
 *
 * @example
 * if (isCheckoutApiError(error) && !error.retryable) showFinalError(error.message);
 */
export function isCheckoutApiError(value: unknown): value is CheckoutApiError {
  return value instanceof CheckoutApiError;
}

function kindForStatus(status: number): CheckoutApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'http';
}

// Timers fire at once past 2^31 - 1 ms (about 24.8 days), so a longer Retry-After, from a
// far-off HTTP date, would be no wait at all: it is read as the longest wait a timer can keep.
export const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). Returns milliseconds
 * from `now`, or undefined when the header is absent or unreadable.
 */
function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  return Number.isNaN(ms) ? undefined : Math.min(Math.max(0, ms), LONGEST_TIMER_MS);
}

function readEnvelope(bodyText: string) {
  try {
    const parsed = apiErrorEnvelopeSchema.safeParse(JSON.parse(bodyText));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // An HTML error page from a proxy, or an empty body: the status alone must do.
    return undefined;
  }
}

/** Builds the typed error for a non-2xx response, reading the error envelope when there is one. */
export function errorFromResponse(response: Response, bodyText: string): CheckoutApiError {
  const envelope = readEnvelope(bodyText);
  const retryAfterMs =
    response.status === 429 || response.status === 503
      ? parseRetryAfter(response.headers.get('Retry-After'))
      : undefined;
  return new CheckoutApiError({
    kind: kindForStatus(response.status),
    status: response.status,
    message: envelope?.message || `The API answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    code: envelope?.code,
    requestId: envelope?.requestId,
    retryAfterMs,
  });
}

/**
 * How long a failure asks for nothing more to be sent: the Retry-After of a 429, or of a 503
 * that sent one; undefined for any other failure.
 *
 * @example scheduler.run(task).catch((error) => holdFor(retryAfterOf(error)))
 */
export function retryAfterOf(error: unknown): number | undefined {
  return isCheckoutApiError(error) ? error.retryAfterMs : undefined;
}
