import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { reservationQuery } from '../checkout/checkoutApi';
import { ReservationSummary } from '../checkout/ReservationSummary';
import { api } from '../shared/api/http';
import type { Reservation } from '../shared/api/schemas';
import { formatDateTime } from '../shared/format';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { bookingStateKey } from './bookingStatus';
import { cancellationOpen } from './cancellation';

export default function BookingDetailPage() {
  const { reservationId = '' } = useParams();
  const { t } = useTranslation('bookings');
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const booking = useQuery({
    ...reservationQuery(reservationId),
    // a cancelled booking is refunded by the saga shortly after: follow it until it is
    refetchInterval: (query) => (query.state.data?.status === 'CANCELLED' && query.state.data.wasConfirmed ? 3_000 : false),
  });
  const cancel = useMutation({
    mutationFn: () => api<Reservation>(`/reservations/${encodeURIComponent(reservationId)}/cancel`, { method: 'POST' }),
    onSuccess: (cancelled) => {
      queryClient.setQueryData(['reservation', reservationId], cancelled);
      void queryClient.invalidateQueries({ queryKey: ['bookings'] });
      setConfirming(false);
    },
  });

  if (booking.isPending) return <p className="muted">{t('common:loading')}</p>;
  if (booking.isError) return <ProblemMessage error={booking.error} />;
  const data = booking.data;
  const startsAt = data.event?.startsAt;
  const canCancel = data.status === 'CONFIRMED' && startsAt !== undefined && cancellationOpen(startsAt);

  const timeline: [string, string | undefined][] = [
    ['createdAt', data.createdAt],
    ['confirmedAt', data.confirmedAt],
    ['cancelledAt', data.cancelledAt],
    ['expiredAt', data.expiredAt],
    ['refundedAt', data.refundedAt],
  ];

  return (
    <article className="page narrow-wide stack">
      <p><Link to="/bookings">← {t('back')}</Link></p>
      <h1>{t('detailTitle')}</h1>
      <p className={`booking-status ${data.status.toLowerCase()}`} role="status">{t(bookingStateKey(data))}</p>
      {data.status === 'CANCELLED' && data.wasConfirmed && <p className="notice-warn">{t('refundPending')}</p>}
      <section className="card">
        <ReservationSummary reservation={data} />
      </section>
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title" style={{ fontSize: '1.05rem' }}>{t('timeline')}</h2>
        <dl className="facts">
          {timeline
            .filter(([, when]) => when)
            .map(([key, when]) => (
              <div key={key} style={{ display: 'contents' }}>
                <dt>{t(`at.${key}`)}</dt>
                <dd>{formatDateTime(when!)}</dd>
              </div>
            ))}
        </dl>
        <p className="muted small">{t('reference', { id: data.id })}</p>
      </section>

      {data.status === 'CONFIRMED' && (
        <section className="card stack" aria-labelledby="cancel-title">
          <h2 id="cancel-title" style={{ fontSize: '1.05rem' }}>{t('cancel.title')}</h2>
          <p className="muted">{t('cancel.policy')}</p>
          <ProblemMessage error={cancel.error} />
          {!canCancel && !cancel.error && <p className="notice-warn">{t('cancel.closed')}</p>}
          {canCancel && !confirming && (
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>{t('cancel.button')}</button>
          )}
          {canCancel && confirming && (
            <div className="stack" role="group" aria-label={t('cancel.confirmLabel')}>
              <p className="strong">{t('cancel.confirm')}</p>
              <div className="row">
                <button type="button" className="danger" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
                  {cancel.isPending ? t('cancel.cancelling') : t('cancel.yes')}
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(false)}>{t('cancel.no')}</button>
              </div>
            </div>
          )}
        </section>
      )}
    </article>
  );
}
