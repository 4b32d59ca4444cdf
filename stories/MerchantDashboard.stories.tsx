import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import type { CheckoutSession } from '../src/core/schema';
import { makeRefund, makeSession, mockSessionEndpoint } from '../src/testing';
import { MerchantDashboard } from './support/MerchantDashboard';
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
    await expect(await canvas.findByText('All 50 sessions settled', {}, { timeout: 10_000 })).toBeVisible();
    await expect(canvas.getAllByText('Reversed').length).toBeGreaterThan(0);
  },
};
