import { DISPLAY_ZONE } from '../shared/format';

const seoulDate = (instant: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

/**
 * reservation-service's rule (CancellationPolicy): a confirmed booking can be cancelled until the day before the
 * event, Korean time. The server decides; this only chooses whether to offer the button.
 */
export function cancellationOpen(eventStartsAt: string, now: number = Date.now()): boolean {
  return seoulDate(now) < seoulDate(Date.parse(eventStartsAt));
}
