import type { CheckoutMessages } from './dictionary';
import { de } from './messages/de';
import { en } from './messages/en';
import { ja } from './messages/ja';

const BUILT_IN: Readonly<Record<string, CheckoutMessages>> = { en, de, ja };

/**
 * The built-in dictionary for a BCP 47 locale's language (`de-AT` → German), English for
 * any other language or no locale.
 *
 * @example messagesForLocale('ja-JP').sessionStatus.SUCCEEDED // "完了"
 */
export function messagesForLocale(locale: string | undefined): CheckoutMessages {
  const language = languageOf(locale);
  return Object.hasOwn(BUILT_IN, language) ? (BUILT_IN[language] as CheckoutMessages) : en;
}

/** A BCP 47 locale's language subtag, lower-cased (`de-AT` → "de"); "" for none. */
export function languageOf(locale: string | undefined): string {
  return locale?.split(/[-_]/, 1)[0]?.toLowerCase() ?? '';
}
