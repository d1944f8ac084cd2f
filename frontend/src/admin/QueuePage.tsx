import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { adminApi, type QueueStats } from './adminApi';
import { FormProblem, num, useFieldErrors } from './ui';

/** One event's waiting room: live figures (polled every two seconds), pause/resume and the admission policy. */
export default function QueuePage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const events = useQuery({ queryKey: ['admin', 'events', 'ON_SALE'], queryFn: () => adminApi.events('ON_SALE', 0) });
  const eventId = params.get('eventId') ?? events.data?.content[0]?.id ?? '';
  return (
    <section className="stack" aria-labelledby="queue-title">
      <h1 id="queue-title">{t('queue.title')}</h1>
      <label style={{ maxWidth: '30rem' }}>
        {t('queue.event')}
        <select value={eventId} onChange={(e) => setParams({ eventId: e.target.value })}>
          {events.data?.content.length === 0 && <option value="">{t('dashboard.noOnSale')}</option>}
          {events.data?.content.map((event) => <option key={event.id} value={event.id}>{event.title}</option>)}
        </select>
      </label>
      <ProblemMessage error={events.error} />
      {eventId && <Room key={eventId} eventId={eventId} />}
    </section>
  );
}

function Room({ eventId }: { eventId: string }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const key = ['admin', 'queue', eventId];
  const stats = useQuery({ queryKey: key, queryFn: () => adminApi.queueStats(eventId), refetchInterval: 2000 });
  const onStats = (next: QueueStats) => client.setQueryData(key, next);
  const toggle = useMutation({ mutationFn: (pause: boolean) => (pause ? adminApi.pauseQueue(eventId) : adminApi.resumeQueue(eventId)), onSuccess: onStats });
  if (!stats.data) return <ProblemMessage error={stats.error} />;
  const s = stats.data;
  return (
    <div className="stack">
      <dl className="kpis" aria-live="off">
        <div className="kpi"><dt>{t('queue.waiting')}</dt><dd data-testid="queue-waiting">{num(s.waiting)}</dd></div>
        <div className="kpi"><dt>{t('queue.active')}</dt><dd>{num(s.active)}</dd></div>
        <div className="kpi"><dt>{t('queue.admitted')}</dt><dd>{num(s.admitted)}</dd></div>
        <div className="kpi"><dt>{t('dashboard.ratePerSecond')}</dt><dd>{s.admissionsPerSecond.toFixed(1)}</dd></div>
        <div className="kpi"><dt>{t('queue.paused')}</dt><dd>{s.paused ? t('queue.pausedYes') : t('queue.pausedNo')}</dd></div>
      </dl>
      <p className="live">● {t('dashboard.live')}</p>
      <div className="row">
        {s.paused ? (
          <button type="button" disabled={toggle.isPending} onClick={() => toggle.mutate(false)}>{t('queue.resume')}</button>
        ) : (
          <button type="button" className="danger" disabled={toggle.isPending} onClick={() => toggle.mutate(true)}>{t('queue.pause')}</button>
        )}
      </div>
      <ProblemMessage error={toggle.error} />
      <PolicyForm eventId={eventId} policy={s.policy} onStats={onStats} />
    </div>
  );
}

function PolicyForm({ eventId, policy, onStats }: { eventId: string; policy: QueueStats['policy']; onStats: (s: QueueStats) => void }) {
  const { t } = useTranslation('admin');
  const [type, setType] = useState(policy.type);
  const [rate, setRate] = useState(String(policy.ratePerSecond ?? ''));
  const [maxActive, setMaxActive] = useState(String(policy.maxActive ?? ''));
  const save = useMutation({
    mutationFn: () =>
      adminApi.queuePolicy(eventId, {
        type,
        ...(rate.trim() ? { ratePerSecond: Number(rate) } : {}),
        ...(maxActive.trim() ? { maxActive: Number(maxActive) } : {}),
      }),
    onSuccess: onStats,
  });
  const errors = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <h2>{t('queue.policy')}</h2>
      <div className="form-grid">
        <label>{t('queue.policyType')}
          <select value={type} onChange={(e) => setType(e.target.value as QueueStats['policy']['type'])}>
            <option value="FIXED_RATE">{t('queue.FIXED_RATE')}</option>
            <option value="CAPACITY">{t('queue.CAPACITY')}</option>
          </select>
        </label>
        <label>{t('queue.ratePerSecond')}
          <input inputMode="numeric" value={rate} onChange={(e) => setRate(e.target.value)} aria-invalid={errors.ratePerSecond ? true : undefined} />
          {errors.ratePerSecond && <span className="field-error">{errors.ratePerSecond}</span>}
        </label>
        <label>{t('queue.maxActive')}
          <input inputMode="numeric" value={maxActive} onChange={(e) => setMaxActive(e.target.value)} aria-invalid={errors.maxActive ? true : undefined} />
          {errors.maxActive && <span className="field-error">{errors.maxActive}</span>}
        </label>
      </div>
      <p className="muted">{t('queue.policyHint')}</p>
      <FormProblem error={save.error} />
      {save.isSuccess && <p className="notice-ok" role="status">{t('queue.saved')}</p>}
      <div><button type="submit" disabled={save.isPending}>{t('save')}</button></div>
    </form>
  );
}
