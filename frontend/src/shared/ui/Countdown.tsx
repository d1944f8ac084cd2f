import { useEffect, useState } from 'react';
import { formatCountdown } from '../format';

/** Whole seconds left until `deadline` (never negative). */
export function secondsLeft(deadline: string | number, now: number = Date.now()): number {
  const end = typeof deadline === 'number' ? deadline : Date.parse(deadline);
  return Math.max(0, Math.ceil((end - now) / 1000));
}

export interface CountdownProps {
  /** ISO instant or epoch milliseconds. */
  deadline: string | number;
  /** Screen-reader label, e.g. "Time left to pay". */
  label: string;
  /** Called once when the time is up. */
  onExpire?: () => void;
  /** Below this many seconds the countdown is shown as urgent. */
  urgentBelow?: number;
}

/**
 * A mm:ss countdown to a deadline. The visible text ticks every second; screen readers are told the time left
 * once a minute (and in the last urgent stretch), not sixty times a minute.
 */
export function Countdown({ deadline, label, onExpire, urgentBelow = 60 }: CountdownProps) {
  const [now, setNow] = useState(() => Date.now());
  const left = secondsLeft(deadline, now);
  const expired = left <= 0;

  useEffect(() => {
    if (expired) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [expired]);

  useEffect(() => {
    if (expired) onExpire?.();
  }, [expired, onExpire]);

  const urgent = left <= urgentBelow;
  const announced = left === 0 || left % 60 === 0 || (urgent && left % 15 === 0);
  return (
    <span className={`countdown${urgent ? ' urgent' : ''}`}>
      <span className="visually-hidden">{label}</span>
      <time dateTime={`PT${left}S`} aria-hidden="true">{formatCountdown(left)}</time>
      <span className="visually-hidden" aria-live="polite">{announced ? formatCountdown(left) : ''}</span>
    </span>
  );
}
