import { definedEntries } from '../core/definedEntries';
import { humanizeCode } from '../core/status';
import type { CheckoutComponentMessages, CheckoutLabels, CheckoutMessages } from './messages/en';

export type { CheckoutComponentMessages, CheckoutLabels, CheckoutMessages };

/**
 * A code's words from a table, else the code humanised. Own properties only: a status sent as
 * `constructor` or `__proto__` must not read a member of Object.prototype.
 *
 * @example
 * lookupLabel(enMessages.sessionStatus, 'PARTIALLY_REFUNDED') // "Partially refunded"
 * lookupLabel(enMessages.sessionStatus, 'AWAITING_CAPTURE') // "Awaiting capture" (humanised)
 */
export function lookupLabel(table: Readonly<Record<string, string | undefined>>, code: string): string {
  if (Object.hasOwn(table, code)) {
    const label = table[code];
    if (typeof label === 'string' && label !== '') return label;
  }
  return humanizeCode(code);
}

/**
 * Lays a partial dictionary over a full one, table by table; only words `base` has are taken.
 * Returns `base` itself when there is nothing to lay.
 *
 * @example
 * const words = mergeMessages(enMessages, { sessionStatus: { SUCCEEDED: 'Paid' } });
 */
export function mergeMessages<Messages extends CheckoutComponentMessages>(base: Messages, labels: CheckoutLabels | undefined): Messages {
  if (labels === undefined) return base;
  const merged: Record<string, unknown> = { ...(base as object) };
  for (const key of Object.keys(labels) as Array<keyof CheckoutLabels>) {
    const value = labels[key];
    if (value === undefined || !Object.hasOwn(base, key)) continue;
    merged[key] = typeof value === 'string' ? value : { ...(base[key as keyof Messages] as object), ...definedEntries(value) };
  }
  return merged as Messages;
}

/**
 * Fills `{name}` placeholders. Values stay text: the result is rendered by React, which escapes it.
 *
 * @example
 * interpolate('Failed ({reason})', { reason: 'Expired' }) // "Failed (Expired)"
 */
export function interpolate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : placeholder,
  );
}
