#!/usr/bin/env node
// A local stand-in for the checkout API: GET /api/v1/sessions/{sessionId} as the provider's
// reference describes it (Bearer token, error envelopes), with sessions that move over time on
// a script read from their id (see sessions.mjs), faults on request, request counters and an
// admin API for tests. Plain node:http, listens on 127.0.0.1 only.
//
//   node examples/api-server/server.mjs [--port 4010]      (PORT and CHECKOUT_DEMO_TOKEN work too)
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseSessionScript, sessionBody, stageAt, statusChanges } from './sessions.mjs';

export const DEFAULT_PORT = 4010;
export const DEFAULT_TOKEN = 'demo-token';
const HOST = '127.0.0.1';
const SESSIONS_PREFIX = '/api/v1/sessions/';
const LOOPBACK_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

/** Bodies as the reference prints them (api/fixtures/error.*.json), plus the statuses it leaves out. */
const ENVELOPES = {
  401: { error: 'Unauthorized', message: 'Authentication required. Please provide a valid API token', code: 401 },
  404: { error: 'Not Found', message: 'The requested resource was not found', code: 404 },
  429: { error: 'Too Many Requests', message: 'Rate limit exceeded. Retry after the time given in Retry-After.', code: 429 },
  500: { error: 'Internal Server Error', message: 'An unexpected error occurred on the server', code: 500 },
  502: { error: 'Error', message: 'Service temporarily unavailable.', code: 502 },
  503: { error: 'Service Unavailable', message: 'Service temporarily unavailable.', code: 503 },
  504: { error: 'Error', message: 'Request timed out.', code: 504 },
};

/** Faults a request can ask for with `?fault=`, or the admin API can queue. */
export const FAULTS = ['401', '404', '429', '500', '502', '503', '504', 'slow', 'drop', 'nonjson'];

/**
 * @typedef {{ fault: string, sessionId?: string, times: number, retryAfter?: number, delayMs?: number }} QueuedFault
 * @typedef {{ at: number, httpStatus: number, outcome: string, sessionStatus?: string, refunds?: string | null }} RequestRecord
 * @typedef {{ startedAt?: number, requests: RequestRecord[], preflights: number }} SessionRecord
 * @typedef {{ port?: number, token?: string, log?: (line: string) => void }} ApiServerOptions
 */

/**
 * Starts the server. Resolves once it listens; `close()` stops it and drops open connections.
 * @param {ApiServerOptions} [options]
 */
export async function startApiServer({ port = DEFAULT_PORT, token = DEFAULT_TOKEN, log = console.log } = {}) {
  /** @type {Map<string, SessionRecord>} */
  let sessions = new Map();
  /** @type {QueuedFault[]} */
  let faults = [];
  let requestCounter = 0;

  const recordFor = (id) => {
    let record = sessions.get(id);
    if (!record) sessions.set(id, (record = { requests: [], preflights: 0 }));
    return record;
  };

  function summary(id, record) {
    const script = parseSessionScript(id);
    return {
      sessionId: id,
      count: record.requests.length,
      preflights: record.preflights,
      startedAt: record.startedAt ?? null,
      statusChanges: script && record.startedAt !== undefined ? statusChanges(script, record.startedAt) : [],
      requests: record.requests,
    };
  }

  /** The next queued fault for this session, consumed; or the one the URL asks for. */
  function takeFault(id, url) {
    const fromQuery = url.searchParams.get('fault');
    if (fromQuery) {
      const number = (name) => (url.searchParams.has(name) ? Number(url.searchParams.get(name)) : undefined);
      return { fault: fromQuery, times: 1, retryAfter: number('retryAfter'), delayMs: number('delayMs') };
    }
    const index = faults.findIndex((queued) => queued.sessionId === undefined || queued.sessionId === id);
    if (index === -1) return undefined;
    const queued = /** @type {QueuedFault} */ (faults[index]);
    queued.times -= 1;
    if (queued.times <= 0) faults.splice(index, 1);
    return queued;
  }

  function cors(req, res) {
    const origin = req.headers.origin;
    if (origin && LOOPBACK_ORIGIN.test(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      // Retry-After is not a CORS-safelisted response header: without this the kit cannot honour it.
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id');
    }
  }

  function sendJson(res, status, body, headers = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
    res.end(JSON.stringify(body));
  }

  function sendEnvelope(res, status, extraHeaders = {}) {
    const requestId = `req_${Date.now()}${String(++requestCounter).padStart(4, '0')}`;
    const body = status === 500 ? { ...ENVELOPES[500], requestId } : ENVELOPES[status];
    sendJson(res, status, body, { 'X-Request-Id': requestId, ...extraHeaders });
  }

  const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Answers one session request; returns what the log line and the counters say about it. */
  async function answerSession(req, res, url) {
    const rawId = url.pathname.slice(SESSIONS_PREFIX.length);
    let id;
    try {
      id = decodeURIComponent(rawId);
    } catch {
      id = rawId;
    }
    if (rawId === '' || rawId.includes('/')) {
      sendEnvelope(res, 404);
      return { outcome: 'not_found' };
    }
    if (req.method === 'OPTIONS') {
      recordFor(id).preflights += 1;
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Accept, Content-Type',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return { outcome: 'preflight', id };
    }
    if (req.method !== 'GET') {
      sendJson(res, 405, { error: 'Method Not Allowed', message: 'Only GET is supported', code: 405 }, { Allow: 'GET' });
      return { outcome: 'method_not_allowed', id };
    }

    const record = recordFor(id);
    const now = Date.now();
    /** @param {Omit<RequestRecord, 'at'>} entry */
    const count = (entry) => {
      record.requests.push({ at: now, ...entry });
      return { ...entry, id, n: record.requests.length };
    };

    const authorization = req.headers.authorization ?? '';
    if (authorization !== `Bearer ${token}`) {
      sendEnvelope(res, 401);
      return count({ httpStatus: 401, outcome: authorization ? 'bad_token' : 'no_token' });
    }
    const script = parseSessionScript(id);
    if (!script) {
      sendEnvelope(res, 404);
      return count({ httpStatus: 404, outcome: 'unknown_session' });
    }
    record.startedAt ??= now;

    const fault = takeFault(id, url);
    if (fault?.fault === 'drop') {
      req.socket.destroy();
      return count({ httpStatus: 0, outcome: 'fault:drop' });
    }
    if (fault?.fault === 'nonjson') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Bad gateway</title><h1>Upstream sent garbage</h1>');
      return count({ httpStatus: 200, outcome: 'fault:nonjson' });
    }
    if (fault && fault.fault !== 'slow') {
      const status = Number(fault.fault);
      const headers = status === 429 || status === 503 ? { 'Retry-After': String(fault.retryAfter ?? 2) } : {};
      sendEnvelope(res, ENVELOPES[status] ? status : 500, headers);
      return count({ httpStatus: status, outcome: `fault:${fault.fault}` });
    }
    const entry = count({ httpStatus: 200, outcome: fault ? 'fault:slow' : 'ok' });
    if (fault) await delay(fault.delayMs ?? 3000);
    // The body is read when the answer leaves, so a slow answer carries the status of its time.
    const body = sessionBody(id, script, record.startedAt, Date.now());
    Object.assign(record.requests[record.requests.length - 1] ?? {}, {
      sessionStatus: body.status,
      refunds: stageAt(script, Date.now() - record.startedAt).refunds ?? null,
    });
    sendJson(res, 200, body);
    return { ...entry, sessionStatus: body.status };
  }

  async function readJson(req) {
    let text = '';
    for await (const chunk of req) text += chunk;
    return text ? JSON.parse(text) : {};
  }

  /** GET /__admin/requests[?sessionId=|?since=], POST /__admin/reset, POST /__admin/faults, GET /__admin/faults. */
  async function answerAdmin(req, res, url) {
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /__admin/requests') {
      const id = url.searchParams.get('sessionId');
      if (id !== null) return sendJson(res, 200, summary(id, sessions.get(id) ?? { requests: [], preflights: 0 }));
      // ?since=<epoch ms>: only the requests from then on, and only the sessions that had one
      // (a 10,000-session page's full log is megabytes).
      const since = Number(url.searchParams.get('since') ?? Number.NaN);
      const all = [...sessions].map(([sessionId, record]) => summary(sessionId, record));
      if (!Number.isFinite(since)) return sendJson(res, 200, { sessions: all });
      const recent = all
        .map((session) => ({ ...session, requests: session.requests.filter((request) => request.at >= since) }))
        .filter((session) => session.requests.length > 0);
      return sendJson(res, 200, { sessions: recent });
    }
    if (route === 'POST /__admin/reset') {
      sessions = new Map();
      faults = [];
      return sendJson(res, 200, { ok: true });
    }
    if (route === 'GET /__admin/faults') return sendJson(res, 200, { faults });
    if (route === 'POST /__admin/faults') {
      const body = { ...Object.fromEntries(url.searchParams), ...(await readJson(req)) };
      const fault = String(body.fault ?? '');
      if (!FAULTS.includes(fault)) return sendJson(res, 400, { error: 'Bad Request', message: `fault must be one of ${FAULTS.join(', ')}`, code: 400 });
      /** @type {QueuedFault} */
      const queued = { fault, times: Number(body.times ?? 1) };
      if (body.sessionId !== undefined) queued.sessionId = String(body.sessionId);
      if (body.retryAfter !== undefined) queued.retryAfter = Number(body.retryAfter);
      if (body.delayMs !== undefined) queued.delayMs = Number(body.delayMs);
      faults.push(queued);
      return sendJson(res, 201, queued);
    }
    return sendJson(res, 404, ENVELOPES[404]);
  }

  const server = createServer(async (req, res) => {
    const started = Date.now();
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    let info = {};
    try {
      if (url.pathname.startsWith('/__admin/')) {
        await answerAdmin(req, res, url);
      } else if (url.pathname.startsWith(SESSIONS_PREFIX)) {
        cors(req, res);
        info = await answerSession(req, res, url);
      } else {
        cors(req, res);
        sendEnvelope(res, 404);
      }
    } catch (error) {
      if (!res.headersSent) sendJson(res, 400, { error: 'Bad Request', message: String(error), code: 400 });
    }
    // One line per request. The Authorization header is never written anywhere.
    const fields = Object.entries(info)
      .filter(([key]) => key !== 'id' && key !== 'httpStatus')
      .map(([key, value]) => `${key}=${value}`);
    log(
      [new Date(started).toISOString(), req.method, url.pathname + url.search, res.headersSent ? res.statusCode : 'dropped', `${Date.now() - started}ms`, ...fields].join(' '),
    );
  });
  server.keepAliveTimeout = 5000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${HOST}:${actualPort}`,
    port: actualPort,
    token,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const portFlag = process.argv.indexOf('--port');
  const port = Number(portFlag > -1 ? process.argv[portFlag + 1] : (process.env.PORT ?? DEFAULT_PORT));
  const api = await startApiServer({ port, token: process.env.CHECKOUT_DEMO_TOKEN || DEFAULT_TOKEN });
  console.log(`checkout API on ${api.url} (token "${api.token === DEFAULT_TOKEN ? DEFAULT_TOKEN : '…'}"); try ${api.url}/api/v1/sessions/cs_succeed_5s`);
  const stop = () => void api.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
