import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { busyRetryAt, onBusyChange } from '../api/busy';
import { secondsLeft } from './Countdown';

/** "Busy, retrying in N s" while the platform sheds load and a call is waiting to be retried. */
export function BusyBanner() {
  const { t } = useTranslation();
  const retryAt = useSyncExternalStore(onBusyChange, busyRetryAt, () => null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (retryAt === null) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [retryAt]);
  if (retryAt === null) return null;
  return (
    <div className="busy-banner" role="status">
      {t('busy', { seconds: secondsLeft(retryAt, now) })}
    </div>
  );
}
