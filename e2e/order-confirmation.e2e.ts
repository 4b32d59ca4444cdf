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
 * How late a page's timer or commit may come on a shared two-core machine. Upper bounds are
 * asserted on the page's own waits (from an answer to the next request, see {@link fetches}),
 * never on gaps the server sees: those add two trips through the loaded machine (browser,
 * network stack, API server), which alone took more than this under load.
 */
const LATE = 250;
/** A ceiling for waiting on the page, not an assertion: a loaded machine can need it. */
const LOADED = 10_000;

const panel = (page: Page) => page.locator('.rcs-checkout-status');

async function open(page: Page, session: string, query: Record<string, string | number> = {}) {
  // Room for every request of a test: the default buffer of 250 entries drops later ones.
  await page.addInitScript(() => performance.setResourceTimingBufferSize(5_000));
  await page.goto(appUrl(CONFIRMATION_URL, { session, pollInterval: POLL, ...query }));
}

/** One session request as the page made it, in epoch milliseconds of the browser's clock. */
interface Fetched {
  /** When the kit called fetch. */
  start: number;
  /** When the answer's last byte arrived. */
  end: number;
}

/**
 * The page's session requests, from its resource timing, in the order sent. They are the
 * server's requests one for one (a CORS preflight is part of its request's entry, not one of
 * its own), so index i here is log.requests[i] there.
 */
async function fetches(page: Page, sessionId: string): Promise<Fetched[]> {
  return page.evaluate(
    (path) =>
      performance
        .getEntriesByType('resource')
        .filter((entry): entry is PerformanceResourceTiming => entry.name.includes(path))
        .map((entry) => ({ start: performance.timeOrigin + entry.startTime, end: performance.timeOrigin + entry.responseEnd }))
        .sort((a, b) => a.start - b.start),
    `/api/v1/sessions/${encodeURIComponent(sessionId)}`,
  );
}

/**
 * What the kit waited before each request after the first: from the previous answer's arrival
 * to this request's fetch, without the round trips.
 */
const waits = (list: readonly Fetched[]) => list.slice(1).map((fetched, index) => fetched.start - (list[index]?.end ?? fetched.start));

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
  await expect(panel(page)).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 3000 + LOADED });
  await expect(panel(page).getByText('Succeeded', { exact: true })).toBeVisible();
  const screenshots = `${E2E_DIR}/screenshots`;
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}/order-confirmation.png`, fullPage: true });

  // Three more periods: a kit that kept polling after SUCCEEDED would show here.
  const log = await countedAfter(page, api, sessionId, 3 * POLL);
  const { seen, announcements } = await recording(page);
  const shown = seen.filter((entry) => entry.key === 'panel');
  const figures = analyseSession(log, shown);
  const sent = await fetches(page, sessionId);
  const kitWaits = waits(sent);
  recordFigure('confirmation-succeed', {
    scenario: 'confirmation page, SUCCEEDED at 3 s',
    pollIntervalMs: POLL,
    sessions: [figures],
    measures: { 'answer → next request, median (ms)': Math.round(quantile(kitWaits, 0.5)) },
  });
  const change = log.statusChanges[1];
  expect(change?.status).toBe('SUCCEEDED');

  // The polling rules. As the server saw them: every answer a 200; never two requests sooner
  // than a period apart (load only makes gaps longer); every request but the last saw PENDING
  // and was sent before the change; the first after the change saw SUCCEEDED; then none.
  expect(log.requests.map((request) => request.httpStatus)).toEqual(log.requests.map(() => 200));
  for (const gap of figures.gaps) expect(gap).toBeGreaterThanOrEqual(POLL - 20);
  const beforeChange = log.requests.slice(0, -1);
  expect(beforeChange.every((request) => request.sessionStatus === 'PENDING' && request.at < (change?.at ?? 0))).toBe(true);
  expect(log.requests.filter((request) => request.at >= (change?.at ?? 0)).map((request) => request.sessionStatus)).toEqual([
    'SUCCEEDED',
  ]);
  expect(figures.requestsAfterSettled).toBe(0);
  // As the page saw them: one request per period after each answer, never a skipped period,
  // and typically on time. Without the round trips, a loaded machine leaves only timer lateness.
  expect(sent).toHaveLength(log.requests.length);
  for (const wait of kitWaits) {
    expect(wait).toBeGreaterThanOrEqual(POLL - 20);
    expect(wait).toBeLessThan(2 * POLL);
  }
  expect(quantile(kitWaits, 0.5)).toBeLessThanOrEqual(POLL + LATE);
  // Once per period for 3 s, then the one that sees SUCCEEDED: 3000 / 500 + 1 at most.
  expect(figures.requestsUntilSettled).toBeGreaterThanOrEqual(Math.floor(3000 / (2 * POLL)) + 1);
  expect(figures.requestsUntilSettled).toBeLessThanOrEqual(Math.ceil(3000 / POLL) + 1);
  expect(log.preflights).toBeLessThanOrEqual(1);

  // On screen once its answer arrived, without waiting for anything else: a commit, not a poll, away.
  expect(figures.latencies[0]).not.toBeNull();
  const succeededShownAt = shown.find((entry) => entry.status === 'SUCCEEDED')?.at ?? Infinity;
  expect(succeededShownAt - (sent.at(-1)?.end ?? 0)).toBeLessThan(POLL);

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

    await expect(panel(page)).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 7000 + LOADED });
    await expect(page.getByRole('alert')).toHaveCount(0);
    const log = await countedAfter(page, api, sessionId, 2 * POLL);
    expect(log.requests.slice(0, 3).map((request) => request.httpStatus)).toEqual([500, 500, 500]);
    expect(log.requests.slice(3).every((request) => request.httpStatus === 200)).toBe(true);
    // The kit's default backoff: 1 s then 2 s then 4 s, each jittered to 50–100 %. Never
    // sooner as the server saw it; never later as the page waited it (round trips left out).
    const [first, second, third] = analyseSession(log, []).gaps;
    expect(first).toBeGreaterThanOrEqual(500 - 20);
    expect(second).toBeGreaterThanOrEqual(1000 - 20);
    expect(third).toBeGreaterThanOrEqual(2000 - 20);
    const [firstWait, secondWait, thirdWait] = waits(await fetches(page, sessionId));
    expect(firstWait).toBeLessThanOrEqual(1000 + LATE);
    expect(secondWait).toBeLessThanOrEqual(2000 + LATE);
    expect(thirdWait).toBeLessThanOrEqual(4000 + LATE);
  });

  test('a longer burst shows the error with its request id, then polling resumes and recovers', async ({ page, api }) => {
    const sessionId = `cs_succeed_2s_${runTag()}`;
    await api.fault({ fault: '500', sessionId, times: 4 });
    await open(page, sessionId, { retryDelay: 200 });

    const alert = page.getByRole('alert');
    await expect(alert).toHaveAttribute('data-kind', 'server');
    await expect(alert).toContainText(/Support reference: req_\d+/);
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(panel(page)).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 2000 + LOADED });
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

    await expect(panel(page)).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 4000 + LOADED });
    const log = await api.session(sessionId);
    const limited = log.requests.findIndex((request) => request.httpStatus === 429);
    expect(limited).toBeGreaterThan(0);
    const after = log.requests[limited + 1];
    expect(after).toBeDefined();
    // Retry-After: 2 means nothing for 2 s (as the server saw it), then one request by the
    // next period (as the page waited it, round trips left out).
    expect((after?.at ?? 0) - (log.requests[limited]?.at ?? 0)).toBeGreaterThanOrEqual(2000 - 20);
    const sent = await fetches(page, sessionId);
    expect(sent).toHaveLength(log.requests.length);
    expect(waits(sent)[limited]).toBeLessThanOrEqual(2000 + POLL + LATE);
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
  await expect(panel(page)).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 3000 + LOADED });

  const log = await api.session(sessionId);
  const sent = await fetches(page, sessionId);
  expect(sent).toHaveLength(log.requests.length);
  // Resource timing and Date.now() are two readings of the browser's clock: a few ms apart.
  const CLOCKS = 20;
  // Nothing is sent while hidden. A request already on its way when the tab hid may land
  // after, however late a loaded machine delivers it: every request the server had by the
  // time the tab showed again was sent before it hid.
  expect(sent.filter((fetched) => fetched.start > hiddenAt + CLOCKS && fetched.start < visibleAt - CLOCKS)).toEqual([]);
  expect(log.requests.filter((request) => request.at < visibleAt)).toHaveLength(
    sent.filter((fetched) => fetched.start <= hiddenAt + CLOCKS).length,
  );
  // Asked once, as soon as it is visible: its next request waits for the answer and a period.
  const afterShown = sent.filter((fetched) => fetched.start >= visibleAt - CLOCKS);
  expect((afterShown[0]?.start ?? Infinity) - visibleAt).toBeLessThan(POLL);
  expect(afterShown.filter((fetched) => fetched.start < visibleAt + POLL - 50)).toHaveLength(1);
});
