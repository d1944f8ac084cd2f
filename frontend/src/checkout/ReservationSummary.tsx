import { useTranslation } from 'react-i18next';
import { GradeChip } from '../events/Poster';
import type { Reservation } from '../shared/api/schemas';
import { formatDateTime, formatKrw } from '../shared/format';

/** The event and the seats of a reservation, with their prices and the total. */
export function ReservationSummary({ reservation }: { reservation: Reservation }) {
  const { t } = useTranslation('checkout');
  const event = reservation.event;
  return (
    <div className="stack">
      {event && (
        <div>
          <h2 className="event-card-title" style={{ fontSize: '1.2rem' }}>{event.title}</h2>
          <p className="muted" style={{ margin: 0 }}>
            {event.startsAt && <time dateTime={event.startsAt}>{formatDateTime(event.startsAt)}</time>}
            {event.venueName && ` · ${event.venueName}`}
            {event.hallName && ` ${event.hallName}`}
          </p>
        </div>
      )}
      <h3 className="visually-hidden">{t('seats')}</h3>
      <ul className="seat-list" aria-label={t('seats')}>
        {reservation.seats.map((seat) => (
          <li key={seat.seatId}>
            <span className="row">
              <GradeChip grade={seat.grade} />
              {t('seat', { section: seat.section ?? '', row: seat.row ?? '', number: seat.number ?? '' })}
            </span>
            <span className="strong">{formatKrw(seat.price)}</span>
          </li>
        ))}
      </ul>
      <p className="total">
        <span>{t('total')}</span>
        <strong>{formatKrw(reservation.totalAmount)}</strong>
      </p>
    </div>
  );
}
