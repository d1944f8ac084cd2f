/**
 * The seat layout document (GET /api/events/{id}/seat-layout) and the geometry the seat map draws and
 * hit-tests. A 50,000-seat hall is kept in typed arrays indexed by a dense seat index (0…n-1), so drawing,
 * status updates and hit-testing never walk objects per seat.
 */
export interface SeatLayoutGrade {
  grade: string;
  price: number;
  seats: number;
}

export interface SeatLayoutRow {
  label: string;
  grade: string;
  price: number;
  /** Seat number = index + 1. */
  seatIds: string[];
}

export interface SeatLayoutDocument {
  eventId: string;
  totalSeats: number;
  /** Most expensive first. */
  grades: SeatLayoutGrade[];
  sections: { name: string; rows: SeatLayoutRow[] }[];
}

/** Layout units: a seat is drawn SEAT_SIZE wide on a SEAT_PITCH grid. */
export const SEAT_PITCH = 10;
export const SEAT_SIZE = 8;
const SECTION_GAP = 40;
/** Room above a section's first row for its name. */
const SECTION_LABEL = 24;
const ROW_LABEL = 24;
const STAGE_HEIGHT = 60;

export interface RowGeometry {
  section: number;
  label: string;
  grade: number;
  price: number;
  firstSeat: number;
  count: number;
  /** Centre of the row's first seat. */
  x: number;
  y: number;
}

export interface SectionGeometry {
  name: string;
  firstRow: number;
  rowCount: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SeatGeometry {
  eventId: string;
  grades: SeatLayoutGrade[];
  sections: SectionGeometry[];
  rows: RowGeometry[];
  seatIds: string[];
  indexOf: Map<string, number>;
  /** Seat centres, by seat index. */
  x: Float32Array;
  y: Float32Array;
  rowOf: Uint32Array;
  gradeOf: Uint8Array;
  width: number;
  height: number;
  stage: { x: number; y: number; width: number; height: number };
}

/**
 * Sections in a grid (as square as the count allows, in document order, left to right), each row centred in
 * its section, the stage above. Column widths and band heights follow their largest section.
 */
export function buildGeometry(layout: SeatLayoutDocument): SeatGeometry {
  const gradeIndex = new Map(layout.grades.map((grade, index) => [grade.grade, index]));
  const sectionCount = layout.sections.length;
  const columns = Math.max(1, Math.ceil(Math.sqrt(sectionCount)));
  const sectionWidth = layout.sections.map(
    (section) => ROW_LABEL + Math.max(1, ...section.rows.map((row) => row.seatIds.length)) * SEAT_PITCH,
  );
  const sectionHeight = layout.sections.map((section) => SECTION_LABEL + section.rows.length * SEAT_PITCH);
  const columnWidth = Array.from({ length: columns }, (_, column) =>
    Math.max(0, ...sectionWidth.filter((_, index) => index % columns === column)),
  );
  const bands = Math.ceil(sectionCount / columns);
  const bandHeight = Array.from({ length: bands }, (_, band) =>
    Math.max(0, ...sectionHeight.slice(band * columns, band * columns + columns)),
  );
  const width = columnWidth.reduce((sum, w) => sum + w, 0) + SECTION_GAP * (columns + 1);

  const total = layout.sections.reduce((sum, section) => sum + section.rows.reduce((s, row) => s + row.seatIds.length, 0), 0);
  const x = new Float32Array(total);
  const y = new Float32Array(total);
  const rowOf = new Uint32Array(total);
  const gradeOf = new Uint8Array(total);
  const seatIds: string[] = new Array<string>(total);
  const indexOf = new Map<string, number>();
  const sections: SectionGeometry[] = [];
  const rows: RowGeometry[] = [];

  let seat = 0;
  let bandTop = STAGE_HEIGHT + SECTION_GAP * 1.5;
  layout.sections.forEach((section, sectionIndex) => {
    const column = sectionIndex % columns;
    const band = Math.floor(sectionIndex / columns);
    if (column === 0 && band > 0) bandTop += (bandHeight[band - 1] ?? 0) + SECTION_GAP;
    const left = SECTION_GAP * (column + 1) + columnWidth.slice(0, column).reduce((sum, w) => sum + w, 0);
    const cellWidth = columnWidth[column] ?? 0;
    const ownWidth = sectionWidth[sectionIndex] ?? 0;
    const sx = left + (cellWidth - ownWidth) / 2;
    sections.push({
      name: section.name,
      firstRow: rows.length,
      rowCount: section.rows.length,
      x: sx,
      y: bandTop,
      width: ownWidth,
      height: sectionHeight[sectionIndex] ?? 0,
    });
    const seatsWidth = ownWidth - ROW_LABEL;
    section.rows.forEach((row, rowInSection) => {
      const rowIndex = rows.length;
      const grade = gradeIndex.get(row.grade) ?? 0;
      const rowX = sx + ROW_LABEL + (seatsWidth - row.seatIds.length * SEAT_PITCH) / 2 + SEAT_PITCH / 2;
      const rowY = bandTop + SECTION_LABEL + rowInSection * SEAT_PITCH + SEAT_PITCH / 2;
      rows.push({ section: sectionIndex, label: row.label, grade, price: row.price, firstSeat: seat, count: row.seatIds.length, x: rowX, y: rowY });
      row.seatIds.forEach((id, number) => {
        x[seat] = rowX + number * SEAT_PITCH;
        y[seat] = rowY;
        rowOf[seat] = rowIndex;
        gradeOf[seat] = grade;
        seatIds[seat] = id;
        indexOf.set(id, seat);
        seat++;
      });
    });
  });
  const height = bandTop + (bandHeight[bands - 1] ?? 0) + SECTION_GAP;
  return {
    eventId: layout.eventId,
    grades: layout.grades,
    sections,
    rows,
    seatIds,
    indexOf,
    x,
    y,
    rowOf,
    gradeOf,
    width,
    height,
    stage: { x: width * 0.25, y: SECTION_GAP / 2, width: width * 0.5, height: STAGE_HEIGHT },
  };
}

/**
 * The seat under a point in layout units, or -1: the section box first, then row and seat number from the
 * grid arithmetic, so a tap costs O(sections) whatever the hall's size. Only the seat's drawn square counts.
 */
export function seatAt(geometry: SeatGeometry, px: number, py: number): number {
  for (const section of geometry.sections) {
    if (px < section.x || px > section.x + section.width || py < section.y || py > section.y + section.height) continue;
    const rowInSection = Math.floor((py - section.y - SECTION_LABEL) / SEAT_PITCH);
    if (rowInSection < 0 || rowInSection >= section.rowCount) return -1;
    const row = geometry.rows[section.firstRow + rowInSection];
    if (!row) return -1;
    const number = Math.round((px - row.x) / SEAT_PITCH);
    if (number < 0 || number >= row.count) return -1;
    const seat = row.firstSeat + number;
    const half = SEAT_SIZE / 2;
    const sx = geometry.x[seat] ?? 0;
    const sy = geometry.y[seat] ?? 0;
    return Math.abs(px - sx) <= half && Math.abs(py - sy) <= half ? seat : -1;
  }
  return -1;
}

/** What a buyer reads about a seat: section, row label, seat number, grade and price. */
export interface SeatLabel {
  section: string;
  row: string;
  number: number;
  grade: string;
  price: number;
}

export function describeSeat(geometry: SeatGeometry, seat: number): SeatLabel {
  const row = geometry.rows[geometry.rowOf[seat] ?? 0]!;
  return {
    section: geometry.sections[row.section]!.name,
    row: row.label,
    number: seat - row.firstSeat + 1,
    grade: geometry.grades[row.grade]?.grade ?? '',
    price: row.price,
  };
}
