import { buildGeometry } from './layout';
import { SeatStatusStore } from './seatStatus';
import { bestAvailable, MAX_SEATS, stillAvailable, toggleSeat } from './selection';
import { generatedLayout } from './testLayout';

const geometry = buildGeometry(generatedLayout(1, 4, 8));
const index = (id: string) => geometry.indexOf.get(id)!;
const VIP = 0;
const R = 1;

describe('toggleSeat', () => {
  it('adds a free seat and removes it when picked again', () => {
    const store = new SeatStatusStore(geometry);
    const added = toggleSeat([], index('A-1-1'), store);
    expect(added).toEqual({ selection: [index('A-1-1')] });
    expect(toggleSeat(added.selection, index('A-1-1'), store).selection).toEqual([]);
  });

  it(`refuses a seat beyond ${MAX_SEATS}`, () => {
    const store = new SeatStatusStore(geometry);
    const four = ['A-1-1', 'A-1-2', 'A-1-3', 'A-1-4'].map(index);
    expect(toggleSeat(four, index('A-1-5'), store)).toEqual({ selection: four, refused: 'limit' });
  });

  it("refuses someone else's held or sold seat but not one of the buyer's own hold", () => {
    const store = new SeatStatusStore(geometry);
    store.applySnapshot({ eventId: 'event-1', held: ['A-1-1'], sold: ['A-1-2'] });
    expect(toggleSeat([], index('A-1-1'), store).refused).toBe('taken');
    expect(toggleSeat([], index('A-1-2'), store).refused).toBe('taken');
    expect(toggleSeat([], index('A-1-1'), store, new Set([index('A-1-1')])).selection).toEqual([index('A-1-1')]);
  });
});

describe('stillAvailable', () => {
  it('drops picked seats that someone else took meanwhile', () => {
    const store = new SeatStatusStore(geometry);
    const picked = [index('A-1-1'), index('A-1-2')];
    store.applyChange({ eventId: 'event-1', status: 'HELD', seatIds: ['A-1-2'] });
    expect(stillAvailable(picked, store, new Set())).toEqual([index('A-1-1')]);
  });
});

describe('bestAvailable', () => {
  it('picks adjacent seats nearest the middle of the frontmost row of the grade', () => {
    const store = new SeatStatusStore(geometry);
    expect(bestAvailable(geometry, store, VIP, 2)).toEqual([index('A-1-4'), index('A-1-5')]);
    expect(bestAvailable(geometry, store, R, 3)[0]).toBe(index('A-3-3'));
  });

  it('skips rows without enough adjacent free seats', () => {
    const store = new SeatStatusStore(geometry);
    store.applySnapshot({ eventId: 'event-1', held: ['A-1-2', 'A-1-5'], sold: ['A-1-7'] });
    // row 1 has runs of 1, 2, 1, 1: three together only in row 2
    expect(bestAvailable(geometry, store, VIP, 3)).toEqual([index('A-2-3'), index('A-2-4'), index('A-2-5')]);
  });

  it('falls back to scattered seats, and to nothing when the grade has too few', () => {
    const store = new SeatStatusStore(geometry);
    const alternate = ['A-1-1', 'A-1-3', 'A-1-5', 'A-1-7', 'A-2-1', 'A-2-3', 'A-2-5', 'A-2-7'];
    store.applySnapshot({ eventId: 'event-1', held: alternate, sold: [] });
    expect(bestAvailable(geometry, store, VIP, 2)).toEqual([index('A-1-2'), index('A-1-4')]);
    store.applySnapshot({ eventId: 'event-1', held: geometry.seatIds.filter((id) => id.startsWith('A-1') || id.startsWith('A-2')), sold: [] });
    expect(bestAvailable(geometry, store, VIP, 1)).toEqual([]);
  });
});
