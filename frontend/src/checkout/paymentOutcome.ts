import type { PaymentStatus, ReservationStatus } from '../shared/api/schemas';

/**
 * Where a paid-for booking stands, from the reservation and the payment as the buyer can read them. The saga
 * settles asynchronously (payment-service → Kafka → reservation-service), so the result page reads both until
 * the outcome is final.
 */
export type PaymentOutcome =
  | { kind: 'confirmed' }
  /** the card was refused: nothing charged, the hold is given up */
  | { kind: 'declined'; failureCode: string | undefined }
  /** charged, but the booking could not be confirmed (hold ran out meanwhile): the money goes back */
  | { kind: 'refunding' }
  | { kind: 'refunded' }
  /** the hold ran out before any payment went through */
  | { kind: 'expired' }
  /** the hold was released without a payment */
  | { kind: 'cancelled' }
  /** not settled yet; `slow` once it takes longer than a buyer would expect */
  | { kind: 'processing'; slow: boolean };

export interface OutcomeInput {
  reservation?: { status: ReservationStatus; cancelReason?: string | undefined } | undefined;
  payment?: { status: PaymentStatus; failureCode?: string | undefined } | undefined;
  elapsedMs: number;
}

/** After this long without a final answer the page says it is taking longer (the PG may be slow or silent). */
export const SLOW_AFTER_MS = 20_000;

export function paymentOutcome({ reservation, payment, elapsedMs }: OutcomeInput): PaymentOutcome {
  const processing: PaymentOutcome = { kind: 'processing', slow: elapsedMs >= SLOW_AFTER_MS };
  if (reservation?.status === 'CONFIRMED') return { kind: 'confirmed' };
  if (payment?.status === 'FAILED') return { kind: 'declined', failureCode: payment.failureCode };
  const charged = payment?.status === 'SUCCESS' || payment?.status === 'REFUND_PENDING' || payment?.status === 'REFUNDED';
  const bookingOver = reservation !== undefined && reservation.status !== 'PENDING';
  if (charged && bookingOver) return payment.status === 'REFUNDED' ? { kind: 'refunded' } : { kind: 'refunding' };
  if (reservation?.status === 'CANCELLED' && reservation.cancelReason === 'PAYMENT_FAILED') {
    return { kind: 'declined', failureCode: undefined };
  }
  // a payment still waiting for the PG may yet succeed (and then be refunded): not final while it waits
  if (payment?.status === 'PENDING' || charged) return processing;
  if (reservation?.status === 'EXPIRED') return { kind: 'expired' };
  if (reservation?.status === 'CANCELLED' || reservation?.status === 'REFUNDED') return { kind: 'cancelled' };
  return processing;
}

/** Whether the page should keep reading: only while the outcome can still change. */
export function isSettled(outcome: PaymentOutcome): boolean {
  return outcome.kind !== 'processing' && outcome.kind !== 'refunding';
}

/** Polling back-off: every second at first, then slower, at most every 5 s. */
export function pollDelayMs(attempt: number): number {
  return Math.min(5_000, 1_000 * (1 + Math.floor(attempt / 3)));
}
