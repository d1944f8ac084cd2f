import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { adminApi, CATEGORIES, type AdminEvent, type EventRequest } from './adminApi';
import { seoulLocalToUtcIso, utcIsoToSeoulLocal } from './time';
import { FormProblem, StatusBadge, useFieldErrors } from './ui';

const TIMES = ['startsAt', 'endsAt', 'saleStartsAt', 'saleEndsAt'] as const;
type Fields = Record<'title' | 'artist' | 'description' | 'category' | 'venueId' | 'hallId' | 'posterUrl' | (typeof TIMES)[number], string>;

function fieldsOf(event: AdminEvent | undefined): Fields {
  return {
    title: event?.title ?? '',
    artist: event?.artist ?? '',
    description: event?.description ?? '',
    category: event?.category ?? 'CONCERT',
    venueId: event?.venue.id ?? '',
    hallId: event?.hall.id ?? '',
    posterUrl: event?.posterUrl ?? '',
    startsAt: event ? utcIsoToSeoulLocal(event.startsAt) : '',
    endsAt: event ? utcIsoToSeoulLocal(event.endsAt) : '',
    saleStartsAt: event ? utcIsoToSeoulLocal(event.saleStartsAt) : '',
    saleEndsAt: event ? utcIsoToSeoulLocal(event.saleEndsAt) : '',
  };
}

/** The request sent: Seoul wall-clock times as UTC instants, blanks as nulls. */
export function eventRequestOf(fields: Fields, creating: boolean): EventRequest {
  return {
    title: fields.title,
    artist: fields.artist,
    description: fields.description.trim() || null,
    category: fields.category,
    ...(creating || fields.hallId ? { hallId: fields.hallId } : {}),
    startsAt: seoulLocalToUtcIso(fields.startsAt) ?? '',
    endsAt: seoulLocalToUtcIso(fields.endsAt) ?? '',
    saleStartsAt: seoulLocalToUtcIso(fields.saleStartsAt) ?? '',
    saleEndsAt: seoulLocalToUtcIso(fields.saleEndsAt) ?? '',
    posterUrl: fields.posterUrl.trim() || null,
  };
}

export default function EventFormPage() {
  const { eventId } = useParams();
  const { t } = useTranslation('admin');
  const event = useQuery({ queryKey: ['admin', 'event', eventId], queryFn: () => adminApi.event(eventId!), enabled: !!eventId });
  if (eventId && !event.data) return event.error ? <ProblemMessage error={event.error} /> : <p className="muted">{t('common:loading')}</p>;
  return <EventForm key={eventId ?? 'new'} event={event.data} />;
}

function EventForm({ event }: { event: AdminEvent | undefined }) {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const client = useQueryClient();
  const justCreated = (useLocation().state as { created?: boolean } | null)?.created === true;
  const [fields, setFields] = useState(() => fieldsOf(event));
  const venues = useQuery({ queryKey: ['admin', 'venues'], queryFn: adminApi.venues });
  const halls = useQuery({ queryKey: ['admin', 'halls', fields.venueId], queryFn: () => adminApi.halls(fields.venueId), enabled: !!fields.venueId });
  const save = useMutation({
    mutationFn: () => (event ? adminApi.updateEvent(event.id, eventRequestOf(fields, false)) : adminApi.createEvent(eventRequestOf(fields, true))),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['admin', 'events'] });
      client.setQueryData(['admin', 'event', saved.id], saved);
      if (!event) void navigate(`/admin/events/${saved.id}`, { replace: true, state: { created: true } });
    },
  });
  const errors = useFieldErrors(save.error);
  const set = (name: keyof Fields) => (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value });
  const input = (name: keyof Fields, type = 'text', extra: Record<string, unknown> = {}) => (
    <label key={name}>
      {t(`events.${name}`)}
      <input type={type} value={fields[name]} onChange={set(name)} aria-invalid={errors[name] ? true : undefined} {...extra} />
      {errors[name] && <span className="field-error">{errors[name]}</span>}
    </label>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <section className="stack" aria-labelledby="event-form-title">
      <div className="row">
        <h1 id="event-form-title" style={{ margin: 0 }}>{event ? t('events.editTitle') : t('events.newTitle')}</h1>
        {event && <StatusBadge status={event.status} />}
      </div>
      <form className="card stack" onSubmit={submit} noValidate>
        <div className="form-grid">
          {input('title', 'text', { required: true })}
          {input('artist', 'text', { required: true })}
          <label>
            {t('events.category')}
            <select value={fields.category} onChange={set('category')}>
              {CATEGORIES.map((c) => <option key={c} value={c}>{t(`category.${c}`)}</option>)}
            </select>
          </label>
          <label>
            {t('events.venueId')}
            <select value={fields.venueId} onChange={(e) => setFields({ ...fields, venueId: e.target.value, hallId: '' })} disabled={!!event} required>
              <option value="">{t('events.choose')}</option>
              {venues.data?.content.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          </label>
          <label>
            {t('events.hallId')}
            <select value={fields.hallId} onChange={set('hallId')} disabled={!!event} aria-invalid={errors.hallId ? true : undefined} required>
              <option value="">{t('events.choose')}</option>
              {halls.data?.map((h) => <option key={h.id} value={h.id}>{h.name} ({h.seatCount})</option>)}
            </select>
            {errors.hallId && <span className="field-error">{errors.hallId}</span>}
          </label>
          {TIMES.map((name) => input(name, 'datetime-local', { required: true }))}
          {input('posterUrl', 'url')}
        </div>
        <p className="hint muted">{t('events.timesHint')}</p>
        <label>
          {t('events.description')}
          <textarea rows={4} value={fields.description} onChange={set('description')} aria-invalid={errors.description ? true : undefined} />
          {errors.description && <span className="field-error">{errors.description}</span>}
        </label>
        <FormProblem error={save.error} />
        {(save.isSuccess || (justCreated && save.isIdle)) && <p className="notice-ok" role="status">{t('events.saved')}</p>}
        <div className="row">
          <button type="submit" disabled={save.isPending}>{event ? t('save') : t('events.create')}</button>
          <Link to="/admin/events" className="button secondary">{t('back')}</Link>
        </div>
      </form>
    </section>
  );
}
