'use client';
import { useState } from 'react';

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

/** Remembers a value across renders without rendering again, as a ref would. */
class ShallowMemo<T extends Record<string, unknown>> {
  #kept: T | undefined;

  keep(value: T): T {
    if (this.#kept === undefined || !shallowEqual(this.#kept, value)) this.#kept = value;
    return this.#kept;
  }
}

/**
 * The object from an earlier render while each of its fields is the same, so work keyed on it
 * (setting options on thousands of observers) is not redone because the caller wrote its
 * options inline. A field that is new on every render (an inline `select`) makes it new on
 * every render, as it would for `useQueries`.
 */
export function useShallowStable<T extends Record<string, unknown>>(value: T): T {
  const [memo] = useState(() => new ShallowMemo<T>());
  return memo.keep(value);
}
