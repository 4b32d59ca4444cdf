import Chip from '@mui/material/Chip';
import polarisEn from '@shopify/polaris/locales/en.json';
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { bench, describe } from 'vitest';
import { RefundList } from '../../src/components/RefundList/RefundList';
import { SessionStatusBadge } from '../../src/components/SessionStatusBadge/SessionStatusBadge';
import { SESSION_STATUSES, type Refund } from '../../src/core/schema';
import { en } from '../../src/i18n/messages/en';
import { mixedCurrencyRefunds } from '../../src/testing';

// test/setup.ts loads Testing Library, which turns on React's act() checks; mounting here is
// synchronous through flushSync, and the warnings would be timed with it.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

// Polaris reads matchMedia when its module loads; jsdom has none, so stub it, then import.
window.matchMedia ??= (query: string) =>
  ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
const { AppProvider, Badge } = await import('@shopify/polaris');

const COUNT = 1_000;
// jsdom's garbage collection makes single runs noisy: more time and a warm-up steady the means.
const OPTIONS = { time: 2_000, warmupIterations: 3 };
const statuses = Array.from({ length: COUNT }, (_, index) => SESSION_STATUSES[index % SESSION_STATUSES.length]!);
const POLARIS_TONES = { PENDING: 'info', SUCCEEDED: 'success', FAILED: 'critical', PARTIALLY_REFUNDED: 'attention', REFUNDED: 'new', REVERSED: 'warning' } as const;
const MUI_COLORS = { PENDING: 'info', SUCCEEDED: 'success', FAILED: 'error', PARTIALLY_REFUNDED: 'warning', REFUNDED: 'secondary', REVERSED: 'primary' } as const;

/** Mounts into a detached container, synchronously, and unmounts: the cost of first render. */
function mount(element: ReactElement) {
  const root = createRoot(document.createElement('div'));
  flushSync(() => root.render(element));
  root.unmount();
}

describe('mount 1,000 status badges', () => {
  bench('bare <span>', () => {
    mount(
      <div>
        {statuses.map((status, index) => (
          <span key={index}>{en.sessionStatus[status]}</span>
        ))}
      </div>,
    );
  }, OPTIONS);

  // The floor for any badge with the attributes the spec asks for: jsdom's setAttribute is slow.
  bench('bare <span> with class and data attributes', () => {
    mount(
      <div>
        {statuses.map((status, index) => (
          <span key={index} className="rcs-badge" data-status={status} data-tone="success" data-size="md">
            {en.sessionStatus[status]}
          </span>
        ))}
      </div>,
    );
  }, OPTIONS);

  bench('SessionStatusBadge', () => {
    mount(
      <div>
        {statuses.map((status, index) => (
          <SessionStatusBadge key={index} status={status} />
        ))}
      </div>,
    );
  }, OPTIONS);

  bench('Polaris Badge', () => {
    mount(
      <AppProvider i18n={polarisEn}>
        {statuses.map((status, index) => (
          <Badge key={index} tone={POLARIS_TONES[status]}>
            {en.sessionStatus[status]}
          </Badge>
        ))}
      </AppProvider>,
    );
  }, OPTIONS);

  bench('MUI Chip', () => {
    mount(
      <div>
        {statuses.map((status, index) => (
          <Chip key={index} size="small" color={MUI_COLORS[status]} label={en.sessionStatus[status]} />
        ))}
      </div>,
    );
  }, OPTIONS);
});

const refunds: Refund[] = Array.from({ length: COUNT }, (_, index) => {
  const template = mixedCurrencyRefunds[index % mixedCurrencyRefunds.length]!;
  return { ...template, id: `re_${index}`, amount: template.amount * (1 + (index % 7)) };
});

const LOCALE = 'en-US';
const bareCache = new Map<string, Intl.NumberFormat>();
const bareDate = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium' });

/** The same facts as RefundList in the least markup: amount, status, reason, date. */
function BareRefunds({ format }: { format: (refund: Refund) => string }) {
  return (
    <ul>
      {refunds.map((refund) => (
        <li key={refund.id}>
          <span>{format(refund)}</span> <span>{refund.status}</span> <span>{refund.reason}</span>{' '}
          <span>{bareDate.format(Date.parse(refund.createdAt))}</span>
        </li>
      ))}
    </ul>
  );
}

const freshFormat = (refund: Refund) =>
  new Intl.NumberFormat(LOCALE, { style: 'currency', currency: refund.currency }).format(refund.amount);

function cachedFormat(refund: Refund) {
  let formatter = bareCache.get(refund.currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: refund.currency });
    bareCache.set(refund.currency, formatter);
  }
  return formatter.format(refund.amount);
}

describe('mount a list of 1,000 mixed-currency refunds', () => {
  bench('bare list, cached formatters', () => {
    mount(<BareRefunds format={cachedFormat} />);
  }, OPTIONS);

  bench('bare list, a fresh Intl.NumberFormat per row', () => {
    mount(<BareRefunds format={freshFormat} />);
  }, OPTIONS);

  bench('RefundList', () => {
    mount(<RefundList refunds={refunds} locale={LOCALE} />);
  }, OPTIONS);
});
