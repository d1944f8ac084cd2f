import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { adminApi, type Venue } from './adminApi';
import { FormProblem, num, useFieldErrors } from './ui';

/** Venues with their halls; a venue is added or renamed here, a hall is built in the seat-template editor. */
export default function VenuesPage() {
  const { t } = useTranslation('admin');
  const venues = useQuery({ queryKey: ['admin', 'venues'], queryFn: adminApi.venues });
  const [editing, setEditing] = useState<Venue | null>(null);
  return (
    <section className="stack" aria-labelledby="venues-title">
      <h1 id="venues-title">{t('venues.title')}</h1>
      <VenueForm key={editing?.id ?? 'new'} venue={editing} onDone={() => setEditing(null)} />
      <ProblemMessage error={venues.error} />
      {venues.data?.content.map((venue) => (
        <VenueCard key={venue.id} venue={venue} onEdit={() => setEditing(venue)} />
      ))}
    </section>
  );
}

function VenueForm({ venue, onDone }: { venue: Venue | null; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const [fields, setFields] = useState({ name: venue?.name ?? '', city: venue?.city ?? '', address: venue?.address ?? '' });
  const save = useMutation({
    mutationFn: () => (venue ? adminApi.updateVenue(venue.id, fields) : adminApi.createVenue(fields)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['admin', 'venues'] });
      if (!venue) setFields({ name: '', city: '', address: '' });
      onDone();
    },
  });
  const errors = useFieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const field = (name: 'name' | 'city' | 'address') => (
    <label>
      {t(`venues.${name}`)}
      <input
        value={fields[name]}
        required={name !== 'address'}
        aria-invalid={errors[name] ? true : undefined}
        onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
      />
      {errors[name] && <span className="field-error">{errors[name]}</span>}
    </label>
  );
  return (
    <form className="card stack" onSubmit={submit} aria-label={venue ? t('venues.edit') : t('venues.add')}>
      <h2>{venue ? t('venues.edit') : t('venues.add')}</h2>
      <div className="form-grid">{field('name')}{field('city')}{field('address')}</div>
      <FormProblem error={save.error} />
      <div className="row">
        <button type="submit" disabled={save.isPending}>{venue ? t('save') : t('venues.add')}</button>
        {venue && <button type="button" className="secondary" onClick={onDone}>{t('cancel')}</button>}
      </div>
    </form>
  );
}

function VenueCard({ venue, onEdit }: { venue: Venue; onEdit: () => void }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const halls = useQuery({ queryKey: ['admin', 'halls', venue.id], queryFn: () => adminApi.halls(venue.id) });
  const remove = useMutation({
    mutationFn: () => adminApi.deleteVenue(venue.id),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'venues'] }),
  });
  return (
    <article className="card stack" aria-labelledby={`venue-${venue.id}`}>
      <div className="row">
        <h2 id={`venue-${venue.id}`} style={{ margin: 0 }}>{venue.name}</h2>
        <span className="muted">{venue.city} · {venue.address}</span>
        <span style={{ marginLeft: 'auto' }} className="row">
          <button type="button" className="secondary small" onClick={onEdit}>{t('edit')}</button>
          <button type="button" className="secondary small" onClick={() => window.confirm(t('venues.confirmDelete', { name: venue.name })) && remove.mutate()}>{t('delete')}</button>
        </span>
      </div>
      <ProblemMessage error={remove.error ?? halls.error} />
      <ul>
        {halls.data?.map((hall) => (
          <li key={hall.id}>
            <Link to={`/admin/halls/${hall.id}`}>{hall.name}</Link> <span className="muted">{t('venues.seats', { count: hall.seatCount, formatted: num(hall.seatCount) })}</span>
          </li>
        ))}
      </ul>
      <div><Link className="button secondary small" to={`/admin/venues/${venue.id}/halls/new`}>{t('venues.addHall')}</Link></div>
    </article>
  );
}
