import { api } from '../shared/api/http';
import { isProblem } from '../shared/api/problem';
import type { Reservation, ReservationPage } from '../shared/api/schemas';
import type { SeatLayoutDocument } from './layout';
import type { SeatStatusSnapshot } from './seatStatus';

export interface HoldResult {
  reservation: Reservation;
  paymentToken: string;
  paymentTokenExpiresAt: string;
}

/** A seat a refused hold names in its `seats-unavailable` problem. */
export interface TakenSeat {
  seatId: string;
  state: 'HELD' | 'SOLD';
}

export function takenSeats(error: unknown): TakenSeat[] {
  if (!isProblem(error, 'seats-unavailable')) return [];
  const seats = error.body.seats;
  return Array.isArray(seats) ? (seats as TakenSeat[]) : [];
}

/** The event's seat layout; an unknown event answers 404 `event-not-found`, which the page shows as it is. */
export const loadLayout = (eventId: string, signal?: AbortSignal) =>
  api<SeatLayoutDocument>(`/events/${eventId}/seat-layout`, { signal, auth: false });

/** The layout never changes for an event: fetched once per visit, shared by the waiting room's prefetch. */
export const seatLayoutQuery = (eventId: string) => ({
  queryKey: ['seat-layout', eventId],
  queryFn: ({ signal }: { signal?: AbortSignal }) => loadLayout(eventId, signal),
  staleTime: Infinity,
});

export const loadSeatStatus = (eventId: string, signal?: AbortSignal) =>
  api<SeatStatusSnapshot>(`/seats/${eventId}/status`, signal ? { signal } : {});

export const holdSeats = (eventId: string, seatIds: string[], admissionToken: string) =>
  api<HoldResult>('/reservations', { method: 'POST', body: { eventId, seatIds, admissionToken } });

export const changeSeats = (reservationId: string, seatIds: string[]) =>
  api<Reservation>(`/reservations/${reservationId}/seats`, { method: 'PUT', body: { seatIds } });

export const releaseHold = (reservationId: string) => api<void>(`/reservations/${reservationId}`, { method: 'DELETE' });

/** The buyer's PENDING hold for an event (after `hold-exists`, or a reload), from the newest reservations. */
export async function findPendingHold(eventId: string): Promise<Reservation | null> {
  const page = await api<ReservationPage>('/reservations', { query: { page: 0, size: 20 } });
  return page.items.find((item) => item.eventId === eventId && item.status === 'PENDING') ?? null;
}
