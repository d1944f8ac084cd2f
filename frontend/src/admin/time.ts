/**
 * Admin forms take times as Seoul wall-clock (`datetime-local` inputs) and the API as UTC instants. Seoul has no
 * daylight saving time, so the offset is a constant +09:00.
 */
const SEOUL_OFFSET_MS = 9 * 3600 * 1000;

/** `2026-12-24T19:30` (Seoul) → `2026-12-24T10:30:00.000Z`; '' → null. */
export function seoulLocalToUtcIso(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi) - SEOUL_OFFSET_MS).toISOString();
}

/** A UTC instant as the Seoul wall-clock value of a `datetime-local` input. */
export function utcIsoToSeoulLocal(iso: string): string {
  return new Date(new Date(iso).getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 16);
}

/** Today's date in Seoul, `YYYY-MM-DD`, shifted by `days`. */
export function seoulDate(days = 0, now = Date.now()): string {
  return new Date(now + SEOUL_OFFSET_MS + days * 86_400_000).toISOString().slice(0, 10);
}

/** A Seoul calendar date's start as a UTC instant (for the reservation lookup's creation-time range). */
export function seoulDayStartUtc(date: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  return new Date(Date.parse(`${date}T00:00:00Z`) - SEOUL_OFFSET_MS + plusDays * 86_400_000).toISOString();
}
