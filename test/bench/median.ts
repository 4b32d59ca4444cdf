/**
 * The lower median of `items` by `value`: the middle one, or the lower of the two middle ones,
 * so the figure is always one that was measured. What the bench figures take of their rounds.
 */
export function lowerMedianBy<T>(items: readonly T[], value: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => value(a) - value(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** The lower median of numbers: see {@link lowerMedianBy}. */
export const lowerMedian = (values: readonly number[]): number => lowerMedianBy(values, (value) => value);
