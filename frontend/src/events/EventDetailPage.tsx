import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { EventDetail, GradeSummary } from '../shared/api/schemas';
import { formatDateTime, formatKrw } from '../shared/format';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { GradeChip, Poster, StatusBadge } from './Poster';
import { useEvent, useSeatSummary } from './eventsApi';

export default function EventDetailPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation('events');
  const event = useEvent(eventId);
  const summary = useSeatSummary(eventId);

  if (event.isPending) return <p className="muted">{t('common:loading')}</p>;
  if (event.isError) return <ProblemMessage error={event.error} />;
  const detail = event.data;
  const city = detail.venue?.city;

  return (
    <article className="event-detail">
      <div className="event-detail-top">
        <Poster url={detail.posterUrl} title={detail.title} category={detail.category} size="large" />
        <div className="event-detail-info">
          <div className="row">
            <StatusBadge status={detail.status} />
            {detail.category && <span className="muted">{t(`category.${detail.category}`)}</span>}
          </div>
          <h1>{detail.title}</h1>
          {detail.artist && <p className="artist">{detail.artist}</p>}
          <dl className="facts">
            <dt>{t('detail.when')}</dt>
            <dd>
              <time dateTime={detail.startsAt} className="strong">{formatDateTime(detail.startsAt)}</time>
              {detail.endsAt && <> – <time dateTime={detail.endsAt}>{formatDateTime(detail.endsAt)}</time></>}
            </dd>
            <dt>{t('detail.where')}</dt>
            <dd>
              {detail.venue?.name}
              {detail.hall?.name && ` · ${detail.hall.name}`}
              {city && ` (${t(`city.${city}`, { defaultValue: city })})`}
            </dd>
            {detail.saleStartsAt && (
              <>
                <dt>{t('detail.sale')}</dt>
                <dd>
                  <time dateTime={detail.saleStartsAt}>{formatDateTime(detail.saleStartsAt)}</time>
                  {detail.saleEndsAt && <> – <time dateTime={detail.saleEndsAt}>{formatDateTime(detail.saleEndsAt)}</time></>}
                </dd>
              </>
            )}
          </dl>

          <section aria-labelledby="prices-title" className="prices">
            <h2 id="prices-title">{t('detail.prices')}</h2>
            {summary.isError && <ProblemMessage error={summary.error} />}
            {summary.data && <PriceTable grades={summary.data} />}
          </section>

          <BuyButton event={detail} />
        </div>
      </div>

      {detail.description && (
        <section aria-labelledby="about-title" className="card about">
          <h2 id="about-title">{t('detail.about')}</h2>
          <p className="pre-line">{detail.description}</p>
        </section>
      )}
    </article>
  );
}

function PriceTable({ grades }: { grades: GradeSummary[] }) {
  const { t } = useTranslation('events');
  return (
    <table className="price-table">
      <thead>
        <tr>
          <th scope="col">{t('detail.grade')}</th>
          <th scope="col">{t('detail.price')}</th>
          <th scope="col">{t('detail.available')}</th>
        </tr>
      </thead>
      <tbody>
        {grades.map((grade) => (
          <tr key={grade.grade}>
            <th scope="row"><GradeChip grade={grade.grade} /></th>
            <td className="strong">{formatKrw(grade.price)}</td>
            <td className={grade.available === 0 ? 'sold-out' : undefined}>
              {grade.available === 0 ? t('detail.soldOut') : t('detail.seatsLeft', { available: grade.available.toLocaleString(), total: grade.total.toLocaleString() })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BuyButton({ event }: { event: EventDetail }) {
  const { t } = useTranslation('events');
  if (event.status === 'ON_SALE') {
    return <Link to={`/events/${event.id}/queue`} className="button buy">{t('detail.buy')}</Link>;
  }
  const reason =
    event.status === 'UPCOMING' && event.saleStartsAt
      ? t('opensAt', { when: formatDateTime(event.saleStartsAt) })
      : t(`detail.closed.${event.status}`, { defaultValue: t('detail.closed.other') });
  return <p className="buy-closed" role="note">{reason}</p>;
}
