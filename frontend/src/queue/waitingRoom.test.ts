import {
  estimateFromProgress,
  initialRoom,
  isStalled,
  nextPollDelayMs,
  progressCallsForStatus,
  roomReducer,
  STALL_AFTER_MS,
  type QueueProgress,
  type QueueStatus,
  type RoomState,
} from './waitingRoom';

const waiting = (position: number): QueueStatus => ({
  eventId: 'e',
  status: 'WAITING',
  position,
  ahead: position - 1,
  totalWaiting: 100,
  estimatedWaitSeconds: position,
});
const admitted: QueueStatus = { eventId: 'e', status: 'ADMITTED', position: null, ahead: 0, totalWaiting: 90, estimatedWaitSeconds: 0, admissionToken: 'qr_x' };

describe('roomReducer', () => {
  it('goes from entering to waiting to admitted', () => {
    let state = roomReducer(initialRoom, { type: 'status', status: waiting(10), at: 0 });
    expect(state).toMatchObject({ phase: 'waiting', channel: 'stream', status: { position: 10 } });
    state = roomReducer(state, { type: 'status', status: waiting(4), at: 1000 });
    expect(state).toMatchObject({ phase: 'waiting', status: { position: 4 }, lastProgressAt: 1000 });
    state = roomReducer(state, { type: 'status', status: admitted, at: 2000 });
    expect(state).toEqual({ phase: 'admitted', status: admitted });
  });

  it('is admitted straight away when entering answers ADMITTED', () => {
    expect(roomReducer(initialRoom, { type: 'status', status: admitted, at: 0 }).phase).toBe('admitted');
  });

  it('ignores statuses that arrive after the admission or after leaving', () => {
    const done = roomReducer(initialRoom, { type: 'status', status: admitted, at: 0 });
    expect(roomReducer(done, { type: 'status', status: waiting(3), at: 1 })).toBe(done);
    expect(roomReducer(done, { type: 'failed', error: new Error('late') })).toBe(done);
    const left = roomReducer(done, { type: 'left' });
    expect(roomReducer(left, { type: 'status', status: waiting(3), at: 1 })).toBe(left);
  });

  it('switches to polling when the stream is lost and back', () => {
    const state = roomReducer(initialRoom, { type: 'status', status: waiting(5), at: 0 });
    const polling = roomReducer(state, { type: 'stream-lost' });
    expect(polling).toMatchObject({ channel: 'polling' });
    expect(roomReducer(polling, { type: 'stream-back' })).toMatchObject({ channel: 'stream' });
  });

  it('explains refusals and starts over on entering again', () => {
    const refused = roomReducer(initialRoom, { type: 'refused', code: 'already-in-another-queue' });
    expect(refused).toEqual({ phase: 'refused', code: 'already-in-another-queue' });
    expect(roomReducer(refused, { type: 'enter' })).toEqual({ phase: 'entering' });
  });
});

describe('isStalled', () => {
  it('says so only when nobody moved for a while and people are ahead', () => {
    const state = roomReducer(initialRoom, { type: 'status', status: waiting(5), at: 0 }) as RoomState;
    expect(isStalled(state, STALL_AFTER_MS - 1)).toBe(false);
    const same = roomReducer(state, { type: 'status', status: waiting(5), at: STALL_AFTER_MS });
    expect(isStalled(same, STALL_AFTER_MS)).toBe(true);
    const first = roomReducer(initialRoom, { type: 'status', status: waiting(1), at: 0 });
    expect(isStalled(first, STALL_AFTER_MS * 2)).toBe(false);
  });
});

describe('nextPollDelayMs', () => {
  it('polls every 5 s and waits longer when Retry-After asks', () => {
    expect(nextPollDelayMs()).toBe(5000);
    expect(nextPollDelayMs(12)).toBe(12000);
    expect(nextPollDelayMs(1)).toBe(5000);
  });

  it('waits as long as the longest Retry-After asks', () => {
    expect(nextPollDelayMs(12, undefined)).toBe(12000);
    expect(nextPollDelayMs(undefined, 8)).toBe(8000);
    expect(nextPollDelayMs(8, 12)).toBe(12000);
    expect(nextPollDelayMs(undefined, undefined)).toBe(5000);
  });
});

/** Ticket 40 with 30 people ahead when last asked. */
const ticketed: QueueStatus = { ...waiting(31), ticket: 40, estimatedWaitSeconds: 120 };
const progress = (servedThrough: number, more: Partial<QueueProgress> = {}): QueueProgress => ({
  eventId: 'e',
  servedThrough,
  totalWaiting: 70,
  admissionsPerSecond: 2,
  closedReason: null,
  ...more,
});

describe('estimateFromProgress', () => {
  it('takes the smaller of the two bounds on the people ahead', () => {
    // 34 tickets between the 5th served and the 40th, but only 30 were ahead when last asked (some left)
    expect(estimateFromProgress(ticketed, progress(5))).toMatchObject({ ahead: 30, position: 31 });
    // 19 tickets between the 20th and the 40th: fewer than the 30 of the last status
    expect(estimateFromProgress(ticketed, progress(20))).toMatchObject({ ahead: 19, position: 20 });
  });

  it('never counts fewer than nobody ahead', () => {
    expect(estimateFromProgress(ticketed, progress(39))).toMatchObject({ ahead: 0, position: 1 });
    expect(estimateFromProgress(ticketed, progress(45))).toMatchObject({ ahead: 0, position: 1 });
  });

  it('estimates the wait as the server does, keeps the ticket and takes the line length from the progress', () => {
    expect(estimateFromProgress(ticketed, progress(20, { admissionsPerSecond: 0.3 }))).toEqual({
      eventId: 'e',
      status: 'WAITING',
      position: 20,
      ahead: 19,
      totalWaiting: 70,
      estimatedWaitSeconds: 67,
      ticket: 40,
    });
  });

  it('keeps the last wait estimate while nobody is admitted', () => {
    expect(estimateFromProgress(ticketed, progress(20, { admissionsPerSecond: 0 })).estimatedWaitSeconds).toBe(120);
  });

  it('keeps the last figure for a place without a ticket', () => {
    expect(estimateFromProgress(waiting(31), progress(20))).toMatchObject({ ahead: 30, position: 31 });
  });
});

describe('progressCallsForStatus', () => {
  it('calls for the own status once the ticket is served or the room is closed', () => {
    expect(progressCallsForStatus(ticketed, progress(39))).toBe(false);
    expect(progressCallsForStatus(ticketed, progress(40))).toBe(true);
    expect(progressCallsForStatus(ticketed, progress(41))).toBe(true);
    expect(progressCallsForStatus(ticketed, progress(3, { closedReason: 'EVENT_CANCELLED' }))).toBe(true);
    expect(progressCallsForStatus(waiting(31), progress(100))).toBe(false);
  });
});
