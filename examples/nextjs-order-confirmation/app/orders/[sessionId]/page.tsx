import { OrderShell, readOrderRequest, SessionStatusFromServer, type OrderPageProps } from './orderPage';

/** /orders/{sessionId}: the whole page, status included, once the server has the session. */
export default async function OrderPage(props: OrderPageProps) {
  const order = await readOrderRequest(props, '');
  return (
    <OrderShell sessionId={order.sessionId}>
      <SessionStatusFromServer {...order} />
    </OrderShell>
  );
}
