import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../shared/api/http';
import { followEventStream } from '../shared/api/eventStream';
import { isProblem } from '../shared/api/problem';
import { initialRoom, isRefusal, nextPollDelayMs, roomReducer, type QueueStatus, type RoomAction } from './waitingRoom';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** Polls this many times (30 s) before trying the stream again. */
const POLLS_BEFORE_STREAM_RETRY = 6;

/**
 * Follows the buyer's place until admitted: the SSE stream while it can be had (it ends by itself on
 * admission), status polling every 5 s while it cannot, trying the stream again every 30 s.
 */
async function follow(eventId: string, onStatus: (status: QueueStatus) => void, dispatch: (action: RoomAction) => void, signal: AbortSignal) {
  let admitted = false;
  let polling = false;
  const receive = (status: QueueStatus) => {
    admitted ||= status.status === 'ADMITTED';
    onStatus(status);
  };
  while (!admitted) {
    try {
      await followEventStream(
        `/queue/${eventId}/stream`,
        (event) => {
          if (polling) {
            polling = false;
            dispatch({ type: 'stream-back' });
          }
          if (event.event === 'position' || event.event === 'admitted') receive(JSON.parse(event.data) as QueueStatus);
        },
        signal,
      );
      // the stream ended without an admission (its lifetime ran out, or the place is gone): ask once
      if (!admitted) receive(await api<QueueStatus>(`/queue/${eventId}/status`, { signal }));
    } catch (error) {
      if (signal.aborted || (isProblem(error) && isRefusal(error.code))) throw error;
      if (!polling) dispatch({ type: 'stream-lost' });
      polling = true;
      await poll(eventId, receive, () => admitted, signal);
    }
  }
}

async function poll(eventId: string, receive: (status: QueueStatus) => void, admitted: () => boolean, signal: AbortSignal) {
  let delay = nextPollDelayMs();
  for (let polls = 0; polls < POLLS_BEFORE_STREAM_RETRY && !admitted(); polls++) {
    await sleep(delay, signal);
    try {
      receive(await api<QueueStatus>(`/queue/${eventId}/status`, { signal }));
      delay = nextPollDelayMs();
    } catch (error) {
      if (signal.aborted || (isProblem(error) && isRefusal(error.code))) throw error;
      // 429 says how long to wait; anything else transient is tried again at the normal pace
      delay = nextPollDelayMs(isProblem(error) ? error.retryAfterSeconds : undefined);
    }
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
      if (entered.status !== 'ADMITTED') await follow(eventId, onStatus, dispatch, signal);
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
