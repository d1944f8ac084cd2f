import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../shared/api/http';
import type { ReservationPage } from '../shared/api/schemas';
import { formatDateTime, formatKrw } from '../shared/format';
import { Pager } from '../shared/ui/Pager';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { bookingStateKey } from './bookingStatus';

const PAGE_SIZE = 10;

export default function MyBookingsPage() {
  const { t } = useTranslation('bookings');
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const bookings = useQuery({
    queryKey: ['bookings', page],
    queryFn: ({ signal }) => api<ReservationPage>('/reservations', { signal, query: { page: page - 1, size: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="page narrow-wide" aria-labelledby="bookings-title">
      <h1 id="bookings-title">{t('title')}</h1>
      {bookings.isPending && <p className="muted">{t('common:loading')}</p>}
      {bookings.isError && <ProblemMessage error={bookings.error} />}
      {bookings.data && bookings.data.items.length === 0 && (
        <p className="empty">{t('none')} <Link to="/">{t('browse')}</Link></p>
      )}
      {bookings.data && bookings.data.items.length > 0 && (
        <ul className="booking-list">
          {bookings.data.items.map((booking) => (
            <li key={booking.id} className="card">
              <Link to={`/bookings/${booking.id}`}>
                <span className={`booking-status ${booking.status.toLowerCase()}`}>{t(bookingStateKey(booking))}</span>
                <h2>{booking.event?.title ?? t('unknownEvent')}</h2>
                <span className="muted small">
                  {booking.event?.startsAt && formatDateTime(booking.event.startsAt)}
                  {booking.event?.venueName && ` · ${booking.event.venueName}`}
                </span>
                <span>
                  {t('seatCount', { count: booking.seats.length })} · <strong>{formatKrw(booking.totalAmount)}</strong>
                  {booking.createdAt && <span className="muted small"> · {t('bookedAt', { when: formatDateTime(booking.createdAt) })}</span>}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {bookings.data && <Pager page={page} totalPages={bookings.data.totalPages} hrefFor={(number) => (number > 1 ? `/bookings?page=${number}` : '/bookings')} />}
    </section>
  );
}
