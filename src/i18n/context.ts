'use client';
import { createContext, useContext } from 'react';
import { mergeMessages, type CheckoutComponentMessages, type CheckoutLabels, type CheckoutMessages } from './dictionary';
import { enComponents } from './messages/enComponents';

/**
 * The locale, time zone and words in effect, as {@link useCheckoutI18n} returns them.
 *
 * @example
 * ```tsx
 * function CreatedAt({ session }: { session: CheckoutSession }) {
 *   const { locale, timeZone }: CheckoutI18n = useCheckoutI18n();
 *   return <time dateTime={session.createdAt}>{formatDate(session.createdAt, locale, timeZone)}</time>;
 * }
 * ```
 */
export interface CheckoutI18n<Messages extends CheckoutComponentMessages = CheckoutMessages> {
  /** For Intl formatting; undefined is the platform's default (the browser's language). */
  locale: string | undefined;
  /** IANA time zone for dates; undefined is the runtime's own. */
  timeZone: string | undefined;
  messages: Messages;
  /** Whether a provider chose the words; if not, the panel's own `locale` picks them. */
  fromProvider: boolean;
}

/**
 * Internal: null where no provider is above. Components that resolve their own locale or
 * labels hand them down to their parts through it too.
 */
export const CheckoutI18nContext = createContext<CheckoutI18n | null>(null);

const ENGLISH_COMPONENTS: CheckoutI18n<CheckoutComponentMessages> = {
  locale: undefined,
  timeZone: undefined,
  messages: enComponents,
  fromProvider: false,
};

/**
 * A component's own `labels`, `locale` and `timeZone` over those it found. Allocates nothing
 * when the component passes none, which keeps a thousand badges cheap.
 */
export function withOwnWords<Messages extends CheckoutComponentMessages>(
  found: CheckoutI18n<Messages>,
  labels: CheckoutLabels | undefined,
  locale?: string,
  timeZone?: string,
): CheckoutI18n<Messages> {
  if (labels === undefined && locale === undefined && timeZone === undefined) return found;
  return {
    locale: locale ?? found.locale,
    timeZone: timeZone ?? found.timeZone,
    messages: mergeMessages(found.messages, labels),
    fromProvider: found.fromProvider,
  };
}

/**
 * The words and locale for a badge or a refund list. Without a provider it falls back to the
 * English words of those components only, so they bundle neither the panel's sentences nor the
 * German and Japanese dictionaries: those come with CheckoutI18nProvider, or the panel.
 */
export function useComponentI18n(
  labels?: CheckoutLabels,
  locale?: string,
  timeZone?: string,
): CheckoutI18n<CheckoutComponentMessages> {
  return withOwnWords(useContext(CheckoutI18nContext) ?? ENGLISH_COMPONENTS, labels, locale, timeZone);
}
