import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { adminApi, downloadBookingsCsv, EVENT_STATUSES, type AdminEvent } from './adminApi';
import { num, StatusBadge, when } from './ui';

/** Matches the keyword against title, artist and venue, ignoring case and spaces (the admin list has no search). */
export function matchesKeyword(event: Pick<AdminEvent, 'title' | 'artist' | 'venue'>, keyword: string): boolean {
  const squash = (text: string) => text.toLowerCase().replace(/\s+/g, '');
  const wanted = squash(keyword);
  return !wanted || [event.title, event.artist, event.venue.name].some((text) => squash(text).includes(wanted));
}

export default function EventsPage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const keyword = params.get('q') ?? '';
  const events = useQuery({ queryKey: ['admin', 'events', status], queryFn: () => adminApi.events(status || undefined, 0), refetchInterval: 10_000 });
  const [cancelling, setCancelling] = useState<AdminEvent | null>(null);
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const shown = (events.data?.content ?? []).filter((event) => matchesKeyword(event, keyword));
  return (
    <section className="stack" aria-labelledby="events-title">
      <div className="row">
        <h1 id="events-title" style={{ margin: 0 }}>{t('events.heading')}</h1>
        <Link to="/admin/events/new" className="button" style={{ marginLeft: 'auto' }}>{t('events.create')}</Link>
      </div>
      <div className="admin-filters" role="search">
        <label>{t('events.status')}
          <select value={status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">{t('events.anyStatus')}</option>
            {EVENT_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
        <label>{t('events.keyword')}<input type="search" value={keyword} onChange={(e) => setFilter('q', e.target.value)} /></label>
      </div>
      <ProblemMessage error={events.error} />
      {events.data && shown.length === 0 && <p className="muted">{t('events.none')}</p>}
      {shown.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr><th>{t('events.title')}</th><th>{t('events.status')}</th><th>{t('events.startsAt')}</th><th>{t('events.venue')}</th><th className="num">{t('events.available')}</th><th>{t('events.actions')}</th></tr>
            </thead>
            <tbody>
              {shown.map((event) => (
                <EventRow key={event.id} event={event} onCancel={() => setCancelling(event)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cancelling && <CancelDialog event={cancelling} onClose={() => setCancelling(null)} />}
    </section>
  );
}

function EventRow({ event, onCancel }: { event: AdminEvent; onCancel: () => void }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const action = useMutation({
    mutationFn: (what: 'open-sale' | 'close-sale') => adminApi.eventAction(event.id, what),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'events'] }),
  });
  const exportCsv = useMutation({ mutationFn: () => downloadBookingsCsv(event.id) });
  const closed = event.status === 'CANCELLED' || event.status === 'ENDED';
  return (
    <tr>
      <td><Link to={`/admin/events/${event.id}`}>{event.title}</Link><div className="muted">{event.artist}</div></td>
      <td><StatusBadge status={event.status} /></td>
      <td>{when(event.startsAt)}</td>
      <td>{event.venue.name} · {event.hall.name}</td>
      <td className="num">{num(event.availableCount)} / {num(event.seatCount)}</td>
      <td>
        <div className="row">
          {event.status === 'ON_SALE' ? (
            <button type="button" className="secondary small" disabled={action.isPending} onClick={() => action.mutate('close-sale')}>{t('events.closeSale')}</button>
          ) : (
            !closed && <button type="button" className="small" disabled={action.isPending} onClick={() => action.mutate('open-sale')}>{t('events.openSale')}</button>
          )}
          {!closed && <button type="button" className="danger small" onClick={onCancel}>{t('events.cancelEvent')}</button>}
          <button type="button" className="secondary small" disabled={exportCsv.isPending} onClick={() => exportCsv.mutate()}>{t('events.exportCsv')}</button>
          <Link className="button secondary small" to={`/admin/reservations?eventId=${event.id}`}>{t('events.bookings')}</Link>
        </div>
        <ProblemMessage error={action.error ?? exportCsv.error} />
      </td>
    </tr>
  );
}

/** Cancelling is final and reaches buyers: the dialog says what happens, and the answer shows what did. */
function CancelDialog({ event, onClose }: { event: AdminEvent; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useMutation({
    mutationFn: () => adminApi.eventAction(event.id, 'cancel'),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'events'] }),
  });
  const ref = (element: HTMLDialogElement | null) => {
    (dialog as { current: HTMLDialogElement | null }).current = element;
    if (element && !element.open) element.showModal?.();
  };
  return (
    <dialog ref={ref} aria-labelledby="cancel-title" onClose={onClose}>
      <div className="stack">
        <h2 id="cancel-title">{t('events.cancelTitle', { title: event.title })}</h2>
        {cancel.data ? (
          <p className="notice-ok" role="status">{t('events.cancelled', { status: t(`status.${cancel.data.status}`) })}</p>
        ) : (
          <p>{t('events.cancelExplain')}</p>
        )}
        <ProblemMessage error={cancel.error} />
        <div className="row">
          {!cancel.data && (
            <button type="button" className="danger" disabled={cancel.isPending} onClick={() => cancel.mutate()}>{t('events.confirmCancel')}</button>
          )}
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>{cancel.data ? t('close') : t('events.keep')}</button>
        </div>
      </div>
    </dialog>
  );
}
