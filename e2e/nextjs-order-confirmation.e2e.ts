import type { Browser, Page, Request } from 'playwright/test';
import { analyseSession, quantile, recordFigure } from './figures';
import { API_URL, appUrl, CONFIRMATION_URL, expect, installRecorder, NEXTJS_URL, recording, runTag, test } from './fixtures';

// examples/nextjs-order-confirmation, `next build && next start` on the packed kit, against the
// demo API: the server prefetches each session with the kit's query options and renders the
// panel; the browser hydrates it and polls on. Both routes: the whole page at once, and the
// shell streamed first with the status inside Suspense.

/** The kit's default cadence for the first minute, which the example keeps. */
const POLL = 2000;
const ROUTES = [
  ['rendered', ''],
  ['streamed', '/streaming'],
] as const;

const orderPath = (sessionId: string, route: string, query = '') => `orders/${sessionId}${route}${query}`;
/** Through the demo sign-in, which sets the httpOnly token cookie and comes back. */
const signedIn = (path: string) => `${NEXTJS_URL}api/demo-sign-in?${new URLSearchParams({ next: `/${path}` })}`;

declare global {
  interface Window {
    __hydratedAt?: number;
  }
}

/** Runs before the page's scripts: notes when React has hydrated the panel (its element gets React's fiber key). */
function watchHydration() {
  const check = () => {
    const panel = document.querySelector('.rcs-checkout-status');
    if (panel && Object.keys(panel).some((key) => key.startsWith('__reactFiber'))) window.__hydratedAt = Date.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function hydratedAt(page: Page): Promise<number> {
  return (await page.waitForFunction(() => window.__hydratedAt)).jsonValue() as Promise<number>;
}

/** The browser's GETs of the API's session URLs, with when each was sent. */
function apiRequests(page: Page) {
  const sent: { url: string; at: number }[] = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'GET' && request.url().startsWith(`${API_URL}/api/v1/sessions/`)) sent.push({ url: request.url(), at: Date.now() });
  });
  return sent;
}

/** The page as a client without JavaScript gets it: signed in through the demo route, redirects followed. */
async function serverHtml(page: Page, path: string): Promise<string> {
  const response = await page.request.get(signedIn(path));
  expect(response.status()).toBe(200);
  return response.text();
}

const HYDRATION_PROBLEM = /hydrat|Minified React error #(418|423|425)|did not match/i;

for (const [routeName, route] of ROUTES) {
  test.describe(`the ${routeName} order page`, () => {
    test('holds the status in words in the server HTML', async ({ page }) => {
      const html = await serverHtml(page, orderPath(`cs_succeed_30s_${runTag()}`, route));
      expect(html).toMatch(/<section[^>]*class="rcs-checkout-status"[^>]*data-status="PENDING"/);
      expect(html).toMatch(/<span class="rcs-badge" data-status="PENDING"[^>]*>Pending<\/span>/);
    });

    test('hydrates without a request, polls once per period up to SUCCEEDED, and never after', async ({ page, api }) => {
      await page.addInitScript(watchHydration);
      const sent = apiRequests(page);
      const sessionId = `cs_succeed_5s_${runTag()}`;
      await page.goto(signedIn(orderPath(sessionId, route)));
      const hydrated = await hydratedAt(page);
      const panel = page.locator('.rcs-checkout-status');
      await expect(panel).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 5000 + 3 * POLL });
      // Two more periods: a kit that kept polling after SUCCEEDED would ask here.
      await page.waitForTimeout(2 * POLL);

      const log = await api.session(sessionId);
      const change = log.statusChanges[1];
      expect(change?.status).toBe('SUCCEEDED');
      // The server's own request comes first: it started the session's clock.
      const serverRequestAt = log.requests[0]?.at ?? 0;
      expect(sent.every((request) => request.at > serverRequestAt)).toBe(true);
      const atHydration = sent.filter((request) => request.at < hydrated + POLL / 2);
      expect(atHydration).toEqual([]);

      // The kit's rules from the hydrated PENDING: one request a period after hydration (the
      // moment seen here can trail React's by a frame or more under load, hence only the half
      // period above), then one per period; the first at or after the change sees SUCCEEDED; then none.
      const browserLog = log.requests.slice(1);
      const predicted = Math.ceil(((change?.at ?? 0) - hydrated) / POLL);
      const figures = analyseSession(log, (await recording(page)).seen.filter((entry) => entry.key === 'panel'));
      expect(browserLog).toHaveLength(sent.length);
      expect(browserLog.slice(0, -1).every((request) => request.sessionStatus === 'PENDING')).toBe(true);
      expect(browserLog.at(-1)?.sessionStatus).toBe('SUCCEEDED');
      expect(figures.requestsAfterSettled).toBe(0);
      for (const gap of figures.gaps.slice(1)) {
        expect(gap).toBeGreaterThanOrEqual(POLL - 20);
        expect(gap).toBeLessThan(2 * POLL);
      }
      // A late timer under load can shift the last poll across the change: one either way.
      expect(Math.abs(browserLog.length - predicted)).toBeLessThanOrEqual(1);
      recordFigure(`nextjs-${routeName}-succeed`, {
        scenario: `Next.js ${routeName} page, SUCCEEDED 5 s after the server's request`,
        pollIntervalMs: POLL,
        sessions: [figures],
        measures: {
          'browser requests at hydration': atHydration.length,
          'browser requests until SUCCEEDED': browserLog.length,
          'predicted by the polling rules': predicted,
          'browser requests after SUCCEEDED': figures.requestsAfterSettled,
          'hydration → first browser request (ms)': (browserLog[0]?.at ?? 0) - hydrated,
        },
      });
    });

    test('shows a 404 the server saw from its HTML, and the browser never asks for it', async ({ page, api }) => {
      await page.addInitScript(watchHydration);
      const sent = apiRequests(page);
      const sessionId = `cs_nosuch_${runTag()}`;
      expect(await serverHtml(page, orderPath(sessionId, route))).toMatch(/<div role="alert" class="rcs-error" data-kind="not_found">/);

      await page.goto(signedIn(orderPath(sessionId, route)));
      const hydrated = await hydratedAt(page);
      // Next's route announcer is an alert too: the panel's own.
      const alert = page.locator('.rcs-checkout-status').getByRole('alert');
      await expect(alert).toHaveAttribute('data-kind', 'not_found');
      await expect(alert).toHaveText('We could not find this payment.');
      // Three periods after hydration: a poll, a mount refetch or a retry would all fall in here.
      await page.waitForTimeout(Math.max(0, hydrated + 3 * POLL - Date.now()));
      expect(sent).toEqual([]);
      const log = await api.session(sessionId);
      expect(log.requests.map((request) => request.httpStatus)).toEqual([404, 404]); // the two server renders
      recordFigure(`nextjs-${routeName}-404`, {
        scenario: `Next.js ${routeName} page, a session the server found missing (404)`,
        pollIntervalMs: POLL,
        sessions: [],
        measures: { 'browser requests in 3 periods after hydration': sent.length, 'API requests (the server renders)': log.requests.length },
      });
    });
  });
}

test('hydrates without a warning in en-US, de-DE and ja-JP, with the time zone set and the browser in another', async ({ browser }) => {
  const warnings: Record<string, number> = {};
  for (const [locale, badge] of [
    ['en-US', 'Partially refunded'],
    ['de-DE', 'Teilweise erstattet'],
    ['ja-JP', '一部返金済み'],
  ] as const) {
    const messages = await hydrationMessages(browser, locale, `cs_partial_0ms_0ms_${runTag()}`);
    warnings[locale] = messages.problems.length;
    expect(messages.problems, `${locale}: console during hydration`).toEqual([]);
    expect(messages.badge).toBe(badge);
    expect(messages.lang).toBe(locale);
  }
  recordFigure('nextjs-locales', {
    scenario: 'Next.js page hydrating a refunded session (Asia/Tokyo asked, browser in America/Los_Angeles)',
    pollIntervalMs: POLL,
    sessions: [],
    measures: Object.fromEntries(Object.entries(warnings).map(([locale, count]) => [`hydration warnings, ${locale}`, count])),
  });
});

/** Opens a refunded session's page in a browser of `locale` in Los Angeles, asking for Tokyo dates; returns the console's hydration complaints. */
async function hydrationMessages(browser: Browser, locale: string, sessionId: string) {
  const context = await browser.newContext({ locale, timezoneId: 'America/Los_Angeles' });
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || HYDRATION_PROBLEM.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.addInitScript(watchHydration);
    await page.goto(signedIn(orderPath(sessionId, '', '?timeZone=Asia/Tokyo')));
    await hydratedAt(page);
    // React reports a mismatch while it hydrates; the refunds' table is the last part it reaches.
    await page.locator('.rcs-refund-list').waitFor();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return {
      problems,
      badge: await page.locator('.rcs-checkout-status__summary .rcs-badge').textContent(),
      lang: await page.locator('html').getAttribute('lang'),
    };
  } finally {
    await context.close();
  }
}

test('measures the time to the first status on screen against the Vite page, which asks from the browser', async ({ browser }) => {
  const context = await browser.newContext();
  try {
    await context.addInitScript(installRecorder);
    const page = await context.newPage();
    await page.goto(signedIn(''));
    /** Milliseconds from navigation start to the first `data-status` on screen. */
    const firstStatus = async (url: string) => {
      await page.goto(url);
      await page.locator('.rcs-checkout-status[data-status]').waitFor();
      const first = (await recording(page)).seen[0];
      return (first?.at ?? Number.NaN) - (await page.evaluate(() => performance.timeOrigin));
    };
    const next: number[] = [];
    const vite: number[] = [];
    // Interleaved rounds, so the machine's load weighs on both alike.
    for (let round = 0; round < 3; round += 1) {
      next.push(await firstStatus(`${NEXTJS_URL}${orderPath(`cs_pending_${runTag()}`, '')}`));
      vite.push(await firstStatus(appUrl(CONFIRMATION_URL, { session: `cs_pending_${runTag()}` })));
    }
    recordFigure('nextjs-first-status', {
      scenario: 'first status on screen: Next.js (server-rendered) vs Vite (fetched by the browser)',
      pollIntervalMs: POLL,
      sessions: [],
      measures: {
        'Next.js, navigation → first status (ms, median of 3)': Math.round(quantile(next, 0.5)),
        'Vite, navigation → first status (ms, median of 3)': Math.round(quantile(vite, 0.5)),
        'all rounds (Next.js / Vite, ms)': `${next.map(Math.round).join(', ')} / ${vite.map(Math.round).join(', ')}`,
      },
    });
    expect(next.every(Number.isFinite) && vite.every(Number.isFinite)).toBe(true);
  } finally {
    await context.close();
  }
});

test('streams the shell before the API answers the server, then the status in the same response', async ({ api, page }) => {
  const sessionId = `cs_succeed_30s_${runTag()}`;
  // Sign in once for the cookie, then hold the server's request for this session for 2 s.
  await page.request.get(signedIn(''));
  const { cookies } = await page.request.storageState();
  await api.fault({ fault: 'slow', sessionId, delayMs: 2000, times: 1 });

  const started = Date.now();
  const response = await fetch(`${NEXTJS_URL}${orderPath(sessionId, '/streaming')}`, {
    headers: { cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') },
  });
  let html = '';
  let shellAt = Number.NaN;
  let statusAt = Number.NaN;
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    html += decoder.decode(chunk, { stream: true });
    if (Number.isNaN(shellAt) && html.includes('Thank you for your order')) shellAt = Date.now() - started;
    if (Number.isNaN(statusAt) && /data-status="PENDING"/.test(html)) statusAt = Date.now() - started;
  }
  recordFigure('nextjs-streaming', {
    scenario: 'Next.js streamed page, the API answering the server after 2 s',
    pollIntervalMs: POLL,
    sessions: [],
    measures: { 'request → shell (ms)': shellAt, 'request → status (ms)': statusAt },
  });
  expect(shellAt).toBeLessThan(statusAt - 1000);
  expect(statusAt).toBeGreaterThanOrEqual(2000);
});
