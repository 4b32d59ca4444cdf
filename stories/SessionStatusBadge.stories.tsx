import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { SessionStatusBadge } from '../src/components/SessionStatusBadge/SessionStatusBadge';
import type { BadgeSize } from '../src/components/SessionStatusBadge/createStatusBadge';
import { SESSION_STATUSES } from '../src/core/schema';
import { CheckoutI18nProvider } from '../src/i18n/CheckoutI18nProvider';

const meta = {
  title: 'Components/SessionStatusBadge',
  component: SessionStatusBadge,
  args: { status: 'SUCCEEDED', size: 'md' },
  argTypes: {
    status: { control: 'select', options: [...SESSION_STATUSES, 'AWAITING_CAPTURE'] },
    failureReason: { control: 'select', options: [undefined, 'EXPIRED', 'LOST_OR_STOLEN_CARD', 'INSUFFICIENT_FUNDS'] },
    size: { control: 'inline-radio', options: ['sm', 'md'] },
    labels: { control: 'object', description: 'Words for this badge only, over the provider’s.' },
  },
  parameters: {
    docs: {
      description: {
        // The badge is built by a factory, which react-docgen cannot read: its TSDoc, here.
        component:
          'One `<span class="rcs-badge" data-status data-tone>` per session status: a word for every status (an unknown one humanised, `AWAITING_CAPTURE` → "Awaiting capture"), a tone, a dot that is a ring for PENDING, pulsing unless the user prefers reduced motion, and filled otherwise, so colour is never the only cue, and the failure reason in words where it explains a failure. Forwards its ref and passes other props to the span.',
      },
    },
  },
} satisfies Meta<typeof SessionStatusBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

const row = { display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center' } as const;

/** Every status at once, in the size chosen in Controls: the galleries below show them all. */
function AllStatuses({ size }: { size?: BadgeSize | undefined }) {
  return (
    <div style={row}>
      {SESSION_STATUSES.map((status) => (
        <SessionStatusBadge key={status} status={status} size={size} />
      ))}
      <SessionStatusBadge status="AWAITING_CAPTURE" size={size} />
      <SessionStatusBadge status="FAILED" failureReason="EXPIRED" size={size} />
    </div>
  );
}

/** A gallery's Controls: the size only, since it shows every status. */
const GALLERY = { controls: { include: ['size'] } };

export const Pending: Story = {
  // Its play reads English words: the toolbar's locale must not change them.
  globals: { locale: 'en-US' },
  args: { status: 'PENDING' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Pending')).toHaveAttribute('data-tone', 'progress');
  },
};
export const Succeeded: Story = { args: { status: 'SUCCEEDED' } };
export const Failed: Story = { args: { status: 'FAILED' } };
export const PartiallyRefunded: Story = { args: { status: 'PARTIALLY_REFUNDED' } };
export const Refunded: Story = { args: { status: 'REFUNDED' } };
export const Reversed: Story = { args: { status: 'REVERSED' } };

/** A status the kit does not know yet is humanised, in a neutral tone. */
export const UnknownStatus: Story = {
  // Its play reads English words: the toolbar's locale must not change them.
  globals: { locale: 'en-US' },
  args: { status: 'AWAITING_CAPTURE' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Awaiting capture')).toHaveAttribute('data-tone', 'neutral');
  },
};

export const FailedWithReason: Story = {
  // Its play reads English words: the toolbar's locale must not change them.
  globals: { locale: 'en-US' },
  args: { status: 'FAILED', failureReason: 'EXPIRED' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Failed', { exact: false })).toHaveTextContent('Failed (Expired)');
  },
};

export const FailureReasons: Story = {
  render: (args) => (
    <div style={row}>
      {['EXPIRED', 'LOST_OR_STOLEN_CARD', 'INSUFFICIENT_FUNDS', 'CARD_VELOCITY_EXCEEDED'].map((reason) => (
        <SessionStatusBadge key={reason} {...args} status="FAILED" failureReason={reason} />
      ))}
    </div>
  ),
};

export const Sizes: Story = {
  render: (args) => (
    <div style={row}>
      <SessionStatusBadge {...args} size="sm" />
      <SessionStatusBadge {...args} size="md" />
    </div>
  ),
};

export const Dark: Story = {
  parameters: GALLERY,
  render: (args) => (
    <div
      data-theme="dark"
      style={{ background: 'var(--rcs-color-surface)', color: 'var(--rcs-color-fg)', padding: '1rem' }}
    >
      <AllStatuses size={args.size} />
    </div>
  ),
};

export const RightToLeft: Story = {
  parameters: GALLERY,
  render: (args) => (
    <div dir="rtl">
      <AllStatuses size={args.size} />
    </div>
  ),
};

export const German: Story = {
  parameters: GALLERY,
  render: (args) => (
    <CheckoutI18nProvider locale="de-DE">
      <AllStatuses size={args.size} />
    </CheckoutI18nProvider>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Teilweise erstattet')).toBeInTheDocument();
  },
};

export const Japanese: Story = {
  parameters: GALLERY,
  render: (args) => (
    <CheckoutI18nProvider locale="ja-JP">
      <AllStatuses size={args.size} />
    </CheckoutI18nProvider>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('一部返金済み')).toBeInTheDocument();
  },
};

/** Markup and bidi overrides from an API stay inert text. */
export const HostileStatus: Story = {
  args: { status: '<img src=x onerror=alert(1)>', failureReason: '\u202Eevil\u202C' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};
