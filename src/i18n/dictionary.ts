import { humanizeCode } from '../core/status';
import type { CheckoutLabels, CheckoutMessages } from './messages/en';

export type { CheckoutLabels, CheckoutMessages };

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
