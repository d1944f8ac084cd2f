import { buildGeometry, describeSeat, SEAT_PITCH, SEAT_SIZE, seatAt } from './layout';
import { generatedLayout } from './testLayout';

describe('buildGeometry', () => {
  it('gives every seat a dense index, its row and grade', () => {
    const geometry = buildGeometry(generatedLayout(2, 4, 10));
    expect(geometry.seatIds).toHaveLength(80);
    expect(geometry.indexOf.get('B-3-7')).toBe(40 + 2 * 10 + 6);
    expect(describeSeat(geometry, geometry.indexOf.get('B-3-7')!)).toEqual({ section: 'B', row: '3', number: 7, grade: 'R', price: 110000 });
    expect(geometry.grades[geometry.gradeOf[geometry.indexOf.get('A-1-1')!]!]!.grade).toBe('VIP');
  });

  it('lays seats of a row side by side and rows one pitch apart, sections without overlap', () => {
    const geometry = buildGeometry(generatedLayout(4, 3, 5));
    const a11 = geometry.indexOf.get('A-1-1')!;
    const a12 = geometry.indexOf.get('A-1-2')!;
    const a21 = geometry.indexOf.get('A-2-1')!;
    expect(geometry.x[a12]! - geometry.x[a11]!).toBe(SEAT_PITCH);
    expect(geometry.y[a21]! - geometry.y[a11]!).toBe(SEAT_PITCH);
    const [a, b, c] = geometry.sections;
    expect(b!.x).toBeGreaterThanOrEqual(a!.x + a!.width);
    expect(c!.y).toBeGreaterThanOrEqual(a!.y + a!.height);
    for (let seat = 0; seat < geometry.seatIds.length; seat++) {
      expect(geometry.x[seat]).toBeLessThan(geometry.width);
      expect(geometry.y[seat]).toBeLessThan(geometry.height);
    }
  });

  it('builds a 50,000-seat hall quickly', () => {
    const layout = generatedLayout(20, 50, 50);
    const started = performance.now();
    const geometry = buildGeometry(layout);
    expect(geometry.seatIds).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('seatAt', () => {
  const geometry = buildGeometry(generatedLayout(3, 4, 6));

  it('finds the seat under its centre and anywhere on its square', () => {
    for (const id of ['A-1-1', 'B-4-6', 'C-2-3']) {
      const seat = geometry.indexOf.get(id)!;
      expect(seatAt(geometry, geometry.x[seat]!, geometry.y[seat]!)).toBe(seat);
      expect(seatAt(geometry, geometry.x[seat]! + SEAT_SIZE / 2 - 0.1, geometry.y[seat]! - SEAT_SIZE / 2 + 0.1)).toBe(seat);
    }
  });

  it('finds nothing in the gap between seats, beside a row or outside every section', () => {
    const seat = geometry.indexOf.get('A-1-1')!;
    expect(seatAt(geometry, geometry.x[seat]! + SEAT_PITCH / 2, geometry.y[seat]!)).toBe(-1);
    expect(seatAt(geometry, geometry.x[seat]! - SEAT_PITCH, geometry.y[seat]!)).toBe(-1);
    expect(seatAt(geometry, 1, 1)).toBe(-1);
    expect(seatAt(geometry, geometry.width + 5, geometry.height + 5)).toBe(-1);
  });
});
