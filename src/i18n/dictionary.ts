import { humanizeCode } from '../core/status';
import { de } from './messages/de';
import { en, type CheckoutLabels, type CheckoutMessages } from './messages/en';
import { ja } from './messages/ja';

export type { CheckoutLabels, CheckoutMessages };

const BUILT_IN: Readonly<Record<string, CheckoutMessages>> = { en, de, ja };

/**
 * The built-in dictionary for a BCP 47 locale's language (`de-AT` → German), English for
 * any other language or no locale.
 *
 * @example messagesForLocale('ja-JP').sessionStatus.SUCCEEDED // "完了"
 */
export function messagesForLocale(locale: string | undefined): CheckoutMessages {
  const language = locale?.split(/[-_]/, 1)[0]?.toLowerCase() ?? '';
  return Object.hasOwn(BUILT_IN, language) ? (BUILT_IN[language] as CheckoutMessages) : en;
}

/**
 * A code's words from a table, else the code humanised. Own properties only: a status sent as
 * `constructor` or `__proto__` must not read a member of Object.prototype.
 */
export function lookupLabel(table: Readonly<Record<string, string | undefined>>, code: string): string {
  if (Object.hasOwn(table, code)) {
    const label = table[code];
    if (typeof label === 'string' && label !== '') return label;
  }
  return humanizeCode(code);
}

/** Lays a partial dictionary over a full one, table by table. Returns `base` itself when there is nothing to lay. */
export function mergeMessages(base: CheckoutMessages, labels: CheckoutLabels | undefined): CheckoutMessages {
  if (labels === undefined) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const key of Object.keys(labels) as Array<keyof CheckoutMessages>) {
    const value = labels[key];
    if (value === undefined || !Object.hasOwn(base, key)) continue;
    merged[key] = typeof value === 'string' ? value : { ...(base[key] as object), ...value };
  }
  return merged as unknown as CheckoutMessages;
}

/** Fills `{name}` placeholders. Values stay text: the result is rendered by React, which escapes it. */
export function interpolate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : placeholder,
  );
}
