/**
 * What the seat-map page hands to checkout in the router state after a successful hold:
 * `navigate('/checkout/' + reservation.id, { state: { paymentToken, paymentTokenExpiresAt } satisfies CheckoutState })`.
 * The state lives in the browser's history entry (it survives a reload of the page, never localStorage).
 * `paymentKey` is added by checkout itself once the buyer pays, so that a retry or a reload repeats the same
 * payment instead of charging twice.
 */
export interface CheckoutState {
  /** The `qp_…` payment token from `POST /api/reservations` (HoldView.paymentToken). */
  paymentToken: string;
  /** ISO instant when the payment token expires (HoldView.paymentTokenExpiresAt). */
  paymentTokenExpiresAt: string;
  /** The idempotency key of the payment in progress, set by checkout. */
  paymentKey?: string;
}

export function readCheckoutState(state: unknown): CheckoutState | null {
  if (!state || typeof state !== 'object') return null;
  const { paymentToken, paymentTokenExpiresAt, paymentKey } = state as Record<string, unknown>;
  if (typeof paymentToken !== 'string' || typeof paymentTokenExpiresAt !== 'string') return null;
  return { paymentToken, paymentTokenExpiresAt, ...(typeof paymentKey === 'string' ? { paymentKey } : {}) };
}

/** What checkout hands to the result page. */
export interface PaymentResultState {
  paymentId?: string;
}

/** A fresh idempotency key: 8–64 of [A-Za-z0-9_-], as payment-service requires. */
export function newPaymentKey(): string {
  return `pk_${crypto.randomUUID().replaceAll('-', '')}`;
}
