/**
 * `npm run bench`: mount cost of the components beside bare markup and two design systems,
 * in jsdom (project `bench`) and in Chromium (project `bench-chromium`). These machines are
 * noisy, so every variant is measured in each round, in a shuffled order, and the figure is
 * the median across rounds of each round's ratio: load that comes and goes hits every variant alike.
 */
import Chip from '@mui/material/Chip';
import { describe, expect, it } from 'vitest';
import polarisEn from '@shopify/polaris/locales/en.json';
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { RefundList } from '../../src/components/RefundList/RefundList';
import { SessionStatusBadge } from '../../src/components/SessionStatusBadge/SessionStatusBadge';
import { SESSION_STATUSES, type KnownSessionStatus, type Refund } from '../../src/core/schema';
import { useComponentI18n } from '../../src/i18n/context';
import { en } from '../../src/i18n/messages/en';
import { mixedCurrencyRefunds } from '../../src/testing';

// Mounting is synchronous through flushSync; React's act() checks would only add warnings.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

// Polaris reads matchMedia when its module loads; jsdom has none.
window.matchMedia ??= (query: string) =>
  ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
const { AppProvider, Badge } = await import('@shopify/polaris');

const COUNT = 1_000;
const WARM_UP_ROUNDS = 3;
const statuses = Array.from({ length: COUNT }, (_, index) => SESSION_STATUSES[index % SESSION_STATUSES.length]!);
const POLARIS_TONES = { PENDING: 'info', SUCCEEDED: 'success', FAILED: 'critical', PARTIALLY_REFUNDED: 'attention', REFUNDED: 'new', REVERSED: 'warning' } as const;
const MUI_COLORS = { PENDING: 'info', SUCCEEDED: 'success', FAILED: 'error', PARTIALLY_REFUNDED: 'warning', REFUNDED: 'secondary', REVERSED: 'primary' } as const;

/**
 * Chromium rounds performance.now() to 0.1 ms on a page that is not cross-origin isolated, and
 * 1,000 bare spans mount there in about 1 ms: each sample sums several mounts so that rounding
 * stays under 1% of the smallest figure. jsdom's timer is fine-grained and its mounts are slower.
 */
const inJsdom = navigator.userAgent.includes('jsdom');
const MOUNTS_PER_SAMPLE = inJsdom ? 1 : 10;
// jsdom's garbage collections are long and land on whichever variant runs next: at 25 rounds
// its medians moved by up to a third between runs; 75 rounds keep most within a few percent.
const ROUNDS = inJsdom ? 75 : 25;

/** Mounts into a detached container, synchronously, and unmounts: the cost of first renders. */
function mountTime(element: () => ReactElement): number {
  let elapsed = 0;
  for (let mount = 0; mount < MOUNTS_PER_SAMPLE; mount += 1) {
    const root = createRoot(document.createElement('div'));
    const start = performance.now();
    flushSync(() => root.render(element()));
    elapsed += performance.now() - start;
    root.unmount();
  }
  return elapsed;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/**
 * Interleaved rounds: each variant's time over the first variant's in the same round, and the
 * median of those ratios, so load that comes and goes between rounds cancels out.
 */
function compare(variants: Record<string, () => ReactElement>) {
  const names = Object.keys(variants);
  const ratios = Object.fromEntries(names.map((name) => [name, [] as number[]]));
  for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
    const order = [...names].sort(() => Math.random() - 0.5);
    const times: Record<string, number> = {};
    for (const name of order) times[name] = mountTime(variants[name]!);
    if (round < WARM_UP_ROUNDS) continue;
    for (const name of names) ratios[name]!.push(times[name]! / times[names[0]!]!);
  }
  return Object.fromEntries(names.map((name) => [name, median(ratios[name]!)]));
}

/** A plain-text table: the browser project forwards console.log lines, not console.table. */
function report(title: string, ratios: Record<string, number>) {
  const width = Math.max(...Object.keys(ratios).map((name) => name.length));
  const rows = Object.entries(ratios).map(([name, ratio]) => `  ${name.padEnd(width)}  ${ratio.toFixed(2)}×`);
  console.log([`\n${title}`, ...rows].join('\n'));
}

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

/**
 * The floors of any badge component under the contract: a component must read the provider for
 * its words, and the contract asks for a stable class, data-status and data-tone.
 */
function ProviderWord({ status }: { status: KnownSessionStatus }) {
  return <span>{useComponentI18n().messages.sessionStatus[status]}</span>;
}

function ProviderWordWithAttributes({ status }: { status: KnownSessionStatus }) {
  return (
    <span className="rcs-badge" data-status={status} data-tone="success">
      {useComponentI18n().messages.sessionStatus[status]}
    </span>
  );
}

const environment = `${inJsdom ? 'jsdom' : 'Chromium'}, React ${process.env.NODE_ENV === 'production' ? 'production' : 'development'} build`;

describe(`mount cost in ${environment}`, () => {
  it('mounts 1,000 SessionStatusBadges close to 1,000 bare spans, and faster than Polaris and MUI', () => {
    const figures = compare({
      'bare <span>': () => (
        <div>
          {statuses.map((status, index) => (
            <span key={index}>{en.sessionStatus[status]}</span>
          ))}
        </div>
      ),
      'bare <span> with class, data-status, data-tone': () => (
        <div>
          {statuses.map((status, index) => (
            <span key={index} className="rcs-badge" data-status={status} data-tone="success">
              {en.sessionStatus[status]}
            </span>
          ))}
        </div>
      ),
      'component reading the provider, bare <span>': () => (
        <div>
          {statuses.map((status, index) => (
            <ProviderWord key={index} status={status} />
          ))}
        </div>
      ),
      'component reading the provider, <span> with the three attributes': () => (
        <div>
          {statuses.map((status, index) => (
            <ProviderWordWithAttributes key={index} status={status} />
          ))}
        </div>
      ),
      SessionStatusBadge: () => (
        <div>
          {statuses.map((status, index) => (
            <SessionStatusBadge key={index} status={status} />
          ))}
        </div>
      ),
      'Polaris Badge': () => (
        <AppProvider i18n={polarisEn}>
          {statuses.map((status, index) => (
            <Badge key={index} tone={POLARIS_TONES[status]}>
              {en.sessionStatus[status]}
            </Badge>
          ))}
        </AppProvider>
      ),
      'MUI Chip': () => (
        <div>
          {statuses.map((status, index) => (
            <Chip key={index} size="small" color={MUI_COLORS[status]} label={en.sessionStatus[status]} />
          ))}
        </div>
      ),
    });
    report(`1,000 status badges, ${environment}: median over ${ROUNDS} interleaved rounds of the time relative to bare <span>`, figures);
    expect(figures.SessionStatusBadge).toBeLessThan(figures['Polaris Badge']!);
    expect(figures.SessionStatusBadge).toBeLessThan(figures['MUI Chip']!);
  });

  it('mounts RefundList with 1,000 mixed-currency refunds near a bare list with cached formatters', () => {
    const figures = compare({
      'bare list, cached formatters': () => <BareRefunds format={cachedFormat} />,
      'bare list, a fresh Intl.NumberFormat per row': () => <BareRefunds format={freshFormat} />,
      RefundList: () => <RefundList refunds={refunds} locale={LOCALE} />,
    });
    report(`1,000 refunds, ${environment}: median time relative to the bare list with cached formatters`, figures);
    expect(figures.RefundList).toBeLessThan(figures['bare list, a fresh Intl.NumberFormat per row']! * 2);
  });
});
