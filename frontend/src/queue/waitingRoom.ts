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

/** Status polling: every 5 s, or as long as a 429's Retry-After asks. */
export const POLL_INTERVAL_MS = 5_000;

export function nextPollDelayMs(retryAfterSeconds?: number): number {
  return retryAfterSeconds !== undefined ? Math.max(POLL_INTERVAL_MS, retryAfterSeconds * 1000) : POLL_INTERVAL_MS;
}
