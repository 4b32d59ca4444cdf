import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { CheckoutSessionStatus } from '../src/components/CheckoutSessionStatus/CheckoutSessionStatus';
import {
  errorResponse,
  makeRefund,
  makeSession,
  mockSessionError,
  mockSessionSequence,
  networkError,
  withLatency,
  type SessionAnswer,
  type SessionResponder,
} from '../src/testing';
import { serve } from './support/scenario';
import { STORY_API, withCheckoutProviders } from './support/withCheckoutProviders';

/**
 * Live scenarios: the real hook, client and panel against MSW in the browser. Each story
 * scripts what the API answers to successive polls of its own session id.
 */
const meta = {
  title: 'Live scenarios/Order confirmation',
  component: CheckoutSessionStatus,
  decorators: [withCheckoutProviders],
  // Polling stories on one docs page would share one worker; each is best seen on its own.
  tags: ['!autodocs'],
  // English unless changed in Controls: the plays read the panel's words.
  args: { sessionId: 'cs_live', pollInterval: 400, locale: 'en-US' },
} satisfies Meta<typeof CheckoutSessionStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

const pending = (id: string) => makeSession({ id, orderReference: 'ORD-12345' });
const settled = (id: string, status: string, extra: Parameters<typeof makeSession>[0] = {}) =>
  makeSession({ id, orderReference: 'ORD-12345', status, ...extra });

/** Serves `steps` to the story's session; `requests`, if given, records each request's number. */
function script(sessionId: string, steps: Array<SessionAnswer | SessionResponder>, requests?: number[]) {
  return serve(() => {
    requests?.splice(0);
    return [mockSessionSequence(steps, { baseUrl: STORY_API, sessionId, onRequest: (info) => requests?.push(info.call) })];
  });
}

const LONG = { timeout: 8_000 };

/** Counts the alerts that appear in the story from now on, however briefly. */
function watchForAlerts(root: HTMLElement) {
  let seen = 0;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && (node.matches('[role="alert"]') || node.querySelector('[role="alert"]'))) seen += 1;
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  return {
    seen: () => {
      observer.disconnect();
      return seen;
    },
  };
}

export const PendingToSucceeded: Story = {
  args: { sessionId: 'cs_succeeds' },
  beforeEach: script('cs_succeeds', [pending('cs_succeeds'), pending('cs_succeeds'), pending('cs_succeeds'), settled('cs_succeeds', 'SUCCEEDED')]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Pending')).toBeVisible();
    await expect(await canvas.findByText('Succeeded', {}, LONG)).toBeVisible();
    await expect(canvas.getByText(/Your payment went through/, { selector: '.rcs-checkout-status__description' })).toBeVisible();
  },
};

export const PendingToFailedExpired: Story = {
  args: { sessionId: 'cs_expires' },
  beforeEach: script('cs_expires', [pending('cs_expires'), pending('cs_expires'), settled('cs_expires', 'FAILED', { failureReason: 'EXPIRED' })]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/Expired/, { selector: '.rcs-badge__reason' }, LONG)).toBeVisible();
    await expect(canvas.getByText(/did not go through/, { selector: '.rcs-checkout-status__description' })).toBeVisible();
  },
};

const recoveryRequests: number[] = [];

/** A 500 and a 502 are retried with backoff behind the loading state: the shopper never sees them. */
export const ServerErrorThenRecovery: Story = {
  args: { sessionId: 'cs_recovers', retryDelay: 300 },
  beforeEach: script(
    'cs_recovers',
    [errorResponse(500), errorResponse(502), pending('cs_recovers'), settled('cs_recovers', 'SUCCEEDED')],
    recoveryRequests,
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alerts = watchForAlerts(canvasElement);
    await expect(await canvas.findByText('Succeeded', {}, LONG)).toBeVisible();
    // Both errors were answered and retried, and no alert ever showed.
    await expect(recoveryRequests).toEqual([1, 2, 3, 4]);
    await expect(alerts.seen()).toBe(0);
  },
};

export const ServerErrorWithRetryButton: Story = {
  args: { sessionId: 'cs_down', retry: false, pollInterval: 60_000 },
  beforeEach: script('cs_down', [errorResponse(500), pending('cs_down')]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/Our payment service had a problem/)).toBeVisible();
    await expect(canvas.getByText(/req_1234567890/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByText('Pending')).toBeVisible();
  },
};

/** When each request of RateLimitedRetryWaits reached the mocked API (performance.now()). */
const busyRequestTimes: number[] = [];

/** A 429 after the first answer: "Try again" waits out the 3 s Retry-After, and says so meanwhile. */
export const RateLimitedRetryWaits: Story = {
  args: { sessionId: 'cs_busy', retry: false, pollInterval: 500 },
  beforeEach: serve(() => {
    busyRequestTimes.splice(0);
    return [
      mockSessionSequence([pending('cs_busy'), errorResponse(429, { retryAfter: 3 }), settled('cs_busy', 'SUCCEEDED')], {
        baseUrl: STORY_API,
        sessionId: 'cs_busy',
        onRequest: () => void busyRequestTimes.push(performance.now()),
      }),
    ];
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Try again' }, LONG));
    await expect(await canvas.findByRole('button', { name: 'Trying again…' })).toHaveAttribute('aria-disabled', 'true');
    await expect(await canvas.findByText('Succeeded', {}, LONG)).toBeVisible();
    // The retry was sent no sooner than the 429's 3 s Retry-After, counted from the 429's own
    // request (which precedes its answer): a lower bound, so a slow click or a loaded machine
    // cannot fail it, as a bound measured from the click could.
    const [, limitedAt = NaN, retriedAt = NaN] = busyRequestTimes;
    await expect(retriedAt - limitedAt).toBeGreaterThanOrEqual(2_990); // 10 ms for the two clocks' grain
  },
};

export const Unauthorized: Story = {
  args: { sessionId: 'cs_signed_out' },
  beforeEach: serve(() => [mockSessionError(401, { baseUrl: STORY_API, sessionId: 'cs_signed_out' })]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/You are signed out/)).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Try again' })).toBeNull();
  },
};

export const NotFound: Story = {
  args: { sessionId: 'cs_missing' },
  beforeEach: serve(() => [mockSessionError(404, { baseUrl: STORY_API, sessionId: 'cs_missing' })]),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/We could not find this payment/)).toBeVisible();
  },
};

export const NetworkDropThenRecovery: Story = {
  args: { sessionId: 'cs_offline', retry: 1, retryDelay: 200 },
  beforeEach: script('cs_offline', [pending('cs_offline'), networkError(), networkError(), pending('cs_offline'), settled('cs_offline', 'SUCCEEDED')]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/Check your connection/, {}, LONG)).toBeVisible();
    await expect(await canvas.findByText('Succeeded', {}, LONG)).toBeVisible();
  },
};

export const SlowApi: Story = {
  args: { sessionId: 'cs_slow' },
  beforeEach: script('cs_slow', [withLatency(1_500, () => Response.json(pending('cs_slow'))), withLatency(1_500, () => Response.json(settled('cs_slow', 'SUCCEEDED')))]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Checking your payment…')).toBeVisible();
    await expect(await canvas.findByText('Succeeded', {}, LONG)).toBeVisible();
  },
};

export const UnknownStatus: Story = {
  args: { sessionId: 'cs_capture' },
  beforeEach: script('cs_capture', [settled('cs_capture', 'AWAITING_CAPTURE'), settled('cs_capture', 'AWAITING_CAPTURE'), settled('cs_capture', 'SUCCEEDED')]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Awaiting capture')).toBeVisible();
    await expect(await canvas.findByText('Succeeded', {}, LONG)).toBeVisible();
  },
};

const refund = (status: string) => makeRefund({ id: 're_1', amount: 12.5, currency: 'EUR', status });

export const RefundsSettlingAfterSucceeded: Story = {
  args: { sessionId: 'cs_refunding', followRefunds: { pollInterval: 600 }, locale: 'en-GB' },
  beforeEach: script('cs_refunding', [
    settled('cs_refunding', 'PARTIALLY_REFUNDED', { refunds: [refund('PENDING')] }),
    settled('cs_refunding', 'PARTIALLY_REFUNDED', { refunds: [refund('PENDING')] }),
    settled('cs_refunding', 'PARTIALLY_REFUNDED', { refunds: [refund('SUCCEEDED')] }),
  ]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('€12.50')).toBeVisible();
    const refunds = await canvas.findByRole('table');
    await expect(await within(refunds).findByText('Succeeded', {}, LONG)).toBeVisible();
  },
};

export const Headless: Story = {
  args: {
    sessionId: 'cs_headless',
    children: ({ data, isPolling }) => (
      <p>
        Order {data?.orderReference ?? '…'} is {data?.status.toLowerCase() ?? 'loading'}
        {isPolling ? ' (still checking)' : ''}
      </p>
    ),
  },
  beforeEach: script('cs_headless', [pending('cs_headless'), settled('cs_headless', 'SUCCEEDED')]),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Order ORD-12345 is succeeded', {}, LONG)).toBeVisible();
  },
};
