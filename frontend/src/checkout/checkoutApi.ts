import { useQuery } from '@tanstack/react-query';
import { api } from '../shared/api/http';
import type { Payment, PaymentPage, PaymentRequest, Reservation } from '../shared/api/schemas';

export function reservationQuery(reservationId: string) {
  return {
    queryKey: ['reservation', reservationId],
    queryFn: ({ signal }: { signal: AbortSignal }) => api<Reservation>(`/reservations/${encodeURIComponent(reservationId)}`, { signal }),
  };
}

export function useReservation(reservationId: string) {
  return useQuery(reservationQuery(reservationId));
}

/** `POST /api/payments`: the payment token proves the buyer was admitted for this event's sale. */
export function pay(request: PaymentRequest, paymentToken: string): Promise<Payment> {
  return api<Payment>('/payments', { method: 'POST', body: request, headers: { 'X-Payment-Token': paymentToken } });
}

export function getPayment(paymentId: string, signal?: AbortSignal): Promise<Payment> {
  return api<Payment>(`/payments/${encodeURIComponent(paymentId)}`, { signal });
}

/** The newest payment for a reservation among the buyer's latest payments (when the result page has no id). */
export async function latestPaymentFor(reservationId: string, signal?: AbortSignal): Promise<Payment | undefined> {
  const page = await api<PaymentPage>('/payments', { query: { page: 0, size: 20 }, signal });
  return (page.content ?? []).find((payment) => payment.reservationId === reservationId);
}

/** The simulated PG's test cards (payment-service SimulatedCards), shown on checkout in local runs. */
export const TEST_CARDS = [
  { number: '4111111111111111', behaviour: 'approve' },
  { number: '4000000000000002', behaviour: 'decline' },
  { number: '4000000000009995', behaviour: 'insufficient' },
  { number: '4000000000000101', behaviour: 'slow' },
  { number: '4000000000000119', behaviour: 'hang' },
  { number: '4000000000000259', behaviour: 'lost' },
] as const;

export function showTestCards(): boolean {
  return import.meta.env.DEV || ['localhost', '127.0.0.1'].includes(window.location.hostname);
}
