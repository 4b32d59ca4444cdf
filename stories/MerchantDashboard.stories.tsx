import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import type { CheckoutSession } from '../src/core/schema';
import { makeRefund, makeSession, mockSessionEndpoint } from '../src/testing';
import { MerchantDashboard, VirtualisedMerchantDashboard } from './support/MerchantDashboard';
import { serve } from './support/scenario';
import { STORY_API, withCheckoutProviders } from './support/withCheckoutProviders';

const OUTCOMES: Array<Partial<CheckoutSession>> = [
  { status: 'SUCCEEDED', refunds: [] },
  { status: 'FAILED', failureReason: 'EXPIRED' },
  { status: 'SUCCEEDED', refunds: [] },
  { status: 'REFUNDED', refunds: [makeRefund({ amount: 19.99 })] },
  { status: 'PARTIALLY_REFUNDED', refunds: [makeRefund({ amount: 500, currency: 'JPY', status: 'PENDING' })] },
  { status: 'REVERSED', refunds: [] },
];

const sessionIds = Array.from({ length: 50 }, (_, index) => `ord_${index + 1}`);

/** Session ord_n answers PENDING for (n mod 7) + 1 polls, then one of six outcomes. */
const dashboardApi = serve(() => [
  mockSessionEndpoint(
    ({ sessionId, call }) => {
      const n = Number(sessionId.replace('ord_', ''));
      const orderReference = `ORD-${String(1000 + n)}`;
      const outcome = OUTCOMES[n % OUTCOMES.length]!;
      const session =
        call > (n % 7) + 1
          ? makeSession({ id: sessionId, orderReference, ...outcome })
          : makeSession({ id: sessionId, orderReference });
      return Response.json(session);
    },
    { baseUrl: STORY_API },
  ),
]);

const meta = {
  title: 'Live scenarios/Merchant dashboard',
  component: MerchantDashboard,
  decorators: [withCheckoutProviders],
  tags: ['!autodocs'],
  args: { sessionIds, pollInterval: 500 },
  // Its play reads English words: the toolbar's locale must not change them.
  globals: { locale: 'en-US' },
} satisfies Meta<typeof MerchantDashboard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FiftySessionsSettling: Story = {
  beforeEach: dashboardApi,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/of 50 sessions still pending/)).toBeVisible();
    // Nine polls at 500 ms settle the slowest session in about 5 s (7.5 s measured on an idle
    // machine, with the first load); CI runs this beside the unit tests, where it took 11.6 s.
    await expect(await canvas.findByText('All 50 sessions settled', {}, { timeout: 45_000 })).toBeVisible();
    await expect(canvas.getAllByText('Reversed').length).toBeGreaterThan(0);
  },
};

const thousandIds = Array.from({ length: 1000 }, (_, index) => `ord_${index + 1}`);

/**
 * Session ord_n: every 20th stays PENDING for ever; the others have already settled, on one of
 * six outcomes. So the count is right as soon as every session has answered once, and after
 * that only the pending ones are asked: at the cadence on screen, at the sweep off it.
 */
const thousandApi = serve(() => [
  mockSessionEndpoint(
    ({ sessionId }) => {
      const n = Number(sessionId.replace('ord_', ''));
      const orderReference = `ORD-${String(1000 + n)}`;
      const outcome = n % 20 === 0 ? {} : OUTCOMES[n % OUTCOMES.length]!;
      return Response.json(makeSession({ id: sessionId, orderReference, ...outcome }));
    },
    { baseUrl: STORY_API },
  ),
]);

/** The rows the virtualiser has mounted. */
const mountedRows = (root: HTMLElement) => root.querySelectorAll<HTMLTableRowElement>('tbody tr[data-session-id]');

/**
 * 1,000 sessions, virtualised as in the examples' dashboard: the page counts every session
 * (polled at the sweep cadence), and only the rows on screen are in the DOM and poll at the
 * cadence.
 */
export const ThousandSessionsVirtualised: StoryObj<typeof VirtualisedMerchantDashboard> = {
  args: { sessionIds: thousandIds, pollInterval: 500, sweepInterval: 2000 },
  render: (args) => <VirtualisedMerchantDashboard {...args} />,
  beforeEach: thousandApi,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/of 1,000 sessions still pending/)).toBeVisible();
    // 50 stay pending: the count covers the rows that were never on screen. A thousand answers
    // through MSW's service worker take about 3 s on an idle machine and passed 12 s on a loaded
    // one: the ceiling is for a hang, not a speed goal.
    await expect(await canvas.findByText('50 of 1,000 sessions still pending', {}, { timeout: 60_000 })).toBeVisible();
    await expect(canvas.getByRole('table')).toHaveAttribute('aria-rowcount', '1001');
    // Only a screenful and the overscan are in the DOM, not 1,000 rows.
    const mounted = mountedRows(canvasElement).length;
    await expect(mounted).toBeGreaterThan(3);
    await expect(mounted).toBeLessThan(40);
    // The last session, scrolled to: mounted at its place among all rows, its status known.
    const scroller = canvas.getByTestId('sessions-scroll');
    scroller.scrollTop = scroller.scrollHeight;
    const last = await canvas.findByText('ORD-2000');
    const lastRow = last.closest('tr')!;
    await expect(lastRow).toHaveAttribute('aria-rowindex', '1001');
    await waitFor(() => expect(lastRow).toHaveAttribute('data-status', 'PENDING'));
    await expect(canvas.queryByText('ORD-1001')).toBeNull();
    await expect(mountedRows(canvasElement).length).toBeLessThan(40);
  },
};
