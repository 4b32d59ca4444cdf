import { CheckoutApiError, errorFromResponse, LONGEST_TIMER_MS, retryAfterOf } from './errors';
import { createRequestScheduler, type RequestPriority, type WaitUntilSendable } from './requestScheduler';
import { checkoutSessionSchema, type CheckoutSession } from './schema';
import { controllersOfSignals } from './abortable';
import { allowPollSpreading } from './pollSpreading';
import { allowTabSharing } from './tabSharing';

/**
 * The bearer token: the bare JWT, or a function (sync or async) that returns the current one.
 *
 * @example
 * ```ts
 * // A function is asked again before every request, so a token that rotates needs no new client.
 * const token: TokenProvider = () => auth.getAccessToken();
 * const client = createCheckoutClient({ baseUrl: 'https://api.example.com', token });
 * ```
 */
export type TokenProvider = string | (() => string | Promise<string>);

/**
 * Options of {@link createCheckoutClient}.
 *
 * @example
 * ```ts
 * const options: CheckoutClientOptions = {
 *   baseUrl: 'https://api.example.com/payments',
 *   token: () => auth.getAccessToken(),
 *   timeoutMs: 10_000,
 *   // A back-office page shares the API key's rate limit with the shop: leave it most of it.
 *   maxConcurrentRequests: 8,
 * };
 * const client = createCheckoutClient(options);
 * ```
 */
export interface CheckoutClientOptions {
  /** `https://api.example.com`, with or without a trailing slash or a path prefix. */
  baseUrl: string;
  /** The bare JWT, or a function asked again before every request (for tokens that rotate). */
  token: TokenProvider;
  /** Defaults to `globalThis.fetch`, looked up at request time so test mocks installed later apply. */
  fetch?: typeof fetch;
  /** Per request, body included, counted from when it is sent (not while queued). Default 15 000 ms; `Infinity` for none. */
  timeoutMs?: number;
  /**
   * Requests of this client in flight at once; the rest queue. Default 32 (above the 6 per
   * origin of HTTP/1.1 browsers, below the ~100 streams HTTP/2 servers offer); `Infinity` for
   * no cap. The cap bounds throughput to cap ÷ latency: 32 at 20 ms is 1,600 requests a second,
   * so it does not slow a board of 1,000 sessions polled every second (16 did: 0.8 polls per
   * session per period in the scheduling bench); following more at that latency needs a higher one. A 429 or 503 with
   * Retry-After holds every request of the client until it passes: rate limits count per API
   * key, not per session.
   */
  maxConcurrentRequests?: number;
  /**
   * Share one poller per session between the tabs of this browser that use the same API with
   * the same token (default `true`): one visible tab asks, the others receive each validated
   * answer or typed error through a `BroadcastChannel` and render it as their own. Only where
   * `BroadcastChannel`, `navigator.locks` and `crypto.subtle` exist (not in server renders,
   * older browsers, insecure origins or jsdom); elsewhere, and with `false`, each tab polls
   * alone. The token never crosses tabs, nor goes into a channel or lock name.
   */
  crossTab?: boolean;
}

/**
 * Options of one `getSession` call of a {@link CheckoutClient}.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * // A nightly reconciliation must not hold up the session a shopper is looking at.
 * const session = await client.getSession('cs_123', { signal: controller.signal, priority: 'low' });
 * ```
 */
export interface GetSessionOptions {
  signal?: AbortSignal | undefined;
  /**
   * `'high'` (default) for a session someone is looking at; `'low'` for background sweeps,
   * which start only when no high-priority request of the client is queued, and hold at most a
   * quarter of its `maxConcurrentRequests`.
   */
  priority?: RequestPriority | undefined;
  /**
   * Resolves when the request may be sent (e.g. once the page is visible), or returns
   * undefined when it may be sent now. Asked before the request queues, right before it is
   * sent and again after a hold, so a request held while the page was visible does not go
   * out after it was hidden.
   */
  waitUntilSendable?: WaitUntilSendable | undefined;
}

/**
 * What the hooks and components read sessions with; {@link createCheckoutClient} makes one.
 *
 * @example
 * ```ts
 * // A client of your own (another transport, a fake in tests) works with every hook and component.
 * const client: CheckoutClient = {
 *   async getSession(sessionId, { signal } = {}) {
 *     const response = await fetch(`/bff/sessions/${encodeURIComponent(sessionId)}`, { signal: signal ?? null });
 *     return checkoutSessionSchema.parse(await response.json());
 *   },
 * };
 * ```
 */
export interface CheckoutClient {
  getSession(sessionId: string, options?: GetSessionOptions): Promise<CheckoutSession>;
}

/**
 * The default `timeoutMs` of {@link createCheckoutClient}: 15 s per request.
 *
 * @example
 * ```ts
 * // A slow sandbox API: twice the default before a request counts as timed out.
 * const client = createCheckoutClient({ baseUrl, token, timeoutMs: 2 * DEFAULT_TIMEOUT_MS });
 * ```
 */
export const DEFAULT_TIMEOUT_MS = 15_000;
/**
 * The default `maxConcurrentRequests` of {@link createCheckoutClient}.
 *
 * @example createCheckoutClient({ baseUrl, token, maxConcurrentRequests: 2 * DEFAULT_MAX_CONCURRENT_REQUESTS })
 */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 32;

function validMaxConcurrent(maxConcurrentRequests: number): number {
  // Plain JavaScript configs read from the environment can pass "16"; 0 would send nothing ever.
  if (typeof maxConcurrentRequests !== 'number' || !(maxConcurrentRequests > 0)) {
    throw new TypeError(
      `createCheckoutClient: maxConcurrentRequests must be a positive number of requests, or Infinity for no cap (got ${String(maxConcurrentRequests)}).`,
    );
  }
  return maxConcurrentRequests;
}

/** The delay of a request's timeout timer, or undefined for no timer. */
function timeoutTimerDelay(timeoutMs: number): number | undefined {
  // Plain JavaScript configs read from the environment can pass "5000".
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) {
    throw new TypeError(
      `createCheckoutClient: timeoutMs must be a positive number of milliseconds, or Infinity for none (got ${String(timeoutMs)}).`,
    );
  }
  // A timer fires at once past its longest delay, which would time out every request.
  return Number.isFinite(timeoutMs) ? Math.min(timeoutMs, LONGEST_TIMER_MS) : undefined;
}

function sessionsBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(
      `createCheckoutClient: baseUrl must be an absolute URL such as "https://api.example.com" (got ${JSON.stringify(baseUrl)}).`,
    );
  }
  const prefix = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${prefix}/api/v1/sessions/`;
}

/**
 * The id becomes exactly one path segment. `.` and `..` cannot be carried as one: URL parsers
 * collapse them even when percent-encoded, which would move the request to another path.
 */
function sessionPath(sessionId: string): string {
  if (sessionId === '' || sessionId === '.' || sessionId === '..') {
    throw new CheckoutApiError({
      kind: 'invalid_request',
      message: `A session id must be a non-empty string other than "." or ".." (got ${JSON.stringify(sessionId)}); no request was sent.`,
    });
  }
  try {
    return encodeURIComponent(sessionId);
  } catch {
    // A lone UTF-16 surrogate has no UTF-8 form: encodeURIComponent throws a URIError.
    throw new CheckoutApiError({
      kind: 'invalid_request',
      message: 'A session id must be well-formed Unicode (it holds a lone surrogate); no request was sent.',
    });
  }
}

// RFC 6750's b64token: what a JWT is made of. Anything else (a newline, a space, a non-ASCII
// character) would either make fetch throw, retried as a network fault, or forge a header.
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Without a usable token the request is not sent. That is the shopper being signed out, so it
 * is kind "unauthorized", like the 401 the API would give, and final like it.
 */
function tokenError(message: string, cause?: unknown): CheckoutApiError {
  return new CheckoutApiError({ kind: 'unauthorized', message: `${message}; no request was sent.`, cause });
}

/** The bare token the provider gives now, or a final `unauthorized` error when it gives none usable. */
export async function resolveToken(token: TokenProvider): Promise<string> {
  let value: unknown;
  try {
    value = typeof token === 'function' ? await token() : token;
  } catch (cause) {
    throw tokenError('The token provider threw', cause);
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw tokenError('The token provider gave no token (an empty string or not a string)');
  }
  const bare = value.trim().replace(/^Bearer\s+/i, '');
  if (!BEARER_TOKEN.test(bare)) {
    throw tokenError('The token provider gave a token with characters a bearer token cannot hold');
  }
  return bare;
}

function describeParseFailure(error: unknown): string {
  if (error instanceof SyntaxError) return 'The API answered with a body that is not JSON.';
  return 'The API answered with a session the kit cannot read.';
}

/**
 * Creates the client the hooks use to read checkout sessions. Every body is validated with
 * zod; every failure is a {@link CheckoutApiError}. The token is sent only in the
 * Authorization header, never in a URL, a message or a log line.
 *
 * @example
 * const client = createCheckoutClient({ baseUrl: 'https://api.example.com', token: () => auth.getToken() });
 * const session = await client.getSession('cs_123');
 * // A back-office sweep, capped lower and yielding to what the shopper looks at:
 * const sweeper = createCheckoutClient({ baseUrl, token, maxConcurrentRequests: 4 });
 * await sweeper.getSession('cs_456', { priority: 'low' });
 * // Each tab polls on its own, not sharing one poller with the other tabs:
 * const alone = createCheckoutClient({ baseUrl, token, crossTab: false });
 */
export function createCheckoutClient(options: CheckoutClientOptions): CheckoutClient {
  const base = sessionsBaseUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timerMs = timeoutTimerDelay(timeoutMs);

  const scheduler = createRequestScheduler({
    maxConcurrent: validMaxConcurrent(options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS),
    // Rate limits count per API key, and this client is one key: a Retry-After holds it all.
    holdAfter: retryAfterOf,
  });

  function getSession(sessionId: string, { signal, priority, waitUntilSendable }: GetSessionOptions = {}): Promise<CheckoutSession> {
    let url: string;
    try {
      url = base + sessionPath(sessionId);
    } catch (error) {
      // A refused id is refused at once, without waiting for a slot.
      return Promise.reject(error);
    }
    return scheduler.run(() => send(url, signal), { signal, priority, waitUntilSendable });
  }

  /** One request, once the scheduler lets it out: its token and its timeout start here. */
  async function send(url: string, signal: AbortSignal | undefined): Promise<CheckoutSession> {
    const token = await resolveToken(options.token);
    signal?.throwIfAborted();

    // The caller's own controller when it handed it over: one signal per request, not two.
    const handedOver = signal && controllersOfSignals.get(signal);
    const controller = handedOver ?? new AbortController();
    let timedOut = false;
    const timer =
      timerMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timerMs);
    const forwardAbort = () => controller.abort(signal?.reason);
    if (!handedOver) signal?.addEventListener('abort', forwardAbort, { once: true });

    try {
      const fetchImpl = options.fetch ?? globalThis.fetch;
      const response = await fetchImpl(url, {
        method: 'GET',
        headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
        // A followed redirect could take the request to another origin, whose answer would then
        // be shown as the session's truth. The endpoint never redirects: treat one as an error.
        redirect: 'manual',
        signal: controller.signal,
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        throw new CheckoutApiError({
          kind: 'http',
          status: response.status || undefined,
          message: 'The API answered with a redirect, which the kit does not follow: requests stay on the configured origin.',
        });
      }
      const bodyText = await response.text();
      if (!response.ok) throw errorFromResponse(response, bodyText);
      try {
        return checkoutSessionSchema.parse(JSON.parse(bodyText));
      } catch (cause) {
        throw new CheckoutApiError({
          kind: 'invalid_response',
          status: response.status,
          message: describeParseFailure(cause),
          cause,
        });
      }
    } catch (error) {
      if (error instanceof CheckoutApiError) throw error;
      if (timedOut) {
        throw new CheckoutApiError({ kind: 'timeout', message: `The API did not answer within ${timeoutMs} ms.` });
      }
      // The caller cancelled (unmount, a newer request): hand back its own reason untouched.
      if (signal?.aborted) throw signal.reason;
      throw new CheckoutApiError({ kind: 'network', message: 'The API could not be reached.', cause: error });
    } finally {
      clearTimeout(timer);
      if (!handedOver) signal?.removeEventListener('abort', forwardAbort);
    }
  }

  const client = { getSession };
  if (options.crossTab !== false) allowTabSharing(client, { sessionsUrl: base, token: options.token });
  allowPollSpreading();
  return client;
}
