import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatKrw } from '../shared/format';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { adminApi, downloadBookingsCsv, RESERVATION_STATUSES, type AdminReservation } from './adminApi';
import { seoulDayStartUtc } from './time';
import { PageButtons, StatusBadge, useFilterParams, when } from './ui';

/** Filters live in the URL (`eventId`, `email`, `userId`, `status`, `from`, `to`, `page`), so a lookup can be linked. */
export default function ReservationsPage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(() => Object.fromEntries(['eventId', 'email', 'status', 'from', 'to'].map((k) => [k, params.get(k) ?? ''])));
  const events = useQuery({ queryKey: ['admin', 'events', ''], queryFn: () => adminApi.events(undefined, 0) });
  const email = params.get('email') ?? '';
  // an e-mail address is resolved to its account first: reservation-service keeps no addresses
  const buyer = useQuery({
    queryKey: ['admin', 'user-by-email', email],
    queryFn: () => adminApi.users(email),
    enabled: !!email,
    select: (page) => page.content.find((user) => user.email.toLowerCase() === email.toLowerCase()) ?? null,
  });
  const userId = email ? buyer.data?.id : params.get('userId') ?? undefined;
  const page = Number(params.get('page') ?? '0');
  const query = {
    eventId: params.get('eventId') || undefined,
    userId,
    status: params.get('status') || undefined,
    from: seoulDayStartUtc(params.get('from') ?? ''),
    to: seoulDayStartUtc(params.get('to') ?? '', 1),
    page,
    size: 20,
  };
  const waitingForBuyer = !!email && !buyer.data;
  const reservations = useQuery({
    queryKey: ['admin', 'reservations', query],
    queryFn: () => adminApi.reservations(query),
    enabled: !waitingForBuyer,
    placeholderData: keepPreviousData,
  });
  const [selected, setSelected] = useState<AdminReservation | null>(null);
  const exportCsv = useMutation({ mutationFn: () => downloadBookingsCsv(query.eventId!) });

  const { search, goTo } = useFilterParams(params, setParams, draft);
  return (
    <section className="stack" aria-labelledby="reservations-title">
      <h1 id="reservations-title">{t('reservations.title')}</h1>
      <form className="admin-filters card" onSubmit={search} role="search">
        <label>{t('reservations.event')}
          <select value={draft.eventId} onChange={(e) => setDraft({ ...draft, eventId: e.target.value })}>
            <option value="">{t('reservations.anyEvent')}</option>
            {events.data?.content.map((event) => <option key={event.id} value={event.id}>{event.title}</option>)}
          </select>
        </label>
        <label>{t('reservations.email')}<input type="email" value={draft.email} onChange={(e) => setDraft({ ...draft, email: e.target.value })} /></label>
        <label>{t('reservations.status')}
          <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            <option value="">{t('reservations.anyStatus')}</option>
            {RESERVATION_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
        <label>{t('reservations.from')}<input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></label>
        <label>{t('reservations.to')}<input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></label>
        <button type="submit">{t('search')}</button>
        {query.eventId && <button type="button" className="secondary" onClick={() => exportCsv.mutate()} disabled={exportCsv.isPending}>{t('events.exportCsv')}</button>}
      </form>
      {params.get('userId') && !email && <p className="muted">{t('reservations.forUser', { id: params.get('userId') })}</p>}
      {email && buyer.data === null && <p className="problem" role="alert">{t('reservations.noSuchBuyer', { email })}</p>}
      <ProblemMessage error={reservations.error ?? buyer.error ?? exportCsv.error} />
      {reservations.data && (
        <>
          <p className="muted" role="status">{t('reservations.count', { count: reservations.data.totalItems })}</p>
          <div className="table-wrap">
            <table>
              <thead><tr><th>{t('reservations.created')}</th><th>{t('reservations.event')}</th><th>{t('reservations.status')}</th><th>{t('reservations.seats')}</th><th className="num">{t('reservations.amount')}</th><th /></tr></thead>
              <tbody>
                {reservations.data.items.map((r) => (
                  <tr key={r.id}>
                    <td>{when(r.createdAt)}</td>
                    <td>{r.event.title}</td>
                    <td><StatusBadge status={r.status} />{r.cancelReason && <div className="muted">{t(`cancelReason.${r.cancelReason}`, { defaultValue: r.cancelReason })}</div>}</td>
                    <td>{r.seats.map((s) => `${s.section}-${s.row}-${s.number}`).join(', ')}</td>
                    <td className="num">{formatKrw(r.totalAmount)}</td>
                    <td><button type="button" className="secondary small" onClick={() => setSelected(r)}>{t('detail')}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PageButtons page={page} totalPages={reservations.data.totalPages} goTo={goTo} />
        </>
      )}
      {selected && <ReservationDetail reservation={selected} onClose={() => setSelected(null)} />}
    </section>
  );
}

function ReservationDetail({ reservation: r, onClose }: { reservation: AdminReservation; onClose: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <article className="card stack" aria-labelledby="reservation-detail">
      <div className="row">
        <h2 id="reservation-detail" style={{ margin: 0 }}>{t('reservations.detail')}</h2>
        <button type="button" className="secondary small" style={{ marginLeft: 'auto' }} onClick={onClose}>{t('close')}</button>
      </div>
      <dl className="form-grid">
        <div><dt className="muted">ID</dt><dd>{r.id}</dd></div>
        <div><dt className="muted">{t('reservations.event')}</dt><dd>{r.event.title} · {r.event.venueName} {r.event.hallName} · {when(r.event.startsAt)}</dd></div>
        <div><dt className="muted">{t('reservations.status')}</dt><dd><StatusBadge status={r.status} /> {r.cancelReason && t(`cancelReason.${r.cancelReason}`, { defaultValue: r.cancelReason })}</dd></div>
        <div><dt className="muted">{t('reservations.buyer')}</dt><dd><Link to={`/admin/users/${r.userId}`}>{r.userId}</Link></dd></div>
        <div><dt className="muted">{t('reservations.payment')}</dt><dd>{r.paymentId ? <Link to={`/admin/payments?paymentId=${r.paymentId}`}>{r.paymentId}</Link> : '–'}</dd></div>
        <div><dt className="muted">{t('reservations.amount')}</dt><dd>{formatKrw(r.totalAmount)}</dd></div>
        <div><dt className="muted">{t('reservations.created')}</dt><dd>{when(r.createdAt)}</dd></div>
        <div><dt className="muted">{t('reservations.confirmed')}</dt><dd>{when(r.confirmedAt)}</dd></div>
        <div><dt className="muted">{t('reservations.cancelled')}</dt><dd>{when(r.cancelledAt)}</dd></div>
        <div><dt className="muted">{t('reservations.refunded')}</dt><dd>{when(r.refundedAt)}</dd></div>
      </dl>
      <ul>{r.seats.map((s) => <li key={s.seatId}>{s.section} {s.row}-{s.number} · {s.grade} · {formatKrw(s.price)}</li>)}</ul>
    </article>
  );
}
