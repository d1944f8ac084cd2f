import type { SeatLayoutDocument } from './layout';

/**
 * A hall for tests and measurements: `sections` sections of `rows` rows of `seatsPerRow` seats, the front
 * half of the rows VIP, the rest R. Seat ids are readable: `A-1-3` is section A, row 1, seat 3.
 */
export function generatedLayout(sections: number, rows: number, seatsPerRow: number): SeatLayoutDocument {
  const names = Array.from({ length: sections }, (_, i) => (i < 26 ? String.fromCharCode(65 + i) : `S${i + 1}`));
  const vipRows = Math.ceil(rows / 2);
  const layout: SeatLayoutDocument = {
    eventId: 'event-1',
    totalSeats: sections * rows * seatsPerRow,
    grades: [
      { grade: 'VIP', price: 150000, seats: sections * vipRows * seatsPerRow },
      { grade: 'R', price: 110000, seats: sections * (rows - vipRows) * seatsPerRow },
    ].filter((grade) => grade.seats > 0),
    sections: names.map((name) => ({
      name,
      rows: Array.from({ length: rows }, (_, r) => ({
        label: String(r + 1),
        grade: r < vipRows ? 'VIP' : 'R',
        price: r < vipRows ? 150000 : 110000,
        seatIds: Array.from({ length: seatsPerRow }, (_, s) => `${name}-${r + 1}-${s + 1}`),
      })),
    })),
  };
  return layout;
}
