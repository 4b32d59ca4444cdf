'use client';
import { createContext, useContext } from 'react';
import { mergeMessages, type CheckoutLabels, type CheckoutMessages } from './dictionary';
import { en } from './messages/en';

export interface CheckoutI18n {
  /** For Intl formatting; undefined is the platform's default (the browser's language). */
  locale: string | undefined;
  messages: CheckoutMessages;
  /** Whether a provider chose the words; if not, the panel's own `locale` picks them. */
  fromProvider: boolean;
}

const DEFAULT_I18N: CheckoutI18n = { locale: undefined, messages: en, fromProvider: false };

/** Internal: components that resolve their own locale or labels hand them down to their parts. */
export const CheckoutI18nContext = createContext<CheckoutI18n>(DEFAULT_I18N);

/**
 * The words and locale for one component: the provider's, with the component's own `labels`
 * on top and its `locale` for numbers and dates. Allocates nothing when the component passes
 * neither, which keeps a thousand badges cheap. Kept apart from the German and Japanese
 * dictionaries so a badge or a refund list does not bundle them: those come with
 * CheckoutI18nProvider, or with the panel's `locale`.
 */
export function useCheckoutI18n(labels?: CheckoutLabels, locale?: string): CheckoutI18n {
  const context = useContext(CheckoutI18nContext);
  if (labels === undefined && locale === undefined) return context;
  return { locale: locale ?? context.locale, messages: mergeMessages(context.messages, labels), fromProvider: context.fromProvider };
}
