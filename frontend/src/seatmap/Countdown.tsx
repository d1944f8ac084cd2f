import { useEffect, useState } from 'react';
import { formatCountdown } from '../shared/format';

/**
 * mm:ss until `until`, ticking every second; `onExpired` once when it reaches zero. Screen readers hear the
 * label, not every tick (role=timer is not live by default); the last minute is marked urgent.
 */
export function Countdown({ until, label, onExpired }: { until: string; label: string; onExpired?: () => void }) {
  const deadline = Date.parse(until);
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));

  useEffect(() => {
    if (left <= 0) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [left]);

  useEffect(() => {
    if (left <= 0) onExpired?.();
  }, [left, onExpired]);

  return (
    <p className={left <= 60 ? 'countdown urgent' : 'countdown'}>
      <span>{label}</span>{' '}
      <strong role="timer" aria-label={`${label} ${formatCountdown(left)}`}>{formatCountdown(left)}</strong>
    </p>
  );
}
