import { render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { RefundList } from '../../src/components/RefundList/RefundList';
import { CheckoutI18nProvider } from '../../src/i18n/CheckoutI18nProvider';
import { makeRefund, mixedCurrencyRefunds, sessionFixtures } from '../../src/testing';
import { axeViolations, HOSTILE_STRINGS } from './support';

const cells = (row: Element) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent);
// Intl puts no-break spaces where a currency code meets the number.
const amountOf = (row: Element) => row.querySelector('td')?.textContent?.replace(/\u00a0/g, ' ');
const refundRows = (container: HTMLElement) => Array.from(container.querySelectorAll('tbody tr'));
const totals = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('.rcs-refund-list__total dd'), (dd) => dd.textContent);

describe('RefundList', () => {
  it.each([
    ['a USD amount with two digits', 45.01, 'USD', 'en-US', '$45.01'],
    ['a JPY amount with no decimals', 500, 'JPY', 'en-US', '¥500'],
    ['a KWD amount with three decimals', 1.234, 'KWD', 'en-US', 'KWD 1.234'],
    ['euros the German way under de-DE', 0.1, 'EUR', 'de-DE', '0,10 €'],
  ])('shows %s', (_behaviour, amount, currency, locale, expected) => {
    render(<RefundList refunds={[makeRefund({ amount, currency })]} locale={locale} />);
    expect(screen.getByText(expected)).toBeInTheDocument();
  });

  it('writes yen and dates the Japanese way under ja-JP', () => {
    render(<RefundList refunds={[makeRefund({ amount: 500, currency: 'JPY' })]} locale="ja-JP" />);
    expect(screen.getByText('￥500')).toBeInTheDocument();
    expect(screen.getByText('2024/01/15')).toBeInTheDocument();
  });

  it('shows each refund in its own currency, in order', () => {
    const { container } = render(<RefundList refunds={mixedCurrencyRefunds} locale="en-US" />);
    expect(refundRows(container).map(amountOf)).toEqual(['$45.01', '¥500', 'KWD 1.234', '€0.10']);
  });

  it('shows status, reason, failure reason and date in words', () => {
    const { container } = render(<RefundList refunds={[mixedCurrencyRefunds[2]!]} locale="en-US" />);
    const item = refundRows(container)[0] as HTMLElement;
    expect(within(item).getByText('Failed')).toHaveAttribute('data-tone', 'critical');
    expect(within(item).getByText('Fraudulent')).toBeInTheDocument();
    expect(within(item).getByText('Insufficient funds')).toBeInTheDocument();
    expect(within(item).getByText('Jan 15, 2024')).toBeInTheDocument();
  });

  it('leaves the reason cell empty when there is none', () => {
    const { container } = render(<RefundList refunds={[makeRefund({ reason: null })]} locale="en-US" />);
    expect(cells(refundRows(container)[0]!)).toEqual(['$45.01', 'Succeeded', '', 'Jan 15, 2024']);
  });

  it('has a failure reason column only when a refund has a failure reason', () => {
    const { rerender } = render(<RefundList refunds={[makeRefund()]} />);
    expect(screen.queryByRole('columnheader', { name: 'Failure reason' })).toBeNull();
    rerender(<RefundList refunds={[makeRefund(), makeRefund({ status: 'FAILED', failureReason: 'EXPIRED' })]} />);
    expect(screen.getByRole('columnheader', { name: 'Failure reason' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Expired' })).toBeInTheDocument();
  });

  it('shows a failure reason beside a failed refund but not beside a pending one', () => {
    const { container } = render(
      <RefundList
        locale="en-US"
        refunds={[
          ...(sessionFixtures.referenceExample.refunds ?? []),
          makeRefund({ status: 'FAILED', failureReason: 'INSUFFICIENT_FUNDS' }),
        ]}
      />,
    );
    const [pending, failed] = refundRows(container);
    expect(cells(pending!)).toEqual(['$45.01', 'Pending', 'Requested by customer', '', 'Jan 15, 2024']);
    expect(cells(failed!)).toEqual(['$45.01', 'Failed', 'Requested by customer', 'Insufficient funds', 'Jan 15, 2024']);
  });

  it('has no failure reason column when only refunds that did not fail carry one', () => {
    render(
      <RefundList
        refunds={[
          ...(sessionFixtures.referenceExample.refunds ?? []),
          makeRefund({ status: 'SUCCEEDED', failureReason: 'EXPIRED' }),
        ]}
      />,
    );
    expect(screen.queryByRole('columnheader', { name: 'Failure reason' })).toBeNull();
    expect(screen.queryByText('Lost or stolen card')).toBeNull();
    expect(screen.queryByText('Expired')).toBeNull();
  });

  it('humanises a reason it does not know', () => {
    render(<RefundList refunds={[makeRefund({ reason: 'CHARGEBACK_LOST' })]} />);
    expect(screen.getByText('Chargeback lost')).toBeInTheDocument();
  });

  it('totals refunds per currency when there is more than one', () => {
    const { container } = render(
      <RefundList
        locale="en-US"
        refunds={[
          makeRefund({ amount: 45.01, currency: 'USD' }),
          makeRefund({ amount: 500, currency: 'JPY' }),
          makeRefund({ amount: 12.5, currency: 'USD', status: 'PENDING' }),
          makeRefund({ amount: 250, currency: 'JPY' }),
        ]}
      />,
    );
    expect(totals(container)).toEqual(['$57.51', '¥750']);
    expect(screen.getAllByText('Total')).toHaveLength(2);
  });

  it('leaves failed and canceled refunds out of the totals', () => {
    const { container } = render(
      <RefundList
        locale="en-US"
        refunds={[
          makeRefund({ amount: 10, currency: 'USD' }),
          makeRefund({ amount: 5, currency: 'USD', status: 'FAILED' }),
          makeRefund({ amount: 7, currency: 'USD', status: 'CANCELED' }),
        ]}
      />,
    );
    expect(totals(container)).toEqual(['$10.00']);
  });

  it('totals a currency the platform cannot format plainly, decimals kept', () => {
    const { container } = render(
      <RefundList
        refunds={[makeRefund({ amount: 12.34, currency: 'X1' }), makeRefund({ amount: 1, currency: 'X1' })]}
      />,
    );
    expect(totals(container)).toEqual(['13.34 X1']);
  });

  it('totals amounts too large for minor units as a number, not Infinity', () => {
    const { container } = render(
      <RefundList
        locale="en-US"
        refunds={[makeRefund({ amount: 1e307, currency: 'USD' }), makeRefund({ amount: 1e307, currency: 'USD' })]}
      />,
    );
    expect(totals(container)[0]).toMatch(/^\$20,000/);
  });

  it('shows no total for a single refund', () => {
    const { container } = render(<RefundList refunds={[makeRefund()]} />);
    expect(container.querySelector('.rcs-refund-list__totals')).toBeNull();
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty array', []],
  ])('shows an empty state for %s', (_name, refunds) => {
    const { container } = render(<RefundList refunds={refunds} />);
    expect(screen.getByText('No refunds.')).toBeInTheDocument();
    expect(container.querySelector('table')).toBeNull();
  });

  it('shows the emptyState it is given', () => {
    render(<RefundList refunds={[]} emptyState={<p>Nothing refunded yet</p>} />);
    expect(screen.getByText('Nothing refunded yet')).toBeInTheDocument();
    expect(screen.queryByText('No refunds.')).toBeNull();
  });

  it('shows an amount in a currency the platform cannot format as sent', () => {
    render(<RefundList refunds={[makeRefund({ amount: 12.5, currency: 'X1' })]} />);
    expect(screen.getByText('12.5 X1')).toBeInTheDocument();
  });

  it('shows an amount that is not a number as sent', () => {
    render(<RefundList refunds={[makeRefund({ amount: Number.NaN, currency: 'USD' })]} />);
    expect(screen.getByText('NaN USD')).toBeInTheDocument();
  });

  it('shows a date it cannot read as sent', () => {
    render(<RefundList refunds={[makeRefund({ createdAt: 'yesterday-ish' })]} />);
    expect(screen.getByText('yesterday-ish')).toBeInTheDocument();
  });

  it('falls back to the default locale for a malformed locale', () => {
    render(<RefundList refunds={[makeRefund({ amount: 45.01, currency: 'USD' })]} locale="not a locale!" />);
    expect(screen.getByText(/45[.,]01/)).toBeInTheDocument();
  });

  it.each(Object.entries(HOSTILE_STRINGS))('renders a hostile %s string as inert text', (_name, hostile) => {
    const { container } = render(
      <RefundList refunds={[makeRefund({ currency: hostile, createdAt: hostile, reason: hostile, status: hostile })]} />,
    );
    expect(container.querySelector('img, script')).toBeNull();
    const row = cells(refundRows(container)[0]!);
    expect(row[0]).toBe(`45.01 ${hostile}`);
    expect(row.at(-1)).toBe(hostile);
  });

  it('is a table named "Refunds" whose column headers name every cell', () => {
    render(<RefundList refunds={mixedCurrencyRefunds} />);
    const table = screen.getByRole('table', { name: 'Refunds' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Amount',
      'Status',
      'Reason',
      'Failure reason',
      'Date',
    ]);
    expect(within(table).getAllByRole('row')).toHaveLength(5);
  });

  it('forwards its ref and passes props through', () => {
    const ref = createRef<HTMLDivElement>();
    render(<RefundList ref={ref} refunds={[makeRefund()]} className="mine" aria-label="Refunds" />);
    expect(ref.current).toHaveClass('rcs-refund-list', 'mine');
    expect(ref.current).toHaveAttribute('aria-label', 'Refunds');
    expect(RefundList.displayName).toBe('RefundList');
  });

  it('takes its words from labels, the row badges included', () => {
    render(
      <RefundList
        refunds={[makeRefund({ status: 'PENDING' })]}
        labels={{ refundAmount: 'Sum', refundStatus: { PENDING: 'In flight' } }}
      />,
    );
    expect(screen.getByText('Sum')).toBeInTheDocument();
    expect(screen.getByText('In flight')).toBeInTheDocument();
  });

  it('writes each date on its day in the time zone it is given', () => {
    const lateInTheDay = makeRefund({ createdAt: '2024-01-15T23:30:00.000Z' });
    const { container } = render(<RefundList refunds={[lateInTheDay]} locale="en-US" timeZone="Asia/Tokyo" />);
    expect(cells(refundRows(container)[0]!).at(-1)).toBe('Jan 16, 2024');
  });

  it('takes the provider’s time zone, and its own over it', () => {
    const lateInTheDay = makeRefund({ createdAt: '2024-01-15T23:30:00.000Z' });
    render(
      <CheckoutI18nProvider locale="en-US" timeZone="Asia/Tokyo">
        <RefundList refunds={[lateInTheDay]} />
        <RefundList refunds={[lateInTheDay]} timeZone="America/New_York" />
      </CheckoutI18nProvider>,
    );
    expect(screen.getByText('Jan 16, 2024')).toBeInTheDocument();
    expect(screen.getByText('Jan 15, 2024')).toBeInTheDocument();
  });

  it('speaks German under a de-DE provider', () => {
    render(
      <CheckoutI18nProvider locale="de-DE">
        <RefundList refunds={[makeRefund({ status: 'PENDING' })]} />
      </CheckoutI18nProvider>,
    );
    expect(screen.getByText('Betrag')).toBeInTheDocument();
    expect(screen.getByText('Ausstehend')).toBeInTheDocument();
    expect(screen.getByText('Auf Wunsch des Kunden')).toBeInTheDocument();
  });

  it('keeps the provider’s words when given a locale for numbers', () => {
    render(
      <CheckoutI18nProvider locale="ja-JP">
        <RefundList refunds={[makeRefund({ amount: 0.1, currency: 'EUR' })]} locale="de-DE" />
      </CheckoutI18nProvider>,
    );
    expect(screen.getByText('金額')).toBeInTheDocument();
    expect(screen.getByText('0,10 €')).toBeInTheDocument();
  });

  it('speaks Japanese under a ja-JP provider', () => {
    render(
      <CheckoutI18nProvider locale="ja-JP">
        <RefundList refunds={null} />
      </CheckoutI18nProvider>,
    );
    expect(screen.getByText('返金はありません。')).toBeInTheDocument();
  });

  it.each([
    ['empty', null],
    ['one refund', [makeRefund()]],
    ['mixed currencies', mixedCurrencyRefunds],
  ])('has no axe violations: %s', async (_name, refunds) => {
    const { container } = render(<RefundList refunds={refunds} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
