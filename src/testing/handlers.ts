import { http, HttpResponse, type HttpHandler } from 'msw';
import { abortableWait } from '../core/abortable';
import type { CheckoutSession } from '../core/schema';
import { errorFixtures, type ErrorFixtureStatus } from './fixtures';

/**
 * What a mocked request knows when it answers. `call` counts this session id's requests from 1.
 *
 * @example
 * ```ts
 * const seen: SessionRequestInfo[] = [];
 * server.use(mockSession(sessionFixtures.pending, { onRequest: (info) => seen.push(info) }));
 * // … after two polls of one session:
 * expect(seen.map(({ sessionId, call }) => [sessionId, call])).toEqual([['cs_123', 1], ['cs_123', 2]]);
 * ```
 */
export interface SessionRequestInfo {
  sessionId: string;
  call: number;
  request: Request;
}

/**
 * Answers one mocked request; {@link sessionResponse}, {@link errorResponse} and the others build them.
 *
 * @example
 * ```ts
 * // The status comes from the test, so it can change between polls.
 * let status: SessionStatus = 'PENDING';
 * const current: SessionResponder = ({ sessionId }) => HttpResponse.json(makeSession({ id: sessionId, status }));
 * server.use(mockSessionEndpoint(current));
 * status = 'SUCCEEDED'; // the next poll answers SUCCEEDED
 * ```
 */
export type SessionResponder = (info: SessionRequestInfo) => Response | Promise<Response>;

/**
 * Options of {@link mockSessionEndpoint} and its shorthands.
 *
 * @example
 * ```ts
 * const options: SessionHandlerOptions = {
 *   baseUrl: 'https://api.example.com',
 *   sessionId: 'cs_123',
 *   requireToken: 'test-token',
 *   latencyMs: 300,
 * };
 * server.use(mockSession(sessionFixtures.succeeded, options));
 * ```
 */
export interface SessionHandlerOptions {
  /** Only requests under this base URL are answered. Default: any origin. */
  baseUrl?: string;
  /** Only this session id is answered; others fall through to the next handler. */
  sessionId?: string;
  /** Milliseconds to wait before every answer; `Infinity` never answers (a loading state). */
  latencyMs?: number;
  /**
   * Answer 401 (with the provider's envelope) unless `Authorization: Bearer <requireToken>` is
   * sent. A refused request is answered before the script: it uses no step of a sequence and
   * is not counted or passed to `onRequest`.
   */
  requireToken?: string;
  /** Called once per request, before it is answered: count requests, assert headers. */
  onRequest?: (info: SessionRequestInfo) => void;
}

/**
 * A session, or a function of the request that returns one (to echo the requested id).
 *
 * @example
 * ```ts
 * // A function answers for whichever id the component asks about.
 * const answer: SessionAnswer = ({ sessionId }) => makeSession({ id: sessionId, status: 'SUCCEEDED' });
 * server.use(mockSession(answer));
 * ```
 */
export type SessionAnswer = CheckoutSession | ((info: SessionRequestInfo) => CheckoutSession);

/**
 * A responder that answers with `answer` as JSON: a session, or a function of the request that returns one.
 *
 * @example
 * // Echo the requested id.
 * server.use(mockSessionEndpoint(sessionResponse(({ sessionId }) => makeSession({ id: sessionId }))));
 */
export function sessionResponse(answer: SessionAnswer): SessionResponder {
  return (info) => HttpResponse.json(typeof answer === 'function' ? answer(info) : answer);
}

/**
 * Options of {@link errorResponse} and {@link mockSessionError}.
 *
 * @example
 * ```ts
 * // A proxy's 503: an HTTP-date Retry-After and no envelope.
 * const options: ErrorResponseOptions = { retryAfter: new Date(Date.now() + 5_000).toUTCString(), body: null };
 * server.use(mockSessionSequence([errorResponse(503, options), sessionFixtures.succeeded]));
 * ```
 */
export interface ErrorResponseOptions {
  /** Sent as the Retry-After header: seconds, or an HTTP date. Default for 429: "1". */
  retryAfter?: string | number;
  /** Replaces the provider's envelope; `null` sends an empty body. */
  body?: unknown;
}

/**
 * The provider's error envelope for `status` (401, 403, 404, 429, 500 with requestId, 502, 504).
 *
 * @example
 * server.use(mockSessionSequence([errorResponse(429, { retryAfter: 2 }), sessionFixtures.succeeded]));
 */
export function errorResponse(status: ErrorFixtureStatus | number, options: ErrorResponseOptions = {}): SessionResponder {
  const retryAfter = options.retryAfter ?? (status === 429 ? 1 : undefined);
  const headers: Record<string, string> = retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
  const body = options.body === undefined ? errorFixtures[status as ErrorFixtureStatus] : options.body;
  return () =>
    body === null || body === undefined
      ? new HttpResponse(null, { status, headers })
      : HttpResponse.json(body, { status, headers });
}

/**
 * The connection fails: `fetch` rejects, as it does when the network drops.
 *
 * @example
 * server.use(mockSessionSequence([networkError(), sessionFixtures.succeeded]));
 */
export function networkError(): SessionResponder {
  return () => HttpResponse.error();
}

/**
 * A body that is not JSON, such as a proxy's HTML error page.
 *
 * @example
 * server.use(mockSessionSequence([nonJsonResponse('<h1>Bad gateway</h1>', 502), sessionFixtures.pending]));
 */
export function nonJsonResponse(body = '<!doctype html><title>Bad gateway</title><h1>Bad gateway</h1>', status = 200): SessionResponder {
  return () => new HttpResponse(body, { status, headers: { 'Content-Type': 'text/html' } });
}

/**
 * Waits `ms` (`Infinity`: for ever), or until the request is aborted. True when the request
 * is still wanted: an aborted one must not run its responder, whose side effects a test counts.
 */
function waitLatency(ms: number, request: Request): Promise<boolean> {
  // Its own timer, cleared on abort: a pending one would keep a test's process alive; and none
  // at all for Infinity, which fake timers must not be able to run out.
  return abortableWait(request.signal, (done) => {
    if (!Number.isFinite(ms)) return () => {};
    const timer = setTimeout(done, ms);
    return () => clearTimeout(timer);
  }).then(
    () => true,
    () => false,
  );
}

/**
 * Answers after `ms` milliseconds (`Infinity`: never); an aborted request is not answered.
 *
 * @example
 * server.use(mockSessionEndpoint(withLatency(2_000, sessionResponse(sessionFixtures.pending))));
 */
export function withLatency(ms: number, responder: SessionResponder): SessionResponder {
  return async (info) => ((await waitLatency(ms, info.request)) ? responder(info) : HttpResponse.error());
}

function toResponder(step: SessionAnswer | SessionResponder): SessionResponder {
  if (typeof step !== 'function') return sessionResponse(step);
  // A responder may return a Response or a promise of one; a SessionAnswer function returns a session.
  return async (info) => {
    const answer = await (step as (info: SessionRequestInfo) => unknown)(info);
    return answer instanceof Response ? answer : HttpResponse.json(answer as CheckoutSession);
  };
}

function sessionUrlPattern(baseUrl: string | undefined): string {
  return `${baseUrl ? baseUrl.replace(/\/+$/, '') : '*'}/api/v1/sessions/:sessionId`;
}

/**
 * The general builder: answers `GET …/api/v1/sessions/:sessionId` with whatever `respond`
 * returns for each request. The others below are shorthands for it. Its request counts (the
 * `call` of each session, a sequence's step) live in the handler it returns: build one per
 * test (`server.use(…)` in the test or a `beforeEach`) or per story render (a `beforeEach`),
 * not once in `setupServer(…)` or a story's `parameters`, or the next test starts where the
 * last one stopped.
 *
 * @example
 * // PENDING twice, then SUCCEEDED, for each session asked about.
 * server.use(
 *   mockSessionEndpoint(({ sessionId, call }) =>
 *     HttpResponse.json(makeSession({ id: sessionId, status: call > 2 ? 'SUCCEEDED' : 'PENDING' })),
 *   ),
 * );
 */
export function mockSessionEndpoint(
  respond: (info: SessionRequestInfo) => Response | Promise<Response>,
  options: SessionHandlerOptions = {},
): HttpHandler {
  const calls = new Map<string, number>();
  return http.get(sessionUrlPattern(options.baseUrl), async ({ request, params }) => {
    const sessionId = String(params.sessionId);
    if (options.sessionId !== undefined && options.sessionId !== sessionId) return undefined;
    const refused =
      options.requireToken !== undefined && request.headers.get('Authorization') !== `Bearer ${options.requireToken}`;
    const call = refused ? 0 : (calls.get(sessionId) ?? 0) + 1;
    const info = { sessionId, call, request };
    if (!refused) {
      calls.set(sessionId, call);
      options.onRequest?.(info);
    }
    if (options.latencyMs && !(await waitLatency(options.latencyMs, request))) return HttpResponse.error();
    return refused ? errorResponse(401)(info) : respond(info);
  });
}

/**
 * Always the same session.
 *
 * @example server.use(mockSession(makeSession({ status: 'SUCCEEDED' })))
 */
export function mockSession(answer: SessionAnswer, options?: SessionHandlerOptions): HttpHandler {
  return mockSessionEndpoint(toResponder(answer), options);
}

/**
 * A scripted timeline, per session id: the nth request gets the nth step, and the last step
 * repeats. Steps are sessions or responders, so errors and recoveries can be scripted too.
 *
 * @example
 * mockSessionSequence([pending, pending, errorResponse(500), pending, succeeded])
 */
export function mockSessionSequence(
  steps: ReadonlyArray<SessionAnswer | SessionResponder>,
  options?: SessionHandlerOptions,
): HttpHandler {
  if (steps.length === 0) throw new Error('mockSessionSequence needs at least one step.');
  const responders = steps.map(toResponder);
  return mockSessionEndpoint(
    (info) => (responders[Math.min(info.call, responders.length) - 1] as SessionResponder)(info),
    options,
  );
}

/**
 * Every request answers with the provider's envelope for `status`.
 *
 * @example
 * server.use(mockSessionError(429, { retryAfter: 2 }));
 */
export function mockSessionError(
  status: ErrorFixtureStatus | number,
  options?: SessionHandlerOptions & ErrorResponseOptions,
): HttpHandler {
  return mockSessionEndpoint(errorResponse(status, options), options);
}

/**
 * Every request fails at the network level.
 *
 * @example
 * server.use(mockNetworkError({ sessionId: 'cs_offline' }));
 */
export function mockNetworkError(options?: SessionHandlerOptions): HttpHandler {
  return mockSessionEndpoint(networkError(), options);
}

/**
 * Every request answers with a body that is not JSON.
 *
 * @example
 * server.use(mockNonJson()); // a proxy's HTML error page: the hook's error is kind "invalid_response"
 */
export function mockNonJson(body?: string, options?: SessionHandlerOptions): HttpHandler {
  return mockSessionEndpoint(nonJsonResponse(body), options);
}
