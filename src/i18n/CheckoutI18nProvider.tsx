'use client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { mergeMessages, messagesForLocale, type CheckoutLabels, type CheckoutMessages } from './dictionary';
import { en } from './messages/en';

export interface CheckoutI18n {
  /** For Intl formatting; undefined is the platform's default (the browser's language). */
  locale: string | undefined;
  messages: CheckoutMessages;
  /** Whether a provider chose the words; if not, a component's own `locale` picks them. */
  fromProvider: boolean;
}

const DEFAULT_I18N: CheckoutI18n = { locale: undefined, messages: en, fromProvider: false };

/** Internal: components that resolve their own locale or labels hand them down to their badges. */
export const CheckoutI18nContext = createContext<CheckoutI18n>(DEFAULT_I18N);

export interface CheckoutI18nProviderProps {
  /** BCP 47 locale for numbers and dates; its language also picks a built-in dictionary (en, de, ja). */
  locale?: string | undefined;
  /** Words laid over the built-in dictionary (or the parent provider's), table by table. */
  messages?: CheckoutLabels | undefined;
  children?: ReactNode;
}

/**
 * Sets the locale and the words of every checkout component below it. A locale whose language
 * has a built-in dictionary (English, German, Japanese) uses it; `messages` overrides any word,
 * or adds another language. Without a provider the components speak English.
 *
 * @example
 * <CheckoutI18nProvider locale="de-DE" messages={{ total: 'Gesamt' }}>
 *   <CheckoutSessionStatus sessionId={id} />
 * </CheckoutI18nProvider>
 */
export function CheckoutI18nProvider({ locale, messages, children }: CheckoutI18nProviderProps) {
  const parent = useContext(CheckoutI18nContext);
  const value = useMemo<CheckoutI18n>(() => {
    const base = locale === undefined ? parent.messages : messagesForLocale(locale);
    return { locale: locale ?? parent.locale, messages: mergeMessages(base, messages), fromProvider: true };
  }, [locale, messages, parent]);
  return <CheckoutI18nContext.Provider value={value}>{children}</CheckoutI18nContext.Provider>;
}

/**
 * The words and locale for one component: the provider's, with the component's own `locale`
 * and `labels` on top. Allocates nothing when the component passes neither, which keeps a
 * thousand badges cheap.
 */
export function useCheckoutI18n(labels?: CheckoutLabels, locale?: string): CheckoutI18n {
  const context = useContext(CheckoutI18nContext);
  if (labels === undefined && locale === undefined) return context;
  const base = locale !== undefined && !context.fromProvider ? messagesForLocale(locale) : context.messages;
  return { locale: locale ?? context.locale, messages: mergeMessages(base, labels), fromProvider: context.fromProvider };
}
