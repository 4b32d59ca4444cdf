import { Suspense } from 'react';
import { OrderShell, readOrderRequest, SessionStatusFromServer, type OrderPageProps } from '../orderPage';

/**
 * /orders/{sessionId}/streaming: the page's shell leaves at once, and the status follows in
 * the same response as soon as the API answers the server, hydrated the same way.
 */
export default async function StreamingOrderPage(props: OrderPageProps) {
  const order = await readOrderRequest(props, '/streaming');
  return (
    <OrderShell sessionId={order.sessionId}>
      <Suspense fallback={<p className="muted">Checking your payment…</p>}>
        <SessionStatusFromServer {...order} />
      </Suspense>
    </OrderShell>
  );
}
