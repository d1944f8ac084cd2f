import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../shared/api/http';
import { followEventStream } from '../shared/api/eventStream';
import { isProblem } from '../shared/api/problem';
import {
  estimateFromProgress,
  initialRoom,
  isRefusal,
  nextPollDelayMs,
  OWN_STATUS_EVERY_MS,
  progressCallsForStatus,
  PROGRESS_INTERVAL_MS,
  roomReducer,
  type QueueProgress,
  type QueueStatus,
  type RoomAction,
} from './waitingRoom';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** While polling, the stream is tried again this often. */
const STREAM_RETRY_MS = 30_000;

/** An abort or a refusal ends following; anything else is transient and tried again. */
const endsFollowing = (error: unknown, signal: AbortSignal) => signal.aborted || (isProblem(error) && isRefusal(error.code));

/**
 * The buyer's place as following knows it: the last status shown (the buyer's own, or an estimate from the public
 * progress between own statuses) and when the buyer's own status last came.
 */
class Place {
  admitted = false;
  /** The status entering answered is the first own one. */
  ownAt = Date.now();

  constructor(
    public last: QueueStatus,
    private readonly onStatus: (status: QueueStatus) => void,
  ) {}

  /** The buyer's own status: from the stream or a status call. */
  own(status: QueueStatus): void {
    this.ownAt = Date.now();
    this.show(status);
  }

  show(status: QueueStatus): void {
    this.admitted ||= status.status === 'ADMITTED';
    this.last = status;
    this.onStatus(status);
  }
}

/**
 * Follows the buyer's place until admitted: the SSE stream while it can be had (it ends by itself on
 * admission), polling while it cannot, trying the stream again every 30 s.
 */
async function follow(
  eventId: string,
  entered: QueueStatus,
  onStatus: (status: QueueStatus) => void,
  dispatch: (action: RoomAction) => void,
  signal: AbortSignal,
) {
  const place = new Place(entered, onStatus);
  let polling = false;
  while (!place.admitted) {
    try {
      await followEventStream(
        `/queue/${eventId}/stream`,
        (event) => {
          if (polling) {
            polling = false;
            dispatch({ type: 'stream-back' });
          }
          if (event.event === 'position' || event.event === 'admitted') place.own(JSON.parse(event.data) as QueueStatus);
        },
        signal,
      );
      // the stream ended without an admission (its lifetime ran out, or the place is gone): ask once
      if (!place.admitted) place.own(await api<QueueStatus>(`/queue/${eventId}/status`, { signal }));
    } catch (error) {
      if (endsFollowing(error, signal)) throw error;
      if (!polling) dispatch({ type: 'stream-lost' });
      polling = true;
      await poll(eventId, place, signal);
    }
  }
}

/**
 * Polls for 30 s. A place with a ticket follows the public progress (no token, served from the gateway's cache)
 * every 2 s and asks its own status only when that calls for it, at least every 30 s, or when the progress cannot be
 * had; a place without one asks its own status every 5 s.
 */
async function poll(eventId: string, place: Place, signal: AbortSignal) {
  const retryStreamAt = Date.now() + STREAM_RETRY_MS;
  let delay = place.last.ticket === undefined ? nextPollDelayMs() : PROGRESS_INTERVAL_MS;
  while (!place.admitted && Date.now() < retryStreamAt) {
    await sleep(delay, signal);
    delay = await pollOnce(eventId, place, signal);
  }
}

/** One poll; answers the delay before the next. */
async function pollOnce(eventId: string, place: Place, signal: AbortSignal): Promise<number> {
  let progressRetryAfter: number | undefined;
  if (place.last.ticket !== undefined && Date.now() - place.ownAt < OWN_STATUS_EVERY_MS) {
    try {
      const progress = await api<QueueProgress>(`/queue/${eventId}/progress`, { auth: false, signal });
      if (!progressCallsForStatus(place.last, progress)) {
        place.show(estimateFromProgress(place.last, progress));
        return PROGRESS_INTERVAL_MS;
      }
    } catch (error) {
      if (endsFollowing(error, signal)) throw error;
      // no progress to be had (a room it does not know, a gateway failing or busy): the own status instead, at its pace
      progressRetryAfter = isProblem(error) ? error.retryAfterSeconds : undefined;
    }
  }
  try {
    place.own(await api<QueueStatus>(`/queue/${eventId}/status`, { signal }));
    return nextPollDelayMs(progressRetryAfter);
  } catch (error) {
    if (endsFollowing(error, signal)) throw error;
    // 429 says how long to wait; anything else transient is tried again at the normal pace
    return nextPollDelayMs(progressRetryAfter, isProblem(error) ? error.retryAfterSeconds : undefined);
  }
}

/** The waiting room of one event for the signed-in buyer: enter, follow, leave, enter again. */
export function useWaitingRoom(eventId: string) {
  const [state, dispatch] = useReducer(roomReducer, initialRoom);
  const [visit, setVisit] = useState(0);
  const [busySeconds, setBusySeconds] = useState<number | null>(null);
  const following = useRef<AbortController | null>(null);

  useEffect(() => {
    if (visit < 0) return undefined;
    const controller = new AbortController();
    following.current = controller;
    const { signal } = controller;
    const onStatus = (status: QueueStatus) => dispatch({ type: 'status', status, at: Date.now() });
    dispatch({ type: 'enter' });
    (async () => {
      const entered = await api<QueueStatus>(`/queue/${eventId}/enter`, { method: 'POST', signal, onBusy: setBusySeconds });
      setBusySeconds(null);
      onStatus(entered);
      if (entered.status !== 'ADMITTED') await follow(eventId, entered, onStatus, dispatch, signal);
    })().catch((error: unknown) => {
      if (signal.aborted) return;
      setBusySeconds(null);
      dispatch(isProblem(error) && isRefusal(error.code) ? { type: 'refused', code: error.code } : { type: 'failed', error });
    });
    return () => controller.abort();
  }, [eventId, visit]);

  const leave = useCallback(async () => {
    following.current?.abort();
    setVisit(-1);
    await api(`/queue/${eventId}`, { method: 'DELETE' }).catch(() => undefined);
    dispatch({ type: 'left' });
  }, [eventId]);

  const enterAgain = useCallback(() => setVisit((count) => Math.abs(count) + 1), []);

  return { state, busySeconds, leave, enterAgain };
}
