import type { SeatGeometry } from './layout';

/** Per seat, as reservation-service reports it. Holds of the buyer's own reservation are shown apart. */
export const FREE = 0;
export const HELD = 1;
export const SOLD = 2;
export type SeatState = typeof FREE | typeof HELD | typeof SOLD;

/** GET /api/seats/{eventId}/status, and the stream's `snapshot` event. */
export interface SeatStatusSnapshot {
  eventId: string;
  held: string[];
  sold: string[];
  asOf?: string;
}

/** The stream's `seats` event: one committed change of some seats. */
export interface SeatChange {
  eventId: string;
  status: 'HELD' | 'RELEASED' | 'SOLD';
  seatIds: string[];
}

/**
 * The live state of every seat in one byte each. Stream changes are queued as they arrive and applied
 * together by {@link flush}, once per animation frame, so 500 changes a second cost one redraw per frame.
 */
export class SeatStatusStore {
  readonly states: Uint8Array;
  private pending: Array<SeatStatusSnapshot | SeatChange> = [];
  /** Seats whose state changed since {@link takeRepaint}; null: too many to list, repaint everything. */
  private repaint: number[] | null = [];

  constructor(private readonly geometry: SeatGeometry) {
    this.states = new Uint8Array(geometry.seatIds.length);
  }

  state(seat: number): SeatState {
    return (this.states[seat] ?? FREE) as SeatState;
  }

  enqueue(update: SeatStatusSnapshot | SeatChange): void {
    this.pending.push(update);
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Applies what was queued, in arrival order; answers how many seats changed state. */
  flush(): number {
    const updates = this.pending;
    this.pending = [];
    let changed = 0;
    for (const update of updates) changed += 'status' in update ? this.applyChange(update) : this.applySnapshot(update);
    return changed;
  }

  /** A snapshot is the whole truth: every seat it does not name is free. */
  applySnapshot(snapshot: SeatStatusSnapshot): number {
    const next = new Uint8Array(this.states.length);
    this.mark(next, snapshot.held, HELD);
    this.mark(next, snapshot.sold, SOLD);
    let changed = 0;
    for (let seat = 0; seat < next.length; seat++) {
      if (next[seat] !== this.states[seat]) changed++;
    }
    this.states.set(next);
    if (changed > 0) this.repaint = null;
    return changed;
  }

  applyChange(change: SeatChange): number {
    const state = change.status === 'SOLD' ? SOLD : change.status === 'HELD' ? HELD : FREE;
    let changed = 0;
    for (const id of change.seatIds) {
      const seat = this.geometry.indexOf.get(id);
      if (seat === undefined || this.states[seat] === state) continue;
      // a late RELEASED never turns a sold seat back into a free one
      if (this.states[seat] === SOLD && state !== SOLD) continue;
      this.states[seat] = state;
      this.repaint?.push(seat);
      changed++;
    }
    return changed;
  }

  /**
   * The seats to draw again since the last call: a few seats after stream changes, null after a snapshot
   * (any seat may have changed). A canvas repaints just those squares instead of the whole hall.
   */
  takeRepaint(): number[] | null {
    const seats = this.repaint;
    this.repaint = [];
    return seats;
  }

  /** Seats a refused hold named as taken (problem `seats-unavailable`), marked before the stream says so. */
  markTaken(seats: { seatId: string; state: string }[]): void {
    for (const { seatId, state } of seats) {
      const seat = this.geometry.indexOf.get(seatId);
      if (seat === undefined) continue;
      this.states[seat] = state === 'SOLD' ? SOLD : HELD;
      this.repaint?.push(seat);
    }
  }

  private mark(target: Uint8Array, ids: string[], state: SeatState): void {
    for (const id of ids) {
      const seat = this.geometry.indexOf.get(id);
      if (seat !== undefined) target[seat] = state;
    }
  }
}
