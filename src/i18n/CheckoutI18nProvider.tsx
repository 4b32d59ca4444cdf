'use client';
import { useContext, useMemo, type ReactNode } from 'react';
import { CheckoutI18nContext, withOwnWords, type CheckoutI18n } from './context';
import { mergeMessages, type CheckoutLabels } from './dictionary';
import { languageOf, messagesForLocale } from './locales';
import { en } from './messages/en';

/**
 * Props of {@link CheckoutI18nProvider}.
 *
 * @example
 * ```tsx
 * // From the app's own settings, so every checkout component follows the shopper's.
 * const i18n: CheckoutI18nProviderProps = { locale: user.locale, timeZone: user.timeZone, messages: { emptyRefunds: 'Nothing refunded.' } };
 * <CheckoutI18nProvider {...i18n}>
 *   <CheckoutSessionStatus sessionId={sessionId} />
 * </CheckoutI18nProvider>;
 * ```
 */
export interface CheckoutI18nProviderProps {
  /** BCP 47 locale for numbers and dates; its language also picks a built-in dictionary (en, de, ja). */
  locale?: string | undefined;
  /**
   * IANA time zone for dates, e.g. "Europe/Berlin"; default: the parent provider's, else the
   * runtime's. Give the server and the browser the same one when you server-render.
   */
  timeZone?: string | undefined;
  /**
   * Words laid, table by table, over the parent provider's words, or over the built-in
   * dictionary when `locale` changes the language.
   */
  messages?: CheckoutLabels | undefined;
  children?: ReactNode;
}

const ENGLISH: CheckoutI18n = { locale: undefined, timeZone: undefined, messages: en, fromProvider: false };

/**
 * Sets the locale, time zone and words of every checkout component below it. A locale whose
 * language has a built-in dictionary (English, German, Japanese) uses it; `messages` overrides
 * any word, or adds another language. Without a provider the components speak English.
 *
 * @example
 * <CheckoutI18nProvider locale="de-DE" timeZone="Europe/Berlin" messages={{ total: 'Gesamt' }}>
 *   <CheckoutSessionStatus sessionId={id} />
 * </CheckoutI18nProvider>
 */
export function CheckoutI18nProvider({ locale, timeZone, messages, children }: CheckoutI18nProviderProps) {
  const parent = useContext(CheckoutI18nContext) ?? ENGLISH;
  const value = useMemo<CheckoutI18n>(() => {
    // A locale of the parent's language (en-GB under en-US; any English one under a provider
    // without a locale) keeps the parent's words, overrides included.
    const keepsWords =
      locale === undefined ||
      (parent.locale === undefined ? messagesForLocale(locale) === en : languageOf(locale) === languageOf(parent.locale));
    return {
      locale: locale ?? parent.locale,
      timeZone: timeZone ?? parent.timeZone,
      messages: mergeMessages(keepsWords ? parent.messages : messagesForLocale(locale), messages),
      // A provider that sets only a time zone chooses no words: a panel's own locale still does.
      fromProvider: parent.fromProvider || locale !== undefined || messages !== undefined,
    };
  }, [locale, timeZone, messages, parent]);
  return <CheckoutI18nContext.Provider value={value}>{children}</CheckoutI18nContext.Provider>;
}

/**
 * The words, locale and time zone for one component: the provider's (English without one),
 * with the component's own `labels` on top and its `locale` and `timeZone` for numbers and dates.
 *
 * @example
 * // Your own component, in the provider's words and locale.
 * function Paid({ session }: { session: CheckoutSession }) {
 *   const { messages, locale } = useCheckoutI18n();
 *   return <span lang={locale}>{lookupLabel(messages.sessionStatus, session.status)}</span>;
 * }
 */
export function useCheckoutI18n(labels?: CheckoutLabels, locale?: string, timeZone?: string): CheckoutI18n {
  return withOwnWords(useContext(CheckoutI18nContext) ?? ENGLISH, labels, locale, timeZone);
}

/**
 * Like {@link useCheckoutI18n}, and where no provider chose the words, the component's own
 * `locale` picks a built-in dictionary too: the order-confirmation panel speaks German for
 * `locale="de-DE"` on its own.
 */
export function useCheckoutI18nForLocale(labels?: CheckoutLabels, locale?: string, timeZone?: string): CheckoutI18n {
  const found = useContext(CheckoutI18nContext) ?? ENGLISH;
  if (locale === undefined || found.fromProvider) return withOwnWords(found, labels, locale, timeZone);
  return {
    locale,
    timeZone: timeZone ?? found.timeZone,
    messages: mergeMessages(messagesForLocale(locale), labels),
    fromProvider: false,
  };
}
