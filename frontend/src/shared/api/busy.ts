/**
 * "The platform is busy": while a 503 `overloaded` answer is being retried, the banner in the layout shows the
 * wait. Calls that pass their own `onBusy` handle it themselves; every other call reports here.
 */
type Listener = (retryAt: number | null) => void;

let retryAt: number | null = null;
let clearTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<Listener>();

export function reportBusy(waitSeconds: number, now: number = Date.now()): void {
  retryAt = now + waitSeconds * 1000;
  listeners.forEach((listener) => listener(retryAt));
  clearTimeout(clearTimer);
  // the banner goes once the retry has had time to be answered; a new 503 puts it back
  clearTimer = setTimeout(() => {
    retryAt = null;
    listeners.forEach((listener) => listener(null));
  }, waitSeconds * 1000 + 1500);
}

export function busyRetryAt(): number | null {
  return retryAt;
}

export function onBusyChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
