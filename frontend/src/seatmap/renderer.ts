import { SEAT_PITCH, SEAT_SIZE, type SeatGeometry } from './layout';
import { HELD, SOLD } from './seatStatus';

/** Screen px = layout units × scale + offset (CSS pixels). */
export interface View {
  scale: number;
  offsetX: number;
  offsetY: number;
}

export interface Palette {
  grades: string[];
  held: string;
  sold: string;
  mine: string;
  ink: string;
  stage: string;
  background: string;
}

const GRADE_VARIABLES: Record<string, string> = { VIP: '--grade-vip', R: '--grade-r', S: '--grade-s', A: '--grade-a', B: '--grade-b' };
const FALLBACK_GRADE_COLOURS = ['#c0392b', '#8e44ad', '#2471a3', '#17a589', '#b9770e', '#5d6d7e'];

/** The grade colours of theme.css by grade name; grades it does not name take the spare colours in order. */
export function gradeColours(grades: { grade: string }[], style: CSSStyleDeclaration | null): string[] {
  let spare = 0;
  return grades.map(({ grade }) => {
    const variable = GRADE_VARIABLES[grade.toUpperCase()];
    const themed = variable && style ? style.getPropertyValue(variable).trim() : '';
    return themed || FALLBACK_GRADE_COLOURS[spare++ % FALLBACK_GRADE_COLOURS.length]!;
  });
}

/** The view that shows the whole hall centred in a canvas of this size. */
export function fitView(geometry: SeatGeometry, width: number, height: number): View {
  const scale = Math.min(width / geometry.width, height / geometry.height);
  return { scale, offsetX: (width - geometry.width * scale) / 2, offsetY: (height - geometry.height * scale) / 2 };
}

/** Zooms by `factor` keeping the layout point under (x, y) where it is. */
export function zoomAt(view: View, factor: number, x: number, y: number, limits: { min: number; max: number }): View {
  const scale = Math.min(limits.max, Math.max(limits.min, view.scale * factor));
  const applied = scale / view.scale;
  return { scale, offsetX: x - (x - view.offsetX) * applied, offsetY: y - (y - view.offsetY) * applied };
}

export function toLayout(view: View, x: number, y: number): [number, number] {
  return [(x - view.offsetX) / view.scale, (y - view.offsetY) / view.scale];
}

/** Each seat's colour as drawn: the buyer's pick, sold, held, else its grade's. */
function seatColour(geometry: SeatGeometry, states: Uint8Array, picked: ReadonlySet<number>, palette: Palette, seat: number): string {
  if (picked.has(seat)) return palette.mine;
  if (states[seat] === SOLD) return palette.sold;
  if (states[seat] === HELD) return palette.held;
  return palette.grades[geometry.gradeOf[seat]!] ?? palette.ink;
}

/**
 * Repaints only the given seats over the last full frame: each seat's square (with a margin for the
 * outline, still inside the gap to its neighbours) is cleared and filled again. Stream changes cost a few
 * squares a frame this way, not the whole hall.
 */
export function repaintSeats(
  context: CanvasRenderingContext2D,
  geometry: SeatGeometry,
  states: Uint8Array,
  picked: ReadonlySet<number>,
  seats: readonly number[],
  view: View,
  pixelRatio: number,
  palette: Palette,
): void {
  context.setTransform(view.scale * pixelRatio, 0, 0, view.scale * pixelRatio, view.offsetX * pixelRatio, view.offsetY * pixelRatio);
  const half = SEAT_SIZE / 2;
  const margin = 0.9;
  for (const seat of seats) {
    const x = geometry.x[seat]! - half;
    const y = geometry.y[seat]! - half;
    context.fillStyle = palette.background;
    context.fillRect(x - margin, y - margin, SEAT_SIZE + 2 * margin, SEAT_SIZE + 2 * margin);
    context.fillStyle = seatColour(geometry, states, picked, palette, seat);
    context.fillRect(x, y, SEAT_SIZE, SEAT_SIZE);
    if (picked.has(seat)) {
      context.lineWidth = 1.5;
      context.strokeStyle = palette.ink;
      context.strokeRect(x, y, SEAT_SIZE, SEAT_SIZE);
    }
  }
}

/**
 * Draws the whole map. Seats are batched into one path per colour (grades, held, sold, the buyer's), so a
 * 50,000-seat frame is a handful of fill calls; seats outside the canvas are skipped.
 */
export function drawSeatMap(
  context: CanvasRenderingContext2D,
  geometry: SeatGeometry,
  states: Uint8Array,
  picked: ReadonlySet<number>,
  view: View,
  size: { width: number; height: number; pixelRatio: number },
  palette: Palette,
): void {
  const { width, height, pixelRatio } = size;
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.fillStyle = palette.background;
  context.fillRect(0, 0, width, height);
  context.setTransform(view.scale * pixelRatio, 0, 0, view.scale * pixelRatio, view.offsetX * pixelRatio, view.offsetY * pixelRatio);

  const { stage } = geometry;
  context.fillStyle = palette.stage;
  context.fillRect(stage.x, stage.y, stage.width, stage.height);
  context.fillStyle = '#ffffff';
  context.font = `bold ${Math.min(28, stage.height / 2)}px sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText('STAGE', stage.x + stage.width / 2, stage.y + stage.height / 2);

  context.fillStyle = palette.ink;
  if (view.scale >= 1.2) {
    context.font = '7px sans-serif';
    context.textAlign = 'right';
    for (const row of geometry.rows) context.fillText(row.label, row.x - SEAT_SIZE, row.y);
  }

  const [left, top] = toLayout(view, 0, 0);
  const [right, bottom] = toLayout(view, width, height);
  const half = SEAT_SIZE / 2;
  const paths = geometry.grades.map(() => new Path2D());
  const held = new Path2D();
  const sold = new Path2D();
  const mine = new Path2D();
  const count = geometry.seatIds.length;
  for (let seat = 0; seat < count; seat++) {
    const x = geometry.x[seat]!;
    const y = geometry.y[seat]!;
    if (x + half < left || x - half > right || y + half < top || y - half > bottom) continue;
    const target = picked.has(seat) ? mine : states[seat] === SOLD ? sold : states[seat] === HELD ? held : paths[geometry.gradeOf[seat]!];
    target?.rect(x - half, y - half, SEAT_SIZE, SEAT_SIZE);
  }
  paths.forEach((path, grade) => {
    context.fillStyle = palette.grades[grade] ?? palette.ink;
    context.fill(path);
  });
  context.fillStyle = palette.held;
  context.fill(held);
  context.fillStyle = palette.sold;
  context.fill(sold);
  context.fillStyle = palette.mine;
  context.fill(mine);
  context.lineWidth = 1.5;
  context.strokeStyle = palette.ink;
  context.stroke(mine);

  // section names in screen pixels, so that they stay readable when a large hall is shown whole
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.fillStyle = palette.ink;
  context.font = `bold ${Math.round(Math.min(16, Math.max(11, 14 * view.scale)))}px sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = 'bottom';
  for (const section of geometry.sections) {
    const top = section.y + SEAT_PITCH * 1.5;
    context.fillText(section.name, (section.x + section.width / 2) * view.scale + view.offsetX, top * view.scale + view.offsetY);
  }
}
