import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { CheckoutSessionStatus } from '../../src/components/CheckoutSessionStatus/CheckoutSessionStatus';
import { CheckoutSessionError, SessionStatusAnnouncer } from '../../src/components/CheckoutSessionStatus/parts';
import { CheckoutI18nProvider } from '../../src/i18n/CheckoutI18nProvider';
import { CheckoutApiError } from '../../src/core/errors';
import {
  errorResponse,
  makeRefund,
  makeSession,
  mockSession,
  mockSessionError,
  mockSessionEndpoint,
  mockSessionSequence,
  sessionFixtures,
} from '../../src/testing';
import { useCheckoutSession } from '../../src/react/useCheckoutSession';
import { advance, installFakeTimers } from '../support/fakeTime';
import { renderWithClient } from '../support/renderWithClient';
import { setupMswServer } from '../support/server';
import { axeViolations } from './support';

const server = setupMswServer();

const LOADING = 'Checking your payment…';

describe('CheckoutSessionStatus', () => {
  it('shows a loading status, then the badge', async () => {
    server.use(mockSession(sessionFixtures.succeeded, { latencyMs: 20 }));
    renderWithClient(<CheckoutSessionStatus sessionId="cs_1" />);
    expect(screen.getByRole('status')).toHaveTextContent(LOADING);
    expect(await screen.findByText('Succeeded')).toHaveAttribute('data-tone', 'success');
    expect(screen.queryByText(LOADING)).toBeNull();
  });

  it('says what the status means for the shopper', async () => {
    server.use(mockSession(sessionFixtures.succeeded));
    renderWithClient(<CheckoutSessionStatus sessionId="cs_1" />);
    expect(
      await screen.findByText('Your payment went through. You will receive a confirmation email.'),
    ).toBeInTheDocument();
  });

  it('shows an unknown status in words, with a sentence that still makes sense', async () => {
    server.use(mockSession(sessionFixtures.unknownStatus));
    renderWithClient(<CheckoutSessionStatus sessionId="cs_1" />);
    expect(await screen.findByText('Awaiting capture')).toHaveAttribute('data-tone', 'neutral');
    expect(screen.getByText('We are still processing your payment. This page updates by itself.')).toBeInTheDocument();
  });

  it('shows the failure reason of a failed payment', async () => {
    server.use(mockSession(sessionFixtures.failedExpired));
    renderWithClient(<CheckoutSessionStatus sessionId="cs_1" />);
    expect(await screen.findByText('(Expired)', { exact: false })).toBeInTheDocument();
  });

  it('shows the refunds when there are some', async () => {
    server.use(mockSession(sessionFixtures.partiallyRefunded));
    renderWithClient(<CheckoutSessionStatus sessionId="cs_1" locale="en-US" />);
    expect(await screen.findByRole('heading', { name: 'Refunds', level: 2 })).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('$12.50')).toBeInTheDocument();
  });

  it('writes the refunds’ dates in the time zone it is given', async () => {
    const lateInTheDay = makeRefund({ createdAt: '2024-01-15T23:30:00.000Z' });
    server.use(mockSession(makeSession({ status: 'REFUNDED', refunds: [lateInTheDay] })));
    renderWithClient(<CheckoutSessionStatus sessionId="cs_1" locale="en-US" timeZone="Asia/Tokyo" />);
    expect(await screen.findByText('Jan 16, 2024')).toBeInTheDocument();
  });

  it('puts the refunds heading at the level the page asks for', async () => {
    server.use(mockSession(sessionFixtures.partiallyRefunded));
    renderWithClient(<CheckoutSessionStatus sessionId="cs_1" headingLevel={3} />);
    expect(await screen.findByRole('heading', { name: 'Refunds', level: 3 })).toBeInTheDocument();
  });

  it('shows no refund section when there are none', async () => {
    server.use(mockSession(sessionFixtures.succeeded));
    renderWithClient(<CheckoutSessionStatus sessionId="cs_1" />);
    await screen.findByText('Succeeded');
    expect(screen.queryByRole('heading', { name: 'Refunds' })).toBeNull();
    expect(screen.queryByText('No refunds.')).toBeNull();
  });

  it('explains a 401 in words, with no retry button', async () => {
    server.use(mockSessionError(401));
    renderWithClient(<CheckoutSessionStatus sessionId="cs_1" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('You are signed out. Sign in again to see this payment.');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('shows the request id of a 500 as a support reference, and a Try again button', async () => {
    server.use(mockSessionError(500));
    renderWithClient(<CheckoutSessionStatus sessionId="cs_1" retry={false} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Our payment service had a problem.');
    expect(alert).toHaveTextContent('Support reference: req_1234567890');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('asks again when Try again is pressed, and shows the session it gets', async () => {
    server.use(mockSessionSequence([() => mockErrorBody(), sessionFixtures.succeeded]));
    renderWithClient(<CheckoutSessionStatus sessionId="cs_1" retry={false} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Succeeded')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  // Fake time: on real timers the hold and the answer's latency raced the assertions, which a
  // loaded machine lost (the retry settled before the button was read, or after the ceiling).
  describe('on fake timers', () => {
    installFakeTimers();
    // user-event's clicks wait on a zero-delay timer that fake time never runs (Testing
    // Library advances only Jest's); a press is focus, then click, as in the browser.
    const press = (button: HTMLElement) => {
      button.focus();
      fireEvent.click(button);
    };

    it('says it is trying again while the retry asked for waits out a Retry-After, and not a moment longer', async () => {
      server.use(
        mockSessionSequence([makeSession({ status: 'PENDING' }), errorResponse(429, { retryAfter: 1 }), sessionFixtures.succeeded]),
      );
      renderWithClient(<CheckoutSessionStatus sessionId="cs_1" pollInterval={50} retry={false} />);
      // PENDING at once, the 429 at the 50 ms poll: held until about 1,050 ms.
      await advance(100);
      press(screen.getByRole('button', { name: 'Try again' }));
      const button = screen.getByRole('button', { name: 'Trying again…' });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveFocus();
      await advance(850);
      expect(screen.getByRole('button', { name: 'Trying again…' })).toHaveFocus();
      expect(screen.queryByText('Succeeded')).toBeNull();
      await advance(200);
      expect(screen.getByText('Succeeded')).toBeInTheDocument();
      expect(screen.queryByRole('alert')).toBeNull();
    });

    it('keeps the pressed button, focused and saying so, while a retry after a failed first load runs', async () => {
      server.use(mockSessionSequence([errorResponse(500), sessionFixtures.succeeded], { latencyMs: 300 }));
      renderWithClient(<CheckoutSessionStatus sessionId="cs_1" retry={false} />);
      await advance(310);
      press(screen.getByRole('button', { name: 'Try again' }));
      await advance(250);
      const button = screen.getByRole('button', { name: 'Trying again…' });
      expect(button).toHaveFocus();
      expect(screen.queryByText('Checking your payment…')).toBeNull();
      await advance(100);
      expect(screen.getByText('Succeeded')).toBeInTheDocument();
      expect(screen.queryByRole('alert')).toBeNull();
    });
  });

  it('does not show the error of the session it was switched away from while that retry waits', async () => {
    const rateLimited = errorResponse(429, { retryAfter: 30 });
    server.use(
      mockSessionEndpoint((info) => (info.sessionId === 'cs_A' ? rateLimited(info) : Response.json(makeSession({ id: info.sessionId })))),
    );
    // Another watcher keeps the first session's held retry alive after the panel leaves it.
    function OtherWatcher() {
      useCheckoutSession('cs_A', { retry: false });
      return null;
    }
    const panel = (sessionId: string) => (
      <>
        <OtherWatcher />
        <CheckoutSessionStatus sessionId={sessionId} retry={false} />
      </>
    );
    const { rerender } = renderWithClient(panel('cs_A'));
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    rerender(panel('cs_B'));
    // The 429 holds every session of the client (rate limits count per API key): cs_B waits
    // for it too, and shows that it is loading, not cs_A's error.
    expect(await screen.findByText('Checking your payment…')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('ignores presses of a Try again button whose retry is on its way', async () => {
    const onRetry = vi.fn();
    const error = new CheckoutApiError({ kind: 'server', status: 500, message: 'boom' });
    render(<CheckoutSessionError error={error} onRetry={onRetry} retrying />);
    await userEvent.click(screen.getByRole('button', { name: 'Trying again…' }));
    expect(onRetry).not.toHaveBeenCalled();
  });

  it('keeps saying Try again while background polls run under the error', async () => {
    let requests = 0;
    server.use(
      mockSessionSequence([makeSession({ status: 'PENDING' }), errorResponse(502)], {
        latencyMs: 30,
        onRequest: () => void (requests += 1),
      }),
    );
    renderWithClient(<CheckoutSessionStatus sessionId="cs_1" pollInterval={50} retry={false} />);
    await screen.findByRole('button', { name: 'Try again' });
    const alert = screen.getByRole('alert');
    const texts: string[] = [];
    const observer = new MutationObserver(() => texts.push(alert.textContent ?? ''));
    observer.observe(alert, { subtree: true, childList: true, characterData: true });
    const before = requests;
    await waitFor(() => expect(requests).toBeGreaterThanOrEqual(before + 4));
    observer.disconnect();
    // Polls came and went with the error standing; an assertive alert must not change with each.
    expect(texts.filter((text) => text.includes('Trying again'))).toEqual([]);
  });

  it('keeps its sentences when labels leave an entry undefined', async () => {
    server.use(mockSession(sessionFixtures.succeeded));
    const { container } = renderWithClient(
      <CheckoutSessionStatus sessionId="cs_1" labels={{ sessionStatusDescription: { SUCCEEDED: undefined } }} />,
    );
    await screen.findByText('Succeeded');
    expect(container.querySelector('[aria-live="polite"]')).toHaveTextContent(
      'Payment status: Succeeded. Your payment went through. You will receive a confirmation email.',
    );
  });

  it('speaks its own locale’s language under a provider that sets only a time zone', async () => {
    server.use(mockSession(sessionFixtures.succeeded));
    renderWithClient(
      <CheckoutI18nProvider timeZone="Europe/Berlin">
        <CheckoutSessionStatus sessionId="cs_1" locale="de-DE" />
      </CheckoutI18nProvider>,
    );
    expect(await screen.findByText('Erfolgreich')).toBeInTheDocument();
  });

  it('says nothing, and does not throw, for an announcer given a null status', () => {
    const { container } = render(<SessionStatusAnnouncer status={null as unknown as undefined} />);
    expect(container.querySelector('[aria-live="polite"]')).toHaveTextContent('');
  });

  it('announces each status change once, not each poll', async () => {
    let requests = 0;
    const pending = makeSession({ status: 'PENDING' });
    server.use(
      mockSessionSequence([pending, pending, pending, { ...pending, status: 'SUCCEEDED' }], {
        onRequest: () => void (requests += 1),
      }),
    );
    const { container } = renderWithClient(<CheckoutSessionStatus sessionId="cs_1" pollInterval={50} />);
    const region = container.querySelector('[aria-live="polite"]')!;
    const announced: string[] = [];
    const observer = new MutationObserver(() => announced.push(region.textContent ?? ''));
    observer.observe(region, { childList: true, characterData: true, subtree: true });

    await screen.findByText('Succeeded');
    await waitFor(() => expect(requests).toBeGreaterThanOrEqual(4));
    observer.disconnect();
    expect(announced).toEqual([
      'Payment status: Pending. We are confirming your payment with your bank. This page updates by itself.',
      'Payment status: Succeeded. Your payment went through. You will receive a confirmation email.',
    ]);
  });

  it('renders the hook result through a render prop, headless', async () => {
    server.use(mockSession(sessionFixtures.refunded));
    const { container } = renderWithClient(
      <CheckoutSessionStatus sessionId="cs_1">
        {({ data, isTerminal }) => <p>{data ? `${data.status} ${String(isTerminal)}` : 'waiting'}</p>}
      </CheckoutSessionStatus>,
    );
    expect(await screen.findByText('REFUNDED true')).toBeInTheDocument();
    expect(container.querySelector('.rcs-checkout-status')).toBeNull();
  });

  it('speaks German with a de-DE locale', async () => {
    server.use(mockSession(makeSession({ status: 'REFUNDED', refunds: [makeRefund({ amount: 0.1, currency: 'EUR' })] })));
    renderWithClient(<CheckoutSessionStatus sessionId="cs_1" locale="de-DE" />);
    expect(await screen.findByText('Ihre Zahlung wurde Ihnen vollständig erstattet.')).toBeInTheDocument();
    expect(screen.getByText('Erstattet')).toBeInTheDocument();
    expect(screen.getByText('0,10 €')).toBeInTheDocument();
  });

  it('takes labels for every part of the panel', async () => {
    server.use(mockSession(makeSession({ status: 'PENDING' })));
    renderWithClient(
      <CheckoutSessionStatus
        sessionId="cs_1"
        labels={{ loading: 'One moment…', sessionStatus: { PENDING: 'Waiting for the bank' } }}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('One moment…');
    expect(await screen.findByText('Waiting for the bank')).toBeInTheDocument();
  });

  it('sends nothing and shows no loading state without a session id', () => {
    let requests = 0;
    server.use(mockSession(sessionFixtures.pending, { onRequest: () => void (requests += 1) }));
    renderWithClient(<CheckoutSessionStatus sessionId={null} />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(requests).toBe(0);
  });

  it('forwards its ref, puts DOM props on the section and hook options on the hook', async () => {
    server.use(mockSession(sessionFixtures.pending));
    const ref = createRef<HTMLElement>();
    const onStatusChange = vi.fn();
    renderWithClient(
      <CheckoutSessionStatus ref={ref} sessionId="cs_1" className="mine" data-testid="panel" onStatusChange={onStatusChange} />,
    );
    expect(ref.current).toBe(screen.getByTestId('panel'));
    expect(ref.current).toHaveClass('rcs-checkout-status', 'mine');
    expect(ref.current).not.toHaveAttribute('onStatusChange');
    await waitFor(() => expect(onStatusChange).toHaveBeenCalledTimes(1));
    expect(CheckoutSessionStatus.displayName).toBe('CheckoutSessionStatus');
  });

  it.each([
    ['loading', mockSession(sessionFixtures.pending, { latencyMs: 10_000 }), LOADING],
    ['pending with refunds', mockSession(sessionFixtures.referenceExample), 'Pending'],
    ['partially refunded', mockSession(sessionFixtures.partiallyRefunded), 'Partially refunded'],
    ['failed', mockSession(sessionFixtures.failedExpired), 'Failed'],
    ['server error', mockSessionError(500), 'Try again'],
    ['not found', mockSessionError(404), 'We could not find this payment.'],
  ])('has no axe violations: %s', async (_name, handler, text) => {
    server.use(handler);
    const { container } = renderWithClient(<CheckoutSessionStatus sessionId="cs_1" retry={false} />);
    await screen.findAllByText(text, { exact: false });
    expect(await axeViolations(container)).toEqual([]);
  });
});

function mockErrorBody() {
  return new Response(JSON.stringify({ error: 'Internal Server Error', message: 'Boom', code: 500 }), {
    status: 500,
    headers: { 'Content-Type': 'application/json' },
  });
}
