import { render, screen } from '@testing-library/react';
import { SessionStatusBadge } from '../../src/components/SessionStatusBadge/SessionStatusBadge';
import { RefundList } from '../../src/components/RefundList/RefundList';
import { CheckoutI18nProvider, useCheckoutI18n } from '../../src/i18n/CheckoutI18nProvider';
import { makeRefund } from '../../src/testing';

/** Shows two of the panel's sentences, which the badges and lists do not carry. */
function PanelWords() {
  const { messages } = useCheckoutI18n();
  return (
    <p>
      {messages.panelLabel} / {messages.tryAgain}
    </p>
  );
}

describe('CheckoutI18nProvider', () => {
  it('speaks English without a provider', () => {
    render(<SessionStatusBadge status="REVERSED" />);
    expect(screen.getByText('Reversed')).toBeInTheDocument();
  });

  it('formats numbers and dates for its locale', () => {
    render(
      <CheckoutI18nProvider locale="de-DE">
        <RefundList refunds={[makeRefund({ amount: 0.1, currency: 'EUR' })]} />
      </CheckoutI18nProvider>,
    );
    expect(screen.getByText('0,10 €')).toBeInTheDocument();
    expect(screen.getByText('15.01.2024')).toBeInTheDocument();
  });

  it('adds a language of its own through messages', () => {
    render(
      <CheckoutI18nProvider locale="fr-FR" messages={{ sessionStatus: { SUCCEEDED: 'Réussi' } }}>
        <SessionStatusBadge status="SUCCEEDED" />
      </CheckoutI18nProvider>,
    );
    expect(screen.getByText('Réussi')).toBeInTheDocument();
  });

  it('inherits the parent provider’s words and locale when nested', () => {
    render(
      <CheckoutI18nProvider locale="ja-JP">
        <CheckoutI18nProvider messages={{ emptyRefunds: 'まだ返金はありません。' }}>
          <SessionStatusBadge status="SUCCEEDED" />
          <RefundList refunds={[]} />
        </CheckoutI18nProvider>
      </CheckoutI18nProvider>,
    );
    expect(screen.getByText('完了')).toBeInTheDocument();
    expect(screen.getByText('まだ返金はありません。')).toBeInTheDocument();
  });

  it('keeps the outer provider’s words under a nested provider of the same language', () => {
    render(
      <CheckoutI18nProvider messages={{ sessionStatus: { SUCCEEDED: 'Paid' } }}>
        <CheckoutI18nProvider locale="en-GB">
          <SessionStatusBadge status="SUCCEEDED" />
        </CheckoutI18nProvider>
        <CheckoutI18nProvider locale="de-DE">
          <SessionStatusBadge status="SUCCEEDED" />
        </CheckoutI18nProvider>
      </CheckoutI18nProvider>,
    );
    expect(screen.getByText('Paid')).toBeInTheDocument();
    expect(screen.getByText('Erfolgreich')).toBeInTheDocument();
  });

  it('speaks English again under a nested English provider inside a language added through messages', () => {
    render(
      <CheckoutI18nProvider locale="fr-FR" messages={{ sessionStatus: { SUCCEEDED: 'Réussi' } }}>
        <SessionStatusBadge status="SUCCEEDED" />
        <CheckoutI18nProvider locale="en-US">
          <SessionStatusBadge status="SUCCEEDED" />
        </CheckoutI18nProvider>
      </CheckoutI18nProvider>,
    );
    expect(screen.getAllByText(/Réussi|Succeeded/).map((badge) => badge.textContent)).toEqual(['Réussi', 'Succeeded']);
  });

  it('lets a component’s labels win over the provider', () => {
    render(
      <CheckoutI18nProvider locale="de-DE">
        <SessionStatusBadge status="SUCCEEDED" labels={{ sessionStatus: { SUCCEEDED: 'Bezahlt' } }} />
      </CheckoutI18nProvider>,
    );
    expect(screen.getByText('Bezahlt')).toBeInTheDocument();
  });

  it('gives the panel’s English sentences to useCheckoutI18n without a provider', () => {
    render(<PanelWords />);
    expect(screen.getByText('Payment status / Try again')).toBeInTheDocument();
  });

  it('lays a provider’s words over the whole English dictionary, the panel’s sentences included', () => {
    render(
      <CheckoutI18nProvider messages={{ tryAgain: 'Retry now' }}>
        <PanelWords />
        <SessionStatusBadge status="SUCCEEDED" />
      </CheckoutI18nProvider>,
    );
    expect(screen.getByText('Payment status / Retry now')).toBeInTheDocument();
    expect(screen.getByText('Succeeded')).toBeInTheDocument();
  });
});
