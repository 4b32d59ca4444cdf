import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { RefundList } from '../src/components/RefundList/RefundList';
import { REFUND_REASONS, REFUND_STATUSES } from '../src/core/schema';
import { CheckoutI18nProvider } from '../src/i18n/CheckoutI18nProvider';
import { makeRefund, mixedCurrencyRefunds } from '../src/testing';

const meta = {
  title: 'Components/RefundList',
  component: RefundList,
  args: { refunds: mixedCurrencyRefunds },
} satisfies Meta<typeof RefundList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  // Its play reads English words: the toolbar's locale must not change them.
  globals: { locale: 'en-US' },
  args: { refunds: null },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('No refunds.')).toBeInTheDocument();
  },
};

export const CustomEmptyState: Story = {
  args: { refunds: [], emptyState: <p>Nothing has been refunded for this order.</p> },
};

export const One: Story = {
  args: { refunds: [makeRefund({ id: 're_one' })], locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('$45.01')).toBeInTheDocument();
  },
};

export const Many: Story = {
  args: {
    locale: 'en-US',
    refunds: Array.from({ length: 12 }, (_, index) =>
      makeRefund({ id: `re_many_${index}`, amount: 5 + index * 2.5, createdAt: `2024-02-${String(index + 1).padStart(2, '0')}T10:00:00.000Z` }),
    ),
  },
};

/** Two, zero and three minor digits, and a sub-unit amount. */
export const MixedCurrencies: Story = {
  args: { refunds: mixedCurrencyRefunds, locale: 'en-US' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByText('$45.01').length).toBeGreaterThan(0);
    await expect(canvas.getAllByText('¥500').length).toBeGreaterThan(0);
    await expect(canvas.getByText(/KWD\s1\.234/)).toBeInTheDocument();
    await expect(canvas.getByText('€0.10')).toBeInTheDocument();
  },
};

export const EveryStatusAndReason: Story = {
  // Its play reads English words: the toolbar's locale must not change them.
  globals: { locale: 'en-US' },
  args: {
    locale: 'en-US',
    refunds: [
      ...REFUND_STATUSES.map((status, index) =>
        makeRefund({
          id: `re_status_${status}`,
          status,
          reason: REFUND_REASONS[index % REFUND_REASONS.length] ?? null,
          failureReason: status === 'FAILED' ? 'LOST_OR_STOLEN_CARD' : null,
        }),
      ),
      makeRefund({ id: 're_unknown', status: 'REQUIRES_ACTION', reason: 'CHARGEBACK_LOST', failureReason: 'BANK_OFFLINE' }),
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Canceled')).toBeInTheDocument();
    await expect(canvas.getByText('Requires action')).toBeInTheDocument();
    await expect(canvas.getByText('Lost or stolen card')).toBeInTheDocument();
  },
};

/** Whatever the API sends stays inert text: markup, bidi overrides, a 10,000-character reason. */
export const LongAndHostileStrings: Story = {
  // Its play reads English words: the toolbar's locale must not change them.
  globals: { locale: 'en-US' },
  args: {
    refunds: [
      makeRefund({ id: 're_html', reason: '<img src=x onerror=alert(1)>', createdAt: '</script><script>alert(1)</script>' }),
      makeRefund({ id: 're_rtl', reason: '\u202Eevil\u202C', currency: 'X1' }),
      makeRefund({ id: 're_long', reason: 'VERY_LONG_'.repeat(1_000), amount: Number.NaN }),
    ],
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img, script')).toBeNull();
    await expect(within(canvasElement).getByText('</script><script>alert(1)</script>')).toBeInTheDocument();
  },
};

export const Locales: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: '1.5rem' }}>
      {['en-GB', 'de-DE', 'ja-JP'].map((locale) => (
        <CheckoutI18nProvider key={locale} locale={locale}>
          <RefundList {...args} lang={locale} />
        </CheckoutI18nProvider>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('0,10 €')).toBeInTheDocument();
    await expect(canvas.getAllByText('￥500').length).toBeGreaterThan(0);
  },
};

export const Dark: Story = {
  render: (args) => (
    <div data-theme="dark" style={{ background: 'var(--rcs-color-surface)', padding: '1rem' }}>
      <RefundList {...args} />
    </div>
  ),
};

export const RightToLeft: Story = {
  render: (args) => (
    <div dir="rtl">
      <RefundList {...args} />
    </div>
  ),
};
