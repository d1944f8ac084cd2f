import type { Reservation } from '../shared/api/schemas';

/** The key (in the `bookings` namespace) that names a booking's state, reason included. */
export function bookingStateKey(booking: Pick<Reservation, 'status' | 'cancelReason' | 'wasConfirmed'>): string {
  switch (booking.status) {
    case 'CANCELLED':
    case 'REFUNDED': {
      const reason = booking.cancelReason ?? 'OTHER';
      return `state.${booking.status}.${['USER_CANCELLED', 'USER_RELEASED', 'PAYMENT_FAILED', 'EVENT_CANCELLED'].includes(reason) ? reason : 'OTHER'}`;
    }
    default:
      return `state.${booking.status}`;
  }
}
