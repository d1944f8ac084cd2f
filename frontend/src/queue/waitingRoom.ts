/** Where the buyer stands (queue-service's status JSON, from enter, status polling or the stream). */
export interface QueueStatus {
  eventId: string;
  status: 'WAITING' | 'ADMITTED';
  /** 1-based; null once admitted. */
  position: number | null;
  ahead: number;
  totalWaiting: number;
  estimatedWaitSeconds: number | null;
  admissionToken?: string;
  admissionExpiresAt?: string;
  /**
   * The buyer's number in the line while waiting (1, 2, 3… in entry order); absent once admitted and for a place
   * taken before tickets were handed out.
   */
  ticket?: number;
}

/**
 * How far an event's line has moved (queue-service's public progress JSON): one answer for everyone, which the
 * gateway's shared cache keeps for a second, so polling it costs almost nothing per buyer.
 */
export interface QueueProgress {
  eventId: string;
  /** The highest ticket admitted so far (0: nobody yet); the line is admitted strictly in ticket order. */
  servedThrough: number;
  totalWaiting: number;
  /** The room's admission rate, for estimates (0 once closed). */
  admissionsPerSecond: number;
  /** Why the room was closed for good (e.g. `EVENT_CANCELLED`), null while open. */
  closedReason: string | null;
}

/** Problem codes that end the visit to the waiting room with an explanation instead of a position. */
export const REFUSALS = ['queue-closed', 'already-in-another-queue', 'queue-full', 'event-not-found', 'not-in-queue'] as const;
export type Refusal = (typeof REFUSALS)[number];

/** How the page learns about progress: the SSE stream, or status polling when the stream cannot be had. */
export type Channel = 'stream' | 'polling';

export type RoomState =
  | { phase: 'entering' }
  | { phase: 'waiting'; status: QueueStatus; channel: Channel; lastProgressAt: number }
  | { phase: 'admitted'; status: QueueStatus }
  | { phase: 'left' }
  | { phase: 'refused'; code: Refusal }
  | { phase: 'failed'; error: unknown };

export type RoomAction =
  | { type: 'enter' }
  | { type: 'status'; status: QueueStatus; at: number }
  | { type: 'stream-lost' }
  | { type: 'stream-back' }
  | { type: 'refused'; code: Refusal }
  | { type: 'left' }
  | { type: 'failed'; error: unknown };

/** No progress for this long while others are ahead: admissions are probably paused by the organiser. */
export const STALL_AFTER_MS = 30_000;

export const initialRoom: RoomState = { phase: 'entering' };

/**
 * The waiting room's states. Statuses may arrive late and out of order (a poll answered after the stream's
 * `admitted`); once admitted, left or refused, later statuses change nothing.
 */
export function roomReducer(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case 'enter':
      return { phase: 'entering' };
    case 'status': {
      if (state.phase !== 'entering' && state.phase !== 'waiting') return state;
      if (action.status.status === 'ADMITTED') return { phase: 'admitted', status: action.status };
      if (state.phase === 'entering') return { phase: 'waiting', status: action.status, channel: 'stream', lastProgressAt: action.at };
      const moved = (action.status.position ?? 0) < (state.status.position ?? Infinity);
      return { ...state, status: action.status, lastProgressAt: moved ? action.at : state.lastProgressAt };
    }
    case 'stream-lost':
      return state.phase === 'waiting' ? { ...state, channel: 'polling' } : state;
    case 'stream-back':
      return state.phase === 'waiting' ? { ...state, channel: 'stream' } : state;
    case 'refused':
      return state.phase === 'admitted' ? state : { phase: 'refused', code: action.code };
    case 'left':
      return { phase: 'left' };
    case 'failed':
      return state.phase === 'admitted' ? state : { phase: 'failed', error: action.error };
  }
}

/** Waiting with people ahead and no step forward for a while: the page says admissions may be paused. */
export function isStalled(state: RoomState, now: number): boolean {
  return state.phase === 'waiting' && state.status.ahead > 0 && now - state.lastProgressAt >= STALL_AFTER_MS;
}

export function isRefusal(code: string): code is Refusal {
  return (REFUSALS as readonly string[]).includes(code);
}

/** Status polling: every 5 s. */
export const POLL_INTERVAL_MS = 5_000;
/** Progress polling, between the buyer's own statuses: every 2 s (the public figure is cheap to ask). */
export const PROGRESS_INTERVAL_MS = 2_000;
/** The buyer's own status is asked at least this often while following the progress, for the exact place. */
export const OWN_STATUS_EVERY_MS = 30_000;

/** The delay after a poll that asked the buyer's own status: 5 s, or as long as the longest of its 429s' Retry-After asks. */
export function nextPollDelayMs(...retryAfterSeconds: (number | undefined)[]): number {
  return Math.max(POLL_INTERVAL_MS, ...retryAfterSeconds.map((seconds) => (seconds ?? 0) * 1000));
}

/**
 * Whether the progress calls for the buyer's own status now: their ticket has been served (that answer carries
 * the admission token) or the room is closed (that answer is the refusal that explains it).
 */
export function progressCallsForStatus(last: QueueStatus, progress: QueueProgress): boolean {
  return Boolean(progress.closedReason) || progress.servedThrough >= (last.ticket ?? Infinity);
}

/**
 * The place between the buyer's own statuses, from the last one and the public progress. The last `ahead` and the
 * tickets between the last one served and the buyer's are both upper bounds (people ahead who left are still
 * counted by the tickets; nobody gets ahead of a waiting buyer), so the smaller one is the better figure. The wait
 * is estimated as the server does: ceil(place / rate).
 */
export function estimateFromProgress(last: QueueStatus, progress: QueueProgress): QueueStatus {
  const byTicket = (last.ticket ?? Infinity) - progress.servedThrough - 1;
  const ahead = Math.max(0, Math.min(last.ahead, byTicket));
  const position = ahead + 1;
  const estimatedWaitSeconds =
    progress.admissionsPerSecond > 0 ? Math.ceil(position / progress.admissionsPerSecond) : last.estimatedWaitSeconds;
  return { ...last, status: 'WAITING', position, ahead, totalWaiting: progress.totalWaiting, estimatedWaitSeconds };
}
