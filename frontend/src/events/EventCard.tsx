import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventListItem } from '../shared/api/schemas';
import { formatDate, formatDateTime, formatKrw } from '../shared/format';
import { Poster, StatusBadge } from './Poster';

export function EventCard({ event }: { event: EventListItem }) {
  const { t } = useTranslation('events');
  const city = event.venue?.city;
  return (
    <li className="event-card">
      <Link to={`/events/${event.id}`} className="event-card-link">
        <Poster url={event.posterUrl} title={event.title} category={event.category} />
        <div className="event-card-body">
          <div className="row">
            <StatusBadge status={event.status} />
            {event.category && <span className="muted small">{t(`category.${event.category}`)}</span>}
          </div>
          <h3 className="event-card-title">{event.title}</h3>
          <p className="event-card-meta">
            <time dateTime={event.startsAt}>{formatDate(event.startsAt)}</time>
            {event.venue?.name && <> · {event.venue.name}{city ? ` (${t(`city.${city}`, { defaultValue: city })})` : ''}</>}
          </p>
          {event.status === 'UPCOMING' && event.saleStartsAt ? (
            <p className="event-card-open">{t('opensAt', { when: formatDateTime(event.saleStartsAt) })}</p>
          ) : (
            event.minPrice !== undefined && (
              <p className="event-card-price">
                {event.minPrice === event.maxPrice ? formatKrw(event.minPrice) : t('priceFrom', { price: formatKrw(event.minPrice) })}
              </p>
            )
          )}
        </div>
      </Link>
    </li>
  );
}
