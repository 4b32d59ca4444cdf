import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { SESSION_STATUSES } from '../../src/core/schema';
import { humanizeCode } from '../../src/core/status';
import { SessionStatusBadge } from '../../src/components/SessionStatusBadge/SessionStatusBadge';
import { RefundStatusBadge } from '../../src/components/RefundList/RefundStatusBadge';
import { CheckoutI18nProvider } from '../../src/i18n/CheckoutI18nProvider';
import { axeViolations, HOSTILE_STRINGS } from './support';

const WORDS_AND_TONES = [
  ['PENDING', 'Pending', 'progress'],
  ['SUCCEEDED', 'Succeeded', 'success'],
  ['FAILED', 'Failed', 'critical'],
  ['PARTIALLY_REFUNDED', 'Partially refunded', 'attention'],
  ['REFUNDED', 'Refunded', 'info'],
  ['REVERSED', 'Reversed', 'highlight'],
] as const;

describe('SessionStatusBadge', () => {
  it.each(WORDS_AND_TONES)('shows %s as "%s" with the %s tone', (status, word, tone) => {
    render(<SessionStatusBadge status={status} />);
    const badge = screen.getByText(word);
    expect(badge).toHaveAttribute('data-status', status);
    expect(badge).toHaveAttribute('data-tone', tone);
  });

  it('gives every known status a tone of its own', () => {
    const { container } = render(
      <>
        {SESSION_STATUSES.map((status) => (
          <SessionStatusBadge key={status} status={status} />
        ))}
      </>,
    );
    const tones = Array.from(container.querySelectorAll('.rcs-badge'), (badge) => badge.getAttribute('data-tone'));
    expect(new Set(tones).size).toBe(SESSION_STATUSES.length);
    expect(tones).not.toContain('neutral');
  });

  it('humanises an unknown status with a neutral tone', () => {
    render(<SessionStatusBadge status="AWAITING_CAPTURE" />);
    const badge = screen.getByText('Awaiting capture');
    expect(badge).toHaveAttribute('data-tone', 'neutral');
    expect(badge).toHaveAttribute('data-status', 'AWAITING_CAPTURE');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'shows the status "%s" as words, not a member of Object.prototype',
    (status) => {
      const { container } = render(<SessionStatusBadge status={status} failureReason={status} />);
      const badge = container.querySelector('.rcs-badge');
      expect(badge).toHaveAttribute('data-tone', 'neutral');
      expect(badge?.textContent).not.toMatch(/function|\[object/);
      expect(badge?.textContent).not.toBe('');
    },
  );

  it('never renders an empty badge, even for an empty or missing status', () => {
    const { container } = render(
      <>
        <SessionStatusBadge status="" />
        <SessionStatusBadge status={null as unknown as string} />
      </>,
    );
    for (const badge of container.querySelectorAll('.rcs-badge')) expect(badge).toHaveTextContent('Unknown');
  });

  it('explains a failure with its reason in words, in the text itself', () => {
    render(<SessionStatusBadge status="FAILED" failureReason="EXPIRED" />);
    expect(screen.getByText('Failed', { exact: false })).toHaveTextContent('Failed (Expired)');
  });

  it('humanises a failure reason it does not know', () => {
    render(<SessionStatusBadge status="FAILED" failureReason="CARD_DECLINED_BY_ISSUER" />);
    expect(screen.getByText('(Card declined by issuer)', { exact: false })).toBeInTheDocument();
  });

  it('leaves out a failure reason that cannot explain the status', () => {
    // The provider's own example sends PENDING with failureReason EXPIRED.
    const { container } = render(<SessionStatusBadge status="PENDING" failureReason="EXPIRED" />);
    expect(container).toHaveTextContent(/^Pending$/);
  });

  it('renders data-size only for the small size, md being the default look', () => {
    const { container } = render(
      <>
        <SessionStatusBadge status="PENDING" />
        <SessionStatusBadge status="PENDING" size="sm" />
      </>,
    );
    const sizes = Array.from(container.querySelectorAll('.rcs-badge'), (badge) => badge.getAttribute('data-size'));
    expect(sizes).toEqual([null, 'sm']);
  });

  it('forwards its ref to the span', () => {
    const ref = createRef<HTMLSpanElement>();
    render(<SessionStatusBadge ref={ref} status="SUCCEEDED" />);
    expect(ref.current).toBeInstanceOf(HTMLSpanElement);
    expect(ref.current).toHaveTextContent('Succeeded');
  });

  it('passes other props through and keeps its own class', () => {
    render(<SessionStatusBadge status="SUCCEEDED" id="badge" className="mine" title="Order status" data-testid="b" />);
    const badge = screen.getByTestId('b');
    expect(badge).toHaveAttribute('id', 'badge');
    expect(badge).toHaveAttribute('title', 'Order status');
    expect(badge).toHaveClass('rcs-badge', 'mine');
  });

  it('has a display name for React DevTools', () => {
    expect(SessionStatusBadge.displayName).toBe('SessionStatusBadge');
    expect(RefundStatusBadge.displayName).toBe('RefundStatusBadge');
  });

  it('takes its words from labels over the built-in dictionary', () => {
    render(<SessionStatusBadge status="SUCCEEDED" labels={{ sessionStatus: { SUCCEEDED: 'Paid' } }} />);
    expect(screen.getByText('Paid')).toBeInTheDocument();
  });

  it('takes labels for a status the kit does not know', () => {
    render(<SessionStatusBadge status="AWAITING_CAPTURE" labels={{ sessionStatus: { AWAITING_CAPTURE: 'On hold' } }} />);
    expect(screen.getByText('On hold')).toBeInTheDocument();
  });

  it('takes its words from the provider', () => {
    render(
      <CheckoutI18nProvider messages={{ sessionStatus: { FAILED: 'Declined' }, failureReason: { EXPIRED: 'Timed out' } }}>
        <SessionStatusBadge status="FAILED" failureReason="EXPIRED" />
      </CheckoutI18nProvider>,
    );
    expect(screen.getByText('Declined', { exact: false })).toHaveTextContent('Declined (Timed out)');
  });

  it('speaks German under a de-DE provider', () => {
    render(
      <CheckoutI18nProvider locale="de-DE">
        <SessionStatusBadge status="PARTIALLY_REFUNDED" />
      </CheckoutI18nProvider>,
    );
    expect(screen.getByText('Teilweise erstattet')).toBeInTheDocument();
  });

  it('speaks Japanese under a ja-JP provider', () => {
    render(
      <CheckoutI18nProvider locale="ja-JP">
        <SessionStatusBadge status="FAILED" failureReason="EXPIRED" />
      </CheckoutI18nProvider>,
    );
    expect(screen.getByText('失敗', { exact: false })).toHaveTextContent('失敗（有効期限切れ）');
  });

  it.each(Object.entries(HOSTILE_STRINGS))('renders a hostile %s status and reason as inert text', (_name, hostile) => {
    const { container } = render(<SessionStatusBadge status={hostile} failureReason={hostile} />);
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.querySelector('.rcs-badge')?.textContent).toBe(`${humanizeCode(hostile)} (${humanizeCode(hostile)})`);
  });

  it.each([...WORDS_AND_TONES.map(([status]) => status), 'AWAITING_CAPTURE'])(
    'has no axe violations for %s',
    async (status) => {
      const { container } = render(<SessionStatusBadge status={status} failureReason="EXPIRED" />);
      expect(await axeViolations(container)).toEqual([]);
    },
  );
});

describe('RefundStatusBadge', () => {
  it.each([
    ['PENDING', 'Pending', 'progress'],
    ['SUCCEEDED', 'Succeeded', 'success'],
    ['FAILED', 'Failed', 'critical'],
    ['CANCELED', 'Canceled', 'neutral'],
  ] as const)('shows the refund status %s as "%s" with the %s tone', (status, word, tone) => {
    render(<RefundStatusBadge status={status} />);
    expect(screen.getByText(word)).toHaveAttribute('data-tone', tone);
  });
});
