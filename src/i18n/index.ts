export { CheckoutI18nProvider, useCheckoutI18n } from './CheckoutI18nProvider';
export type { CheckoutI18n, CheckoutI18nProviderProps } from './CheckoutI18nProvider';
export { interpolate, lookupLabel, mergeMessages, messagesForLocale } from './dictionary';
export type { CheckoutLabels, CheckoutMessages } from './dictionary';
export { currencyDigits, formatDate, formatMoney, getCurrencyFormatter, getDateFormatter } from './formatters';
export { en as enMessages } from './messages/en';
export { de as deMessages } from './messages/de';
export { ja as jaMessages } from './messages/ja';
