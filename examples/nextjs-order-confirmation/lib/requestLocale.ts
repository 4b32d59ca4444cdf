import { headers } from 'next/headers';

// The locale and time zone of a page, from its request, for the server's render and the
// browser's alike: when both format with the same ones, hydration finds the same text.

const DEFAULT_LOCALE = 'en-US';
const DEFAULT_TIME_ZONE = 'UTC';

/** The first language of Accept-Language that Intl accepts, else en-US. */
export async function requestLocale(): Promise<string> {
  const first = (await headers()).get('accept-language')?.split(',')[0]?.split(';')[0]?.trim();
  if (!first) return DEFAULT_LOCALE;
  try {
    return Intl.getCanonicalLocales(first)[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * `?timeZone=` when the server knows that zone, else UTC. Never undefined: the kit would then
 * take each runtime's own zone, the server's and the browser's, and they may differ.
 */
export function requestTimeZone(searchParams: Record<string, string | string[] | undefined>): string {
  const requested = searchParams.timeZone;
  if (typeof requested !== 'string') return DEFAULT_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: requested }).resolvedOptions().timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}
