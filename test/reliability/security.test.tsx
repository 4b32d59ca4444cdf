import { http, HttpResponse } from 'msw';
import { CheckoutSessionStatus } from '../../src/components/CheckoutSessionStatus/CheckoutSessionStatus';
import { CheckoutApiError } from '../../src/core/errors';
import {
  errorResponse,
  makeSession,
  mockSessionEndpoint,
  networkError,
  nonJsonResponse,
  sessionResponse,
  withLatency,
  type SessionResponder,
} from '../../src/testing';
import { makeTestClient, renderWithClient } from '../support/renderWithClient';
import { TEST_API, TEST_TOKEN, setupMswServer } from '../support/server';
import { advance } from './support';

const server = setupMswServer();

/** Every request that reaches the network, whichever origin it is for. */
function recordAllRequests(respond: SessionResponder) {
  const urls: string[] = [];
  server.events.on('request:start', ({ request }) => void urls.push(request.url));
  server.use(
    mockSessionEndpoint(respond, { baseUrl: TEST_API }),
    http.all('*', () => HttpResponse.json({ error: 'Not Found', message: 'elsewhere', code: 404 }, { status: 404 })),
  );
  return urls;
}

/** Everything an error carries that could end up in a log or a bug report. */
function everythingIn(error: unknown, depth = 0): string {
  if (!(error instanceof Error) || depth > 3) return String(error);
  const own = Object.fromEntries(Object.entries(error));
  return [error.message, error.stack, JSON.stringify(own), everythingIn(error.cause, depth + 1)].join('\n');
}

describe('security: the token', () => {
  const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    server.events.removeAllListeners();
  });

  it.each<[string, SessionResponder]>([
    ['a 401', errorResponse(401)],
    ['a 500 with a requestId', errorResponse(500)],
    ['a network drop', networkError()],
    ['an HTML page', nonJsonResponse()],
    ['a body that is not a session', () => HttpResponse.json({ token: 'x', echoedHeaders: 'none' })],
    ['a timeout', withLatency(60_000, sessionResponse(makeSession()))],
  ])('never appears in a URL, an error, a console call or the page after %s', async (_, respond) => {
    const logged: unknown[][] = [];
    for (const method of CONSOLE_METHODS) vi.spyOn(console, method).mockImplementation((...args) => void logged.push(args));
    const urls = recordAllRequests(respond);
    const client = makeTestClient({ timeoutMs: 1_000 });
    const { container, queryClient } = renderWithClient(<CheckoutSessionStatus sessionId="cs_1" retry={1} retryDelay={10} />, {
      client,
    });
    const errors: unknown[] = [];
    queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') errors.push(event.action.error);
    });
    await advance(5_000);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toBeInstanceOf(CheckoutApiError);
      expect(everythingIn(error)).not.toContain(TEST_TOKEN);
    }

    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).not.toContain(TEST_TOKEN);
    expect(JSON.stringify(logged.map((args) => args.map((arg) => everythingIn(arg))))).not.toContain(TEST_TOKEN);
    expect(container.innerHTML).not.toContain(TEST_TOKEN);
    expect(document.documentElement.outerHTML).not.toContain(TEST_TOKEN);
  });

  it('is not in the message of the error a token provider causes, even when the provider puts it in its own', async () => {
    const client = makeTestClient({ token: () => `${TEST_TOKEN}\nX-Injected: 1` });
    const error = await client.getSession('cs_1').catch((reason: unknown) => reason);
    expect(error).toMatchObject({ kind: 'unauthorized' });
    expect(`${(error as Error).message}\n${(error as Error).stack}`).not.toContain(TEST_TOKEN);
  });
});

describe('security: where requests go', () => {
  afterEach(() => {
    server.events.removeAllListeners();
  });

  it.each([
    '//evil.example/x',
    'https://evil.example',
    'https:evil.example',
    '\\\\evil.example\\x',
    '@evil.example',
    '../../../evil', // a hostile id, not a path (check-standalone: ignore)
    '%2F%2Fevil.example',
    '/evil.example',
    '\t//evil.example',
  ])('a sessionId %j cannot take the request off the base URL', async (sessionId) => {
    const urls = recordAllRequests(sessionResponse(makeSession({ id: sessionId })));
    await makeTestClient().getSession(sessionId).catch(() => undefined);
    expect(urls).toHaveLength(1);
    const url = new URL(urls[0]!);
    expect(url.origin).toBe(TEST_API);
    expect(url.pathname).toBe(`/api/v1/sessions/${encodeURIComponent(sessionId)}`);
  });

  it('does not follow a redirect to another origin, nor believe what is found there', async () => {
    const urls = recordAllRequests(() => new HttpResponse(null, { status: 302, headers: { Location: 'https://evil.example/forged' } }));
    server.use(http.get('https://evil.example/*', () => HttpResponse.json(makeSession({ id: 'cs_1', status: 'SUCCEEDED' }))));
    const error = await makeTestClient().getSession('cs_1').catch((reason: unknown) => reason);
    expect(error).toMatchObject({ kind: 'http', status: 302, retryable: false });
    expect(urls.map((url) => new URL(url).origin)).toEqual([TEST_API]);
  });

  it('keeps a base URL path prefix and drops its query and fragment', async () => {
    const urls = recordAllRequests(sessionResponse(makeSession()));
    server.use(http.get('https://api.test/payments/api/v1/sessions/:id', () => HttpResponse.json(makeSession())));
    await makeTestClient({ baseUrl: `${TEST_API}/payments/?redirect=https://evil.example#frag` }).getSession('cs_1');
    expect(urls).toEqual([`${TEST_API}/payments/api/v1/sessions/cs_1`]);
  });
});
