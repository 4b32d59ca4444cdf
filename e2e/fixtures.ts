import { test as base, expect, type APIRequestContext, type Page } from 'playwright/test';
import type { SeenStatus, SessionLog } from './figures';

// What every e2e test shares: the URLs global-setup.ts started, the API's admin endpoints, a
// recorder of what the page showed and announced, and a watch on the console.

function fromSetup(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with -c e2e/playwright.config.ts (global-setup.ts sets it).`);
  return value;
}
export const API_URL = fromSetup('E2E_API_URL');
export const CONFIRMATION_URL = fromSetup('E2E_URL_ORDER_CONFIRMATION');
export const DASHBOARD_URL = fromSetup('E2E_URL_MERCHANT_DASHBOARD');
export const NEXTJS_URL = fromSetup('E2E_URL_NEXTJS_ORDER_CONFIRMATION');

/** A tag that keeps each test's scripted sessions its own. */
export const runTag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

export function appUrl(base: string, query: Record<string, string | number>) {
  // The confirmation page asks the API across origins (CORS under test); the dashboard asks its
  // own origin, which passes /api on (scripts/examples-stack.mjs).
  const params = new URLSearchParams(base === CONFIRMATION_URL ? { api: API_URL } : {});
  for (const [key, value] of Object.entries(query)) params.set(key, String(value));
  return `${base}?${params}`;
}

export interface FaultRequest {
  fault: string;
  sessionId?: string;
  times?: number;
  retryAfter?: number;
  delayMs?: number;
}

/** The demo API's admin endpoints: reset, queued faults, and what it counted per session. */
export class DemoApi {
  constructor(private readonly request: APIRequestContext) {}

  async reset() {
    expect((await this.request.post(`${API_URL}/__admin/reset`)).ok()).toBe(true);
  }

  async fault(fault: FaultRequest) {
    expect((await this.request.post(`${API_URL}/__admin/faults`, { data: fault })).status()).toBe(201);
  }

  async session(sessionId: string): Promise<SessionLog> {
    return (await this.request.get(`${API_URL}/__admin/requests`, { params: { sessionId } })).json();
  }

  /** Every session's log; with `since` (epoch ms), only the requests from then on, of the sessions that had one. */
  async sessions(since?: number): Promise<SessionLog[]> {
    const options = since === undefined ? {} : { params: { since } };
    return ((await (await this.request.get(`${API_URL}/__admin/requests`, options)).json()) as { sessions: SessionLog[] }).sessions;
  }
}

interface Recording {
  seen: SeenStatus[];
  announcements: { text: string; at: number }[];
}
declare global {
  interface Window {
    __e2e?: Recording;
  }
}

/**
 * Runs in the page before its scripts: records each element's `data-status` as it changes (the
 * panel's key is "panel", a dashboard row's its session id) and each new text of a live region,
 * with the time, so a test can tell when the screen changed.
 */
export function installRecorder() {
  const recording: Recording = { seen: [], announcements: [] };
  window.__e2e = recording;
  const last = new Map<string, string>();
  const noteStatus = (element: Element) => {
    const status = element.getAttribute('data-status');
    if (!status) return;
    const key = element.getAttribute('data-session-id') ?? 'panel';
    if (last.get(key) === status) return;
    last.set(key, status);
    recording.seen.push({ key, status, at: Date.now() });
  };
  let lastAnnouncement = '';
  const noteLiveRegion = (node: Node) => {
    const region = (node instanceof Element ? node : node.parentElement)?.closest('[aria-live]');
    const text = region?.textContent ?? '';
    if (!region || text === '' || text === lastAnnouncement) return;
    lastAnnouncement = text;
    recording.announcements.push({ text, at: Date.now() });
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof Element) noteStatus(record.target);
      for (const node of record.addedNodes) {
        if (node instanceof Element) {
          if (node.hasAttribute('data-status')) noteStatus(node);
          node.querySelectorAll('[data-status]').forEach(noteStatus);
        }
      }
      noteLiveRegion(record.target);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-status'] });
}

export async function recording(page: Page): Promise<Recording> {
  return page.evaluate(() => window.__e2e ?? { seen: [], announcements: [] });
}

/** Makes the page's document hidden or visible, as the browser does when a tab goes to the background. */
export async function setDocumentHidden(page: Page, hidden: boolean): Promise<number> {
  return page.evaluate((isHidden) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (isHidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => isHidden });
    // Bubbling, as the browser fires it: React Query listens on window.
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    return Date.now();
  }, hidden);
}

const isLocal = (url: string) => /^(https?|wss?):\/\/127\.0\.0\.1(:\d+)?\//.test(url) || /^(data|blob|about):/.test(url);

export const test = base.extend<{ api: DemoApi; allowedConsoleErrors: RegExp | null }>({
  /** Console errors a test expects: the browser's own line for the HTTP error statuses it injects. */
  allowedConsoleErrors: [null, { option: true }],
  api: async ({ playwright }, provide) => {
    const request = await playwright.request.newContext();
    const api = new DemoApi(request);
    await api.reset();
    await provide(api);
    await request.dispose();
  },
  page: async ({ page, allowedConsoleErrors }, provide) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !allowedConsoleErrors?.test(message.text())) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (!isLocal(request.url())) problems.push(`request off this machine: ${request.url()}`);
    });
    await page.addInitScript(installRecorder);
    await provide(page);
    expect(problems, 'no console errors, page errors or requests off 127.0.0.1').toEqual([]);
  },
});

export { expect };

/** The browser's own console line for a response with one of these HTTP statuses. */
export const httpStatusLines = (...statuses: number[]) =>
  new RegExp(`^Failed to load resource: the server responded with a status of (${statuses.join('|')})\\b`);
