/**
 * A record without its entries left undefined: a field or word given as undefined (`{ id:
 * maybeId }`, a translation function's missing key) keeps what lies beneath it instead of
 * blanking it when the record is spread over defaults.
 */
export function definedEntries<T extends object>(record: T): { [Key in keyof T]?: Exclude<T[Key], undefined> } {
  return Object.fromEntries(Object.entries(record).filter((entry) => entry[1] !== undefined)) as {
    [Key in keyof T]?: Exclude<T[Key], undefined>;
  };
}
