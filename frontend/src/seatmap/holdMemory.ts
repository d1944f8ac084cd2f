import type { CheckoutHandoff, Reservation } from './holds';

/**
 * The buyer's current hold per event for this tab, in memory only: coming back from checkout to the seat
 * map shows the hold (countdown, change, release) and can continue to payment with the same token.
 */
const holds = new Map<string, { reservation: Reservation; handoff: CheckoutHandoff | null }>();

export const rememberedHold = (eventId: string) => holds.get(eventId) ?? null;

export function rememberHold(eventId: string, reservation: Reservation, handoff: CheckoutHandoff | null): void {
  holds.set(eventId, { reservation, handoff: handoff ?? holds.get(eventId)?.handoff ?? null });
}

export const forgetHold = (eventId: string) => holds.delete(eventId);
