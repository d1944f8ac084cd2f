import i18n from './i18n';

/** Times are shown in the buyer's zone; TIKETI is a Korean site, so Seoul unless configured otherwise. */
export const DISPLAY_ZONE = 'Asia/Seoul';

const locale = () => (i18n.language === 'en' ? 'en-US' : 'ko-KR');

/** Money is integer KRW on the wire. */
export function formatKrw(amount: number): string {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'KRW', maximumFractionDigits: 0 }).format(amount);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: DISPLAY_ZONE,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: DISPLAY_ZONE, year: 'numeric', month: 'short', day: 'numeric' }).format(
    new Date(iso),
  );
}

/** mm:ss for a countdown. */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
