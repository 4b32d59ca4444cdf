// @vitest-environment node
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { CheckoutSessionStatus } from '../../src/components/CheckoutSessionStatus/CheckoutSessionStatus';
import { CheckoutSessionError } from '../../src/components/CheckoutSessionStatus/parts';
import { RefundList } from '../../src/components/RefundList/RefundList';
import { SessionStatusBadge } from '../../src/components/SessionStatusBadge/SessionStatusBadge';
import { createCheckoutClient } from '../../src/core/client';
import { CheckoutApiError } from '../../src/core/errors';
import { checkoutSessionKeys } from '../../src/react/queryOptions';
import { CheckoutI18nProvider } from '../../src/i18n/CheckoutI18nProvider';
import { mixedCurrencyRefunds, sessionFixtures } from '../../src/testing';

const client = createCheckoutClient({ baseUrl: 'https://api.test', token: 'test-token' });

function renderPanel(queryClient: QueryClient) {
  return renderToString(
    <QueryClientProvider client={queryClient}>
      <CheckoutSessionStatus sessionId="cs_1" client={client} />
    </QueryClientProvider>,
  );
}

describe('server rendering without a DOM', () => {
  it('runs where there is no window or document', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renders a badge', () => {
    const html = renderToString(<SessionStatusBadge status="FAILED" failureReason="EXPIRED" />);
    expect(html).toContain('data-status="FAILED"');
    expect(html).toContain('Failed');
    expect(html).toContain('(Expired)');
  });

  it('renders a refund list with the default locale', () => {
    const html = renderToString(<RefundList refunds={mixedCurrencyRefunds} />);
    expect(html).toContain('<table class="rcs-refund-list__table" aria-label="Refunds">');
    expect(html).toMatch(/45\.01/);
  });

  it('renders an empty refund list', () => {
    expect(renderToString(<RefundList refunds={null} />)).toContain('No refunds.');
  });

  it('renders the panel loading', () => {
    expect(renderPanel(new QueryClient())).toContain('Checking your payment…');
  });

  it('renders the panel from prefetched data', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(checkoutSessionKeys.detail('cs_1'), sessionFixtures.partiallyRefunded);
    const html = renderPanel(queryClient);
    expect(html).toContain('Partially refunded');
    expect(html).toContain('Lost or stolen card');
  });

  it('renders an error', () => {
    const error = new CheckoutApiError({ kind: 'server', message: 'x', requestId: 'req_1' });
    const html = renderToString(<CheckoutSessionError error={error} onRetry={() => undefined} />);
    expect(html).toContain('Support reference: req_1');
    expect(html).toContain('Try again');
  });

  it('renders under the i18n provider', () => {
    const html = renderToString(
      <CheckoutI18nProvider locale="ja-JP">
        <SessionStatusBadge status="SUCCEEDED" />
      </CheckoutI18nProvider>,
    );
    expect(html).toContain('完了');
  });

  it('escapes hostile API strings', () => {
    const hostile = '<img src=x onerror=alert(1)></script>';
    const html = renderToString(<RefundList refunds={[{ ...mixedCurrencyRefunds[0]!, createdAt: hostile }]} />);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;');
  });
});
