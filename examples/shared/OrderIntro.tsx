// The order-confirmation pages' heading and the words above the panel: the Vite page and the
// Next.js one say the same.
export function OrderIntro() {
  return (
    <>
      <p className="eyebrow">Order confirmation</p>
      <h1>Thank you for your order</h1>
      <p className="muted">
        We have your order. Keep this page open while your payment is confirmed: it updates by itself.
      </p>
    </>
  );
}
