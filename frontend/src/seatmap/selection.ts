import type { SeatGeometry } from './layout';
import { FREE, type SeatStatusStore } from './seatStatus';

/** The same limit reservation-service enforces; mirrored only so the buyer learns it before asking. */
export const MAX_SEATS = 4;

export type ToggleRefusal = 'limit' | 'taken';

export interface ToggleResult {
  selection: number[];
  refused?: ToggleRefusal;
}

/**
 * Picking a seat adds it, picking it again removes it. A fifth seat is refused, and so is a seat someone
 * else holds or bought; `own` seats (the buyer's current hold) count as free, since changing a hold keeps them.
 */
export function toggleSeat(
  selection: readonly number[],
  seat: number,
  status: SeatStatusStore,
  own: ReadonlySet<number> = new Set(),
): ToggleResult {
  if (selection.includes(seat)) return { selection: selection.filter((s) => s !== seat) };
  if (status.state(seat) !== FREE && !own.has(seat)) return { selection: [...selection], refused: 'taken' };
  if (selection.length >= MAX_SEATS) return { selection: [...selection], refused: 'limit' };
  return { selection: [...selection, seat] };
}

/** Picked seats that meanwhile went to someone else (stream update): they are dropped from the selection. */
export function stillAvailable(selection: readonly number[], status: SeatStatusStore, own: ReadonlySet<number>): number[] {
  return selection.filter((seat) => status.state(seat) === FREE || own.has(seat));
}

/**
 * The best `count` free seats of a grade: side by side in the frontmost row (document order) that has them,
 * as close to the row's middle as possible; else the first free seats of the grade wherever they are; empty
 * when the grade has fewer than `count` free seats.
 */
export function bestAvailable(geometry: SeatGeometry, status: SeatStatusStore, grade: number, count: number): number[] {
  const wanted = Math.min(Math.max(1, count), MAX_SEATS);
  for (const row of geometry.rows) {
    if (row.grade !== grade || row.count < wanted) continue;
    let best = -1;
    let bestDistance = Infinity;
    let run = 0;
    const middle = (row.count - wanted) / 2;
    for (let number = 0; number < row.count; number++) {
      run = status.state(row.firstSeat + number) === FREE ? run + 1 : 0;
      if (run < wanted) continue;
      const start = number - wanted + 1;
      const distance = Math.abs(start - middle);
      if (distance < bestDistance) {
        best = start;
        bestDistance = distance;
      }
    }
    if (best >= 0) return Array.from({ length: wanted }, (_, i) => row.firstSeat + best + i);
  }
  const scattered: number[] = [];
  for (const row of geometry.rows) {
    if (row.grade !== grade) continue;
    for (let number = 0; number < row.count && scattered.length < wanted; number++) {
      if (status.state(row.firstSeat + number) === FREE) scattered.push(row.firstSeat + number);
    }
    if (scattered.length === wanted) return scattered;
  }
  return [];
}
