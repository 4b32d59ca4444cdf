import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { CheckoutSessionStatus } from '../src/components/CheckoutSessionStatus/CheckoutSessionStatus';
import { CheckoutSessionError } from '../src/components/CheckoutSessionStatus/parts';
import { CheckoutApiError, ERROR_KINDS } from '../src/core/errors';
import { HttpResponse } from 'msw';
import { makeRefund, makeSession, mockNonJson, mockSession, mockSessionEndpoint, mockSessionError } from '../src/testing';
import { serve } from './support/scenario';
import { STORY_API, withCheckoutProviders } from './support/withCheckoutProviders';

/**
 * The order-confirmation panel's states one by one, each on a session that does not move:
 * the live scenarios show them changing.
 */
const refunded = makeSession({
  id: 'cs_panel_refunded',
  status: 'PARTIALLY_REFUNDED',
  refunds: [
    makeRefund({ id: 're_panel_1', amount: 12.5 }),
    makeRefund({ id: 're_panel_2', amount: 500, currency: 'JPY', status: 'PENDING' }),
  ],
});
const paid = makeSession({ id: 'cs_panel_paid', status: 'SUCCEEDED' });
const refundedLateInTheDay = makeSession({
  id: 'cs_panel_tokyo',
  status: 'REFUNDED',
  refunds: [makeRefund({ id: 're_panel_tokyo', createdAt: '2024-01-15T23:30:00.000Z' })],
});
/** Session ids this file's panels asked for that no story answers. */
const unanswered: string[] = [];

const meta = {
  title: 'Components/CheckoutSessionStatus',
  component: CheckoutSessionStatus,
  decorators: [withCheckoutProviders],
  // English unless a story or Controls says otherwise: the plays read the panel's words.
  args: { sessionId: 'cs_panel', locale: 'en-US' },
  // Every story's sessions at once, each answered by id: on the docs page each story block
  // resets the worker, and only the last block's handlers stay for all of them.
  beforeEach: serve(() => [
    ...[refunded, paid, refundedLateInTheDay].map((session) => mockSession(session, { baseUrl: STORY_API, sessionId: session.id })),
    mockSession(makeSession(), { baseUrl: STORY_API, sessionId: 'cs_panel_waiting', latencyMs: Infinity }),
    mockSessionError(403, { baseUrl: STORY_API, sessionId: 'cs_panel_forbidden' }),
    mockNonJson(undefined, { baseUrl: STORY_API, sessionId: 'cs_panel_garbled' }),
    mockSessionEndpoint((info) => {
      unanswered.push(info.sessionId);
      return HttpResponse.error();
    }, { baseUrl: STORY_API }),
  ]),
} satisfies Meta<typeof CheckoutSessionStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Lets a poll period pass: what a story shows must still be there after it. */
const aPollLater = () => new Promise((resolve) => setTimeout(resolve, 2_500));

export const Loading: Story = {
  args: { sessionId: 'cs_panel_waiting' },
  // An answer that never comes: the loading state stays.
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await aPollLater();
    await expect(canvas.getByRole('status')).toHaveTextContent('Checking your payment…');
    await expect(canvas.queryByText('Pending')).toBeNull();
  },
};

export const WithoutSessionId: Story = {
  args: { sessionId: undefined },
  play: async ({ canvasElement }) => {
    // Nothing to follow: no loading state, and no request, not even for an empty id.
    unanswered.splice(0);
    await aPollLater();
    await expect(within(canvasElement).queryByRole('status')).toBeNull();
    await expect(unanswered).toEqual([]);
  },
};

export const PartiallyRefunded: Story = {
  args: { sessionId: refunded.id, locale: 'en-US' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Partially refunded')).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Refunds', level: 2 })).toBeVisible();
  },
};

export const RefundsUnderALevel3Heading: Story = {
  args: { sessionId: refunded.id, headingLevel: 3 },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('heading', { name: 'Refunds', level: 3 })).toBeVisible();
  },
};

export const German: Story = {
  args: { sessionId: refunded.id, locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Teilweise erstattet')).toBeVisible();
    await expect(canvas.getAllByText('12,50 $')[0]).toBeVisible();
  },
};

export const Japanese: Story = {
  args: { sessionId: refunded.id, locale: 'ja-JP' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('一部返金済み')).toBeVisible();
  },
};

export const OwnWords: Story = {
  args: {
    sessionId: 'cs_panel_paid',
    labels: {
      sessionStatus: { SUCCEEDED: 'Paid' },
      sessionStatusDescription: { SUCCEEDED: 'Thank you! Your order is on its way.' },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Paid')).toBeVisible();
    await expect(canvas.getByText('Thank you! Your order is on its way.')).toBeVisible();
  },
};

/** Refund dates on the shopper's day: a refund at 23:30 UTC is on the 16th in Tokyo. */
export const RefundDatesInATimeZone: Story = {
  args: { sessionId: 'cs_panel_tokyo', locale: 'en-US', timeZone: 'Asia/Tokyo' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Jan 16, 2024')).toBeVisible();
  },
};

export const Forbidden: Story = {
  args: { sessionId: 'cs_panel_forbidden' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('You do not have access to this payment.')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Try again' })).toBeNull();
  },
};

export const UnreadableAnswer: Story = {
  args: { sessionId: 'cs_panel_garbled' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Our payment service sent an answer we could not read.')).toBeVisible();
  },
};

/** Every kind of error in words, with "Try again" where trying again can help. */
export const EveryErrorKind: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: '1rem' }}>
      {ERROR_KINDS.map((kind) => (
        <CheckoutSessionError
          key={kind}
          error={new CheckoutApiError({ kind, message: kind, requestId: kind === 'server' ? 'req_1234567890' : undefined })}
          onRetry={() => undefined}
        />
      ))}
      <CheckoutSessionError error={new CheckoutApiError({ kind: 'server', message: 'server' })} onRetry={() => undefined} retrying />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('alert')).toHaveLength(ERROR_KINDS.length + 1);
    await expect(canvas.getAllByRole('button', { name: 'Try again' })).toHaveLength(4);
    await expect(canvas.getByRole('button', { name: 'Trying again…' })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByText('Support reference: req_1234567890')).toBeVisible();
  },
};
