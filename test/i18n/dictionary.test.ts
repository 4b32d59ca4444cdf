import { SESSION_STATUSES, REFUND_STATUSES, REFUND_REASONS } from '../../src/core/schema';
import { interpolate, lookupLabel, mergeMessages } from '../../src/i18n/dictionary';
import { messagesForLocale } from '../../src/i18n/locales';
import { de } from '../../src/i18n/messages/de';
import { en, type CheckoutMessages } from '../../src/i18n/messages/en';
import { ja } from '../../src/i18n/messages/ja';

/** Every key path of a dictionary, tables included, so dictionaries can be compared. */
const keyPaths = (messages: CheckoutMessages) =>
  Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [key] : Object.keys(value).map((code) => `${key}.${code}`),
  );

describe('message dictionaries', () => {
  it.each([
    ['German', de],
    ['Japanese', ja],
  ])('%s has every entry English has', (_language, dictionary) => {
    expect(keyPaths(dictionary).sort()).toEqual(keyPaths(en).sort());
  });

  it.each([
    ['English', en],
    ['German', de],
    ['Japanese', ja],
  ])('%s names every known status and reason', (_language, dictionary) => {
    expect(Object.keys(dictionary.sessionStatus)).toEqual([...SESSION_STATUSES]);
    expect(Object.keys(dictionary.sessionStatusDescription)).toEqual([...SESSION_STATUSES]);
    expect(Object.keys(dictionary.refundStatus)).toEqual([...REFUND_STATUSES]);
    expect(Object.keys(dictionary.refundReason)).toEqual([...REFUND_REASONS]);
  });

  it.each([
    ['English', en],
    ['German', de],
    ['Japanese', ja],
  ])('%s has no empty words', (_language, dictionary) => {
    const words = Object.values(dictionary).flatMap((value: string | Record<string, string>) =>
      typeof value === 'string' ? [value] : Object.values(value),
    );
    expect(words.filter((word) => word.trim() === '')).toEqual([]);
  });

  it('reads the panel sentence for a succeeded payment', () => {
    expect(en.sessionStatusDescription.SUCCEEDED).toBe('Your payment went through. You will receive a confirmation email.');
  });
});

describe('messagesForLocale', () => {
  it.each([
    ['de-DE', de],
    ['de_AT', de],
    ['ja-JP', ja],
    ['JA', ja],
    ['en-GB', en],
    ['fr-FR', en],
    [undefined, en],
    ['__proto__', en],
    ['constructor', en],
  ])('picks the dictionary for %s', (locale, dictionary) => {
    expect(messagesForLocale(locale)).toBe(dictionary);
  });
});

describe('lookupLabel', () => {
  it('reads a known code', () => {
    expect(lookupLabel(en.refundReason, 'REQUESTED_BY_CUSTOMER')).toBe('Requested by customer');
  });

  it('humanises an unknown code', () => {
    expect(lookupLabel(en.sessionStatus, 'AWAITING_CAPTURE')).toBe('Awaiting capture');
  });

  it.each([
    ['__proto__', 'Proto'],
    ['constructor', 'Constructor'],
    ['toString', 'Tostring'],
    ['hasOwnProperty', 'Hasownproperty'],
  ])('reads only own entries, so %s is humanised as "%s"', (code, words) => {
    expect(lookupLabel(en.sessionStatus, code)).toBe(words);
  });

  it('humanises a code whose override is empty', () => {
    expect(lookupLabel({ PENDING: '' }, 'PENDING')).toBe('Pending');
  });
});

describe('mergeMessages', () => {
  it('returns the base itself when there is nothing to merge', () => {
    expect(mergeMessages(en, undefined)).toBe(en);
  });

  it('overrides single words and table entries and keeps the rest', () => {
    const merged = mergeMessages(en, { total: 'Sum', sessionStatus: { FAILED: 'Declined' } });
    expect(merged.total).toBe('Sum');
    expect(merged.sessionStatus.FAILED).toBe('Declined');
    expect(merged.sessionStatus.SUCCEEDED).toBe('Succeeded');
    expect(en.sessionStatus.FAILED).toBe('Failed');
  });

  it('cannot reach Object.prototype through a __proto__ key', () => {
    const labels = JSON.parse('{"__proto__": {"polluted": "yes"}, "sessionStatus": {"__proto__": "x"}}');
    const merged = mergeMessages(en, labels);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(lookupLabel(merged.sessionStatus, 'PENDING')).toBe('Pending');
  });
});

describe('interpolate', () => {
  it('fills placeholders with text', () => {
    expect(interpolate('Support reference: {requestId}', { requestId: 'req_1' })).toBe('Support reference: req_1');
  });

  it('leaves unknown placeholders, prototype names included, as written', () => {
    expect(interpolate('{constructor} {missing}', {})).toBe('{constructor} {missing}');
  });
});
