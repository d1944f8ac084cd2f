import { buildGeometry } from './layout';
import { FREE, HELD, SeatStatusStore, SOLD } from './seatStatus';
import { generatedLayout } from './testLayout';

const geometry = buildGeometry(generatedLayout(1, 2, 5));
const index = (id: string) => geometry.indexOf.get(id)!;

describe('SeatStatusStore', () => {
  it('takes a snapshot as the whole truth', () => {
    const store = new SeatStatusStore(geometry);
    store.applySnapshot({ eventId: 'event-1', held: ['A-1-1', 'A-1-2'], sold: ['A-2-5'] });
    expect(store.state(index('A-1-1'))).toBe(HELD);
    expect(store.state(index('A-2-5'))).toBe(SOLD);
    expect(store.applySnapshot({ eventId: 'event-1', held: ['A-1-2'], sold: ['A-2-5'] })).toBe(1);
    expect(store.state(index('A-1-1'))).toBe(FREE);
  });

  it('queues stream changes and applies them together, in order, on flush', () => {
    const store = new SeatStatusStore(geometry);
    store.enqueue({ eventId: 'event-1', status: 'HELD', seatIds: ['A-1-1', 'A-1-2'] });
    store.enqueue({ eventId: 'event-1', status: 'RELEASED', seatIds: ['A-1-1'] });
    store.enqueue({ eventId: 'event-1', status: 'SOLD', seatIds: ['A-1-2', 'unknown-seat'] });
    expect(store.state(index('A-1-2'))).toBe(FREE);
    expect(store.hasPending()).toBe(true);
    store.flush();
    expect(store.hasPending()).toBe(false);
    expect(store.state(index('A-1-1'))).toBe(FREE);
    expect(store.state(index('A-1-2'))).toBe(SOLD);
  });

  it('lists the seats to repaint after changes, and everything after a snapshot', () => {
    const store = new SeatStatusStore(geometry);
    store.applyChange({ eventId: 'event-1', status: 'HELD', seatIds: ['A-1-1', 'A-1-2'] });
    store.applyChange({ eventId: 'event-1', status: 'HELD', seatIds: ['A-1-2'] });
    expect(store.takeRepaint()).toEqual([index('A-1-1'), index('A-1-2')]);
    expect(store.takeRepaint()).toEqual([]);
    store.applySnapshot({ eventId: 'event-1', held: [], sold: ['A-2-1'] });
    expect(store.takeRepaint()).toBeNull();
    store.applySnapshot({ eventId: 'event-1', held: [], sold: ['A-2-1'] });
    expect(store.takeRepaint()).toEqual([]);
  });

  it('never frees a sold seat on a late release', () => {
    const store = new SeatStatusStore(geometry);
    store.applyChange({ eventId: 'event-1', status: 'SOLD', seatIds: ['A-1-3'] });
    expect(store.applyChange({ eventId: 'event-1', status: 'RELEASED', seatIds: ['A-1-3'] })).toBe(0);
    expect(store.state(index('A-1-3'))).toBe(SOLD);
  });

  it('marks the seats a refused hold named', () => {
    const store = new SeatStatusStore(geometry);
    store.markTaken([{ seatId: 'A-1-4', state: 'HELD' }, { seatId: 'A-1-5', state: 'SOLD' }]);
    expect(store.state(index('A-1-4'))).toBe(HELD);
    expect(store.state(index('A-1-5'))).toBe(SOLD);
  });
});
