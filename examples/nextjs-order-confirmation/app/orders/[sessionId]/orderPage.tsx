import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { CheckoutSessionHydrationBoundary, CheckoutSessionStatus } from 'react-checkout-session';
import { OrderIntro } from '../../../../shared/OrderIntro';
import { prefetchSession, serverToken } from '../../../lib/checkoutServer';
import { requestLocale, requestTimeZone } from '../../../lib/requestLocale';

// What both order routes share: reading the request, the page around the panel, and the panel
// rendered from the server's own answer.

type SearchParams = Record<string, string | string[] | undefined>;

export interface OrderPageProps {
  params: Promise<{ sessionId: string }>;
  searchParams: Promise<SearchParams>;
}

export interface OrderRequest {
  sessionId: string;
  token: string;
  locale: string;
  timeZone: string;
}

/** The session, the shopper's token (signed in first when there is none), locale and time zone. */
export async function readOrderRequest({ params, searchParams }: OrderPageProps, route: '' | '/streaming'): Promise<OrderRequest> {
  const { sessionId } = await params;
  const query = await searchParams;
  const token = await serverToken();
  if (!token) {
    const search = new URLSearchParams(Object.entries(query).flatMap(([key, value]) => [value ?? []].flat().map((item) => [key, item])));
    const back = `/orders/${encodeURIComponent(sessionId)}${route}${search.size > 0 ? `?${search}` : ''}`;
    redirect(`/api/demo-sign-in?${new URLSearchParams({ next: back })}`);
  }
  return { sessionId, token, locale: await requestLocale(), timeZone: requestTimeZone(query) };
}

export function OrderShell({ sessionId, children }: { sessionId: string; children: ReactNode }) {
  return (
    <main className="page">
      <OrderIntro />
      <div className="panel">{children}</div>
      <p className="muted">
        Session <code>{sessionId}</code>
      </p>
    </main>
  );
}

/**
 * The panel, rendered on the server from the session (or final error) the server was just
 * given, then hydrated in the browser, which asks nothing more until the next poll is due.
 */
export async function SessionStatusFromServer({ sessionId, token, locale, timeZone }: OrderRequest) {
  const state = await prefetchSession(sessionId, token);
  return (
    <CheckoutSessionHydrationBoundary state={state}>
      <CheckoutSessionStatus sessionId={sessionId} locale={locale} timeZone={timeZone} />
    </CheckoutSessionHydrationBoundary>
  );
}
