import { mkdirSync } from 'node:fs';
import { analyseSession, E2E_DIR, quantile, recordFigure, type SessionLog } from './figures';
import {
  appUrl,
  CONFIRMATION_URL,
  expect,
  httpStatusLines,
  recording,
  runTag,
  setDocumentHidden,
  test,
  type DemoApi,
} from './fixtures';
import type { Page } from 'playwright/test';

// The shopper's page, examples/order-confirmation, on the packed kit against the demo API.
const POLL = 500;
/**
 * Room for a request's round trip and React's commit. CI machines are shared two-core boxes:
 * a single poll may be late by more under load, so per request only a whole skipped period
 * fails; the typical (median) gap must be within this.
 */
const SLACK = 250;

const panel = (page: Page) => page.locator('.rcs-checkout-status');

async function open(page: Page, session: string, query: Record<string, string | number> = {}) {
  await page.goto(appUrl(CONFIRMATION_URL, { session, pollInterval: POLL, ...query }));
}

/** Waits `ms` and returns what the server counted for the session by then. */
async function countedAfter(page: Page, api: DemoApi, sessionId: string, ms: number): Promise<SessionLog> {
  await page.waitForTimeout(ms);
  return api.session(sessionId);
}

test('goes from Pending to Succeeded, asking once per poll interval and never after, and announces it', async ({ page, api }) => {
  const sessionId = `cs_succeed_3s_${runTag()}`;
  await open(page, sessionId);

  await expect(panel(page)).toHaveAttribute('data-status', 'PENDING');
  await expect(panel(page).getByText('Pending', { exact: true })).toBeVisible();
  await expect(panel(page)).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 3000 + 4 * POLL });
  await expect(panel(page).getByText('Succeeded', { exact: true })).toBeVisible();
  const screenshots = `${E2E_DIR}/screenshots`;
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}/order-confirmation.png`, fullPage: true });

  // Three more periods: a kit that kept polling after SUCCEEDED would show here.
  const log = await countedAfter(page, api, sessionId, 3 * POLL);
  const { seen, announcements } = await recording(page);
  const figures = analyseSession(log, seen.filter((entry) => entry.key === 'panel'));
  recordFigure('confirmation-succeed', { scenario: 'confirmation page, SUCCEEDED at 3 s', pollIntervalMs: POLL, sessions: [figures] });
  const change = log.statusChanges[1];
  expect(change?.status).toBe('SUCCEEDED');

  // The polling rules, as the server saw them: every answer a 200; one request per period
  // (never sooner, and never much later); every request but the last saw PENDING and was
  // sent before the change; the last saw SUCCEEDED and came within one period of it; then none.
  expect(log.requests.map((request) => request.httpStatus)).toEqual(log.requests.map(() => 200));
  for (const gap of figures.gaps) {
    expect(gap).toBeGreaterThanOrEqual(POLL - 20);
    expect(gap).toBeLessThan(2 * POLL);
  }
  expect(quantile(figures.gaps, 0.5)).toBeLessThanOrEqual(POLL + SLACK);
  const beforeChange = log.requests.slice(0, -1);
  expect(beforeChange.every((request) => request.sessionStatus === 'PENDING' && request.at < (change?.at ?? 0))).toBe(true);
  expect(log.requests.at(-1)?.sessionStatus).toBe('SUCCEEDED');
  expect(figures.requestDelays[0]).toBeLessThan(2 * POLL);
  expect(figures.requestsAfterSettled).toBe(0);
  // Once per period for 3 s, then the one that sees SUCCEEDED: 3000 / 500 + 1 at most.
  expect(figures.requestsUntilSettled).toBeGreaterThanOrEqual(Math.floor(3000 / (2 * POLL)) + 1);
  expect(figures.requestsUntilSettled).toBeLessThanOrEqual(Math.ceil(3000 / POLL) + 1);
  expect(log.preflights).toBeLessThanOrEqual(1);

  // On screen within one poll interval plus latency of the server's change.
  expect(figures.latencies[0]).not.toBeNull();
  expect(figures.latencies[0]).toBeLessThan(2 * POLL + SLACK);

  // The live region said each status once, in order.
  expect(announcements.map((entry) => entry.text)).toEqual([
    expect.stringMatching(/^Payment status: Pending\./),
    expect.stringMatching(/^Payment status: Succeeded\./),
  ]);
  await expect(page.locator('[aria-live="polite"]')).toHaveText(/Payment status: Succeeded\./);
});

test.describe('with a bad token', () => {
  test.use({ allowedConsoleErrors: httpStatusLines(401) });

  test('a 401 shows the typed error and stops polling for good', async ({ page, api }) => {
    await page.addInitScript(() => window.localStorage.setItem('checkout-demo-token', 'expired-token'));
    const sessionId = `cs_succeed_2s_${runTag()}`;
    await open(page, sessionId);

    const alert = page.getByRole('alert');
    await expect(alert).toHaveAttribute('data-kind', 'unauthorized');
    await expect(alert).toHaveText(/signed out/);
    await expect(alert.getByRole('button')).toHaveCount(0); // final: no "Try again"
    const log = await countedAfter(page, api, sessionId, 5 * POLL);
    expect(log.requests.map((request) => [request.httpStatus, request.outcome])).toEqual([[401, 'bad_token']]);
  });
});

test.describe('when the API fails', () => {
  test.use({ allowedConsoleErrors: httpStatusLines(500, 429) });

  test('a burst of 500s is retried with backoff and recovers without troubling the shopper', async ({ page, api }) => {
    const sessionId = `cs_succeed_2s_${runTag()}`;
    await api.fault({ fault: '500', sessionId, times: 3 });
    await open(page, sessionId);

    await expect(panel(page)).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 12_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
    const log = await countedAfter(page, api, sessionId, 2 * POLL);
    expect(log.requests.slice(0, 3).map((request) => request.httpStatus)).toEqual([500, 500, 500]);
    expect(log.requests.slice(3).every((request) => request.httpStatus === 200)).toBe(true);
    // The kit's default backoff: 1 s then 2 s then 4 s, each jittered to 50–100 %.
    const [first, second, third] = analyseSession(log, []).gaps;
    expect(first).toBeGreaterThanOrEqual(500 - 20);
    expect(first).toBeLessThanOrEqual(1000 + SLACK);
    expect(second).toBeGreaterThanOrEqual(1000 - 20);
    expect(second).toBeLessThanOrEqual(2000 + SLACK);
    expect(third).toBeGreaterThanOrEqual(2000 - 20);
    expect(third).toBeLessThanOrEqual(4000 + SLACK);
  });

  test('a longer burst shows the error with its request id, then polling resumes and recovers', async ({ page, api }) => {
    const sessionId = `cs_succeed_2s_${runTag()}`;
    await api.fault({ fault: '500', sessionId, times: 4 });
    await open(page, sessionId, { retryDelay: 200 });

    const alert = page.getByRole('alert');
    await expect(alert).toHaveAttribute('data-kind', 'server');
    await expect(alert).toContainText(/Support reference: req_\d+/);
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(panel(page)).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 8000 });
    await expect(alert).toHaveCount(0);
    const log = await api.session(sessionId);
    expect(log.requests.slice(0, 4).map((request) => request.httpStatus)).toEqual([500, 500, 500, 500]);
    expect(log.requests.at(-1)?.sessionStatus).toBe('SUCCEEDED');
  });

  test('a 429 waits out its Retry-After before asking again', async ({ page, api }) => {
    const sessionId = `cs_succeed_4s_${runTag()}`;
    await open(page, sessionId);
    await expect(panel(page)).toHaveAttribute('data-status', 'PENDING');
    await api.fault({ fault: '429', sessionId, retryAfter: 2 });

    await expect(panel(page)).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 10_000 });
    const log = await api.session(sessionId);
    const limited = log.requests.findIndex((request) => request.httpStatus === 429);
    expect(limited).toBeGreaterThan(0);
    const after = log.requests[limited + 1];
    expect(after).toBeDefined();
    // Retry-After: 2 means nothing for 2 s, then one request.
    expect((after?.at ?? 0) - (log.requests[limited]?.at ?? 0)).toBeGreaterThanOrEqual(2000 - 20);
    expect((after?.at ?? 0) - (log.requests[limited]?.at ?? 0)).toBeLessThanOrEqual(2000 + POLL + SLACK);
  });
});

test('a hidden tab sends no requests, and asks once as soon as it is visible again', async ({ page, api }) => {
  const sessionId = `cs_succeed_5s_${runTag()}`;
  await open(page, sessionId);
  await expect(panel(page)).toHaveAttribute('data-status', 'PENDING');
  await page.waitForTimeout(POLL + 100);

  const hiddenAt = await setDocumentHidden(page, true);
  await page.waitForTimeout(5 * POLL);
  const visibleAt = await setDocumentHidden(page, false);
  await expect(panel(page)).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 8000 });

  const log = await api.session(sessionId);
  // A request already on its way when the tab hid may land just after; nothing new is sent.
  const whileHidden = log.requests.filter((request) => request.at > hiddenAt + 100 && request.at < visibleAt);
  expect(whileHidden).toEqual([]);
  const firstAfter = log.requests.find((request) => request.at >= visibleAt);
  expect((firstAfter?.at ?? Infinity) - visibleAt).toBeLessThan(POLL);
  const burst = log.requests.filter((request) => request.at >= visibleAt && request.at < visibleAt + POLL - 50);
  expect(burst).toHaveLength(1);
});
