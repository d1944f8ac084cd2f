import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useEvent } from '../events/eventsApi';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { seatLayoutQuery } from '../seatmap/holds';
import type { AdmissionState } from './admission';
import { useWaitingRoom } from './useWaitingRoom';
import { isStalled, type RoomState } from './waitingRoom';
import './waitingRoom.css';

export default function WaitingRoomPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation('queue');
  const navigate = useNavigate();
  const { state, busySeconds, leave, enterAgain } = useWaitingRoom(eventId);
  const event = useEvent(eventId);

  // while the buyer waits, the seat map's code and the hall's layout (a megabyte for a large hall) load, so the
  // map opens at once on admission
  const queryClient = useQueryClient();
  const waiting = state.phase === 'waiting' || state.phase === 'admitted';
  useEffect(() => {
    if (!waiting) return;
    void import('../seatmap/SeatMapPage');
    void queryClient.prefetchQuery(seatLayoutQuery(eventId));
  }, [waiting, eventId, queryClient]);

  useEffect(() => {
    if (state.phase !== 'admitted' || !state.status.admissionToken) return;
    const admission: AdmissionState = { admissionToken: state.status.admissionToken };
    if (state.status.admissionExpiresAt) admission.admissionExpiresAt = state.status.admissionExpiresAt;
    navigate(`/events/${eventId}/seats`, { replace: true, state: admission });
  }, [state, eventId, navigate]);

  return (
    <section className="page narrow stack waiting-room">
      <div className="page-heading">
        <h1>{t('title')}</h1>
        <p className="muted">{event.data?.title ?? '\u00a0'}</p>
      </div>
      {busySeconds !== null && <p className="notice-warn" role="status">{t('common:busy', { seconds: busySeconds })}</p>}
      <RoomBody state={state} eventId={eventId} onLeave={() => void leave()} onEnterAgain={enterAgain} />
    </section>
  );
}

function RoomBody({ state, eventId, onLeave, onEnterAgain }: { state: RoomState; eventId: string; onLeave: () => void; onEnterAgain: () => void }) {
  const { t } = useTranslation('queue');
  switch (state.phase) {
    case 'entering':
      return <p role="status">{t('entering')}</p>;
    case 'admitted':
      return <p className="notice-ok" role="status">{t('admitted')}</p>;
    case 'waiting':
      return <Waiting state={state} onLeave={onLeave} />;
    case 'left':
      return (
        <div className="card stack">
          <p role="status">{t('left')}</p>
          <div className="row">
            <button type="button" onClick={onEnterAgain}>{t('enterAgain')}</button>
            <Link className="button secondary" to={`/events/${eventId}`}>{t('backToEvent')}</Link>
          </div>
        </div>
      );
    case 'refused':
      return (
        <div className="card stack">
          <div role="alert" className="problem" data-code={state.code}>{t(`refused.${state.code}`)}</div>
          <div className="row">
            {state.code === 'queue-full' && <button type="button" onClick={onEnterAgain}>{t('tryAgain')}</button>}
            <Link className="button secondary" to={`/events/${eventId}`}>{t('backToEvent')}</Link>
          </div>
        </div>
      );
    case 'failed':
      return (
        <div className="card stack">
          <ProblemMessage error={state.error} />
          <button type="button" onClick={onEnterAgain}>{t('tryAgain')}</button>
        </div>
      );
  }
}

function Waiting({ state, onLeave }: { state: Extract<RoomState, { phase: 'waiting' }>; onLeave: () => void }) {
  const { t } = useTranslation('queue');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, []);
  const { status } = state;
  const waitMinutes = Math.max(1, Math.ceil((status.estimatedWaitSeconds ?? 0) / 60));
  const done = status.totalWaiting > 0 && status.position ? 1 - (status.position - 1) / status.totalWaiting : 0;
  return (
    <div className="card stack">
      <div className="queue-position" aria-live="polite" aria-atomic="true">
        <span className="muted">{t('position')}</span>
        <strong data-testid="queue-position">{status.position?.toLocaleString() ?? '-'}</strong>
        <span>{t('ahead', { count: status.ahead, formatted: status.ahead.toLocaleString() })}</span>
      </div>
      <progress max={1} value={done} aria-label={t('progress')} />
      <dl className="queue-facts">
        <dt>{t('estimatedWait')}</dt>
        <dd>{(status.estimatedWaitSeconds ?? 0) < 60 ? t('underAMinute') : t('minutes', { count: waitMinutes })}</dd>
        <dt>{t('totalWaiting')}</dt>
        <dd>{status.totalWaiting.toLocaleString()}</dd>
        <dt>{t('updates')}</dt>
        <dd>{state.channel === 'stream' ? t('live') : t('polling')}</dd>
      </dl>
      {isStalled(state, now) && <p className="notice-warn" role="status">{t('stalled')}</p>}
      <p className="muted">{t('keepPlace')}</p>
      <button type="button" className="secondary" onClick={onLeave}>{t('leave')}</button>
    </div>
  );
}
