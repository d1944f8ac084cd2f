import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../shared/api/http';
import type { Payment, Reservation } from '../shared/api/schemas';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { getPayment, latestPaymentFor } from './checkoutApi';
import type { PaymentResultState } from './checkoutState';
import { isSettled, paymentOutcome, pollDelayMs, type PaymentOutcome } from './paymentOutcome';
import { ReservationSummary } from './ReservationSummary';

interface Snapshot {
  reservation: Reservation;
  payment: Payment | undefined;
}

/** Follows the booking until the payment saga has settled: confirmed, declined, refunded or expired. */
export default function PaymentResultPage() {
  const { reservationId = '' } = useParams();
  const { t } = useTranslation('checkout');
  const paymentId = (useLocation().state as PaymentResultState | null)?.paymentId;
  const startedAt = useRef(Date.now());
  const attempts = useRef(0);

  const snapshot = useQuery({
    queryKey: ['payment-result', reservationId, paymentId],
    queryFn: async ({ signal }): Promise<Snapshot> => {
      attempts.current++;
      const [reservation, payment] = await Promise.all([
        api<Reservation>(`/reservations/${encodeURIComponent(reservationId)}`, { signal }),
        paymentId ? getPayment(paymentId, signal) : latestPaymentFor(reservationId, signal),
      ]);
      return { reservation, payment };
    },
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data) return pollDelayMs(attempts.current);
      return isSettled(outcomeOf(data, startedAt.current)) ? false : pollDelayMs(attempts.current);
    },
    staleTime: 0,
  });

  // re-render while waiting, so that "taking longer" appears even when the answers do not change
  const [, setTick] = useState(0);
  const settled = snapshot.data !== undefined && isSettled(outcomeOf(snapshot.data, startedAt.current));
  useEffect(() => {
    if (settled) return undefined;
    const timer = setInterval(() => setTick((tick) => tick + 1), 2_000);
    return () => clearInterval(timer);
  }, [settled]);

  if (snapshot.isPending) return <Result outcome={{ kind: 'processing', slow: false }} />;
  // a failed re-read keeps the last answer on screen and says why it is not updating
  if (!snapshot.data) return <ProblemMessage error={snapshot.error} />;
  const outcome = outcomeOf(snapshot.data, startedAt.current);
  return (
    <div className="page narrow stack">
      <Result outcome={outcome} eventId={snapshot.data.reservation.eventId} reservationId={reservationId} />
      <section className="card" aria-label={t('summary')}>
        <ReservationSummary reservation={snapshot.data.reservation} />
      </section>
      {snapshot.error && <ProblemMessage error={snapshot.error} />}
      <p className="muted small">{t('result.checkedBy')}</p>
      <Link to="/bookings">{t('result.myBookings')}</Link>
    </div>
  );
}

/** Waiting is counted from the payment's creation (server time) when known, so a reload does not restart it. */
function outcomeOf(snapshot: Snapshot, startedAt: number): PaymentOutcome {
  const since = snapshot.payment?.createdAt ? Math.min(Date.parse(snapshot.payment.createdAt), startedAt) : startedAt;
  return paymentOutcome({
    reservation: { status: snapshot.reservation.status, cancelReason: snapshot.reservation.cancelReason },
    payment: snapshot.payment ? { status: snapshot.payment.status, failureCode: snapshot.payment.failureCode } : undefined,
    elapsedMs: Date.now() - since,
  });
}

/** Simple line icons (emoji fonts are not on every machine). */
const ICON_PATHS: Record<Exclude<PaymentOutcome['kind'], 'processing'>, string> = {
  confirmed: 'M5 12.5l4.5 4.5L19 7.5',
  declined: 'M12 7v6M12 16.5v.5',
  refunding: 'M9 7L5 11l4 4M5 11h9a5 5 0 010 10h-2',
  refunded: 'M9 7L5 11l4 4M5 11h9a5 5 0 010 10h-2',
  expired: 'M12 7v5l3 3',
  cancelled: 'M8 8l8 8M16 8l-8 8',
};

function ResultIcon({ kind }: { kind: Exclude<PaymentOutcome['kind'], 'processing'> }) {
  return (
    <svg className={`result-icon result-icon-${kind}`} viewBox="0 0 24 24" width="56" height="56" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11" fill="currentColor" opacity="0.12" />
      <path d={ICON_PATHS[kind]} fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function Result({ outcome, eventId, reservationId }: { outcome: PaymentOutcome; eventId?: string; reservationId?: string }) {
  const { t } = useTranslation('checkout');
  const detail =
    outcome.kind === 'declined'
      ? t(`failure.${outcome.failureCode ?? 'other'}`, { defaultValue: t('failure.other') })
      : outcome.kind === 'processing' && outcome.slow
        ? t('result.processingSlow')
        : t(`result.${outcome.kind}Detail`);
  return (
    <section className={`card result result-${outcome.kind}`} role="status" aria-live="polite">
      {outcome.kind === 'processing' ? <div className="spinner" aria-hidden="true" /> : <ResultIcon kind={outcome.kind} />}
      <h1>{t(`result.${outcome.kind}`)}</h1>
      <p>{detail}</p>
      {outcome.kind === 'confirmed' && reservationId && <Link className="button" to={`/bookings/${reservationId}`}>{t('result.viewBooking')}</Link>}
      {(outcome.kind === 'declined' || outcome.kind === 'expired') && eventId && (
        <Link className="button" to={`/events/${eventId}`}>{t('result.tryAgain')}</Link>
      )}
    </section>
  );
}
