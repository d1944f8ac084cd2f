import { sessionUser } from '../auth/session';
import type { CheckoutState } from '../checkout/checkoutState';
import type { Reservation } from '../shared/api/schemas';

/**
 * The buyer's current hold per event for this tab, in memory only: coming back from checkout to the seat
 * map shows the hold (countdown, change, release) and can continue to payment with the same token. Keyed by
 * the signed-in user too, so that another account signed in later in the same tab never sees it.
 */
const holds = new Map<string, { reservation: Reservation; handoff: CheckoutState | null }>();

const key = (eventId: string) => `${sessionUser()?.id ?? ''} ${eventId}`;

export const rememberedHold = (eventId: string) => holds.get(key(eventId)) ?? null;

export function rememberHold(eventId: string, reservation: Reservation, handoff: CheckoutState | null): void {
  holds.set(key(eventId), { reservation, handoff: handoff ?? holds.get(key(eventId))?.handoff ?? null });
}

export const forgetHold = (eventId: string) => holds.delete(key(eventId));
