import { useEffect, useState } from 'react';
import { followEventStream } from '../shared/api/eventStream';
import { loadSeatStatus } from './holds';
import type { SeatChange, SeatStatusSnapshot, SeatStatusStore } from './seatStatus';

const RECONNECT_MS = 3_000;

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Keeps the store current: the status first, then the seat stream (`snapshot`, then `seats` changes),
 * reconnecting after a pause when it ends or fails. Updates are only queued here; the canvas applies them
 * once per frame. Answers whether the stream is connected.
 */
export function useLiveSeats(eventId: string, store: SeatStatusStore | null): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!store) return undefined;
    const controller = new AbortController();
    const { signal } = controller;
    void (async () => {
      while (!signal.aborted) {
        try {
          store.enqueue(await loadSeatStatus(eventId, signal));
          await followEventStream(
            `/seats/${eventId}/stream`,
            (event) => {
              setLive(true);
              if (event.event === 'snapshot') store.enqueue(JSON.parse(event.data) as SeatStatusSnapshot);
              else if (event.event === 'seats') store.enqueue(JSON.parse(event.data) as SeatChange);
            },
            signal,
          );
        } catch {
          // reconnect below; the map keeps showing the last known state meanwhile
        }
        setLive(false);
        await pause(RECONNECT_MS, signal);
      }
    })();
    return () => controller.abort();
  }, [eventId, store]);
  return live;
}
