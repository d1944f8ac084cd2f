import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useEvent } from '../events/eventsApi';
import { api } from '../shared/api/http';
import { isProblem } from '../shared/api/problem';
import { formatKrw } from '../shared/format';
import { Countdown } from '../shared/ui/Countdown';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { readAdmission, type AdmissionState } from '../queue/admission';
import type { QueueStatus } from '../queue/waitingRoom';
import { changeSeats, findPendingHold, holdSeats, releaseHold, seatLayoutQuery, takenSeats } from './holds';
import type { Reservation } from '../shared/api/schemas';
import type { CheckoutState } from '../checkout/checkoutState';
import { forgetHold, rememberedHold, rememberHold } from './holdMemory';
import { buildGeometry, describeSeat, type SeatGeometry } from './layout';
import { gradeColours } from './renderer';
import { SeatCanvas } from './SeatCanvas';
import { SeatPicker } from './SeatPicker';
import { HELD, SeatStatusStore, SOLD } from './seatStatus';
import { stillAvailable, toggleSeat } from './selection';
import { useLiveSeats } from './useLiveSeats';
import './seatmap.css';

type Notice = { kind: 'problem'; error: unknown } | { kind: 'info' | 'warn'; text: string };

/** The admission from the waiting room's router state, else (a reload) from the queue's status. */
function useAdmission(eventId: string): AdmissionState | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [admission, setAdmission] = useState(() => readAdmission(location.state));
  useEffect(() => {
    if (admission) return;
    let cancelled = false;
    api<QueueStatus>(`/queue/${eventId}/status`)
      .then((status) => {
        if (cancelled) return;
        if (status.status === 'ADMITTED' && status.admissionToken) setAdmission({ admissionToken: status.admissionToken });
        else navigate(`/events/${eventId}/queue`, { replace: true });
      })
      .catch(() => !cancelled && navigate(`/events/${eventId}/queue`, { replace: true }));
    return () => {
      cancelled = true;
    };
  }, [admission, eventId, navigate]);
  return admission;
}

export default function SeatMapPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation('seatmap');
  const admission = useAdmission(eventId);
  const layout = useQuery(seatLayoutQuery(eventId));
  const event = useEvent(eventId);
  const geometry = useMemo(() => (layout.data ? buildGeometry(layout.data) : null), [layout.data]);

  return (
    <section className="seatmap-page">
      <div className="page-heading">
        <h1>{t('title')}</h1>
        <p className="muted">{event.data?.title ?? '\u00a0'}</p>
      </div>
      {layout.error ? (
        <ProblemMessage error={layout.error} />
      ) : !geometry || !admission ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <SeatMap eventId={eventId} geometry={geometry} admission={admission} />
      )}
    </section>
  );
}

function SeatMap({ eventId, geometry, admission }: { eventId: string; geometry: SeatGeometry; admission: AdmissionState }) {
  const { t } = useTranslation('seatmap');
  const navigate = useNavigate();
  const store = useMemo(() => new SeatStatusStore(geometry), [geometry]);
  const live = useLiveSeats(eventId, store);
  const [version, setVersion] = useState(0);
  const [selection, setSelection] = useState<number[]>([]);
  const [hold, setHold] = useState<Reservation | null>(() => rememberedHold(eventId)?.reservation ?? null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [admissionInvalid, setAdmissionInvalid] = useState(false);
  const [working, setWorking] = useState(false);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const indexOf = useCallback((ids: string[]) => ids.map((id) => geometry.indexOf.get(id)).filter((i): i is number => i !== undefined), [geometry]);
  const own = useMemo(() => new Set(hold ? indexOf(hold.seats.map((seat) => seat.seatId)) : []), [hold, indexOf]);
  const picked = useMemo(() => new Set(selection), [selection]);

  // a held hold starts as the selection, so that changing it means editing what is shown
  useEffect(() => {
    if (hold) setSelection(indexOf(hold.seats.map((seat) => seat.seatId)));
  }, [hold, indexOf]);

  useEffect(() => () => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
  }, []);

  // stream updates re-render the panel at most four times a second; the canvas itself redraws per frame
  const onStatesChanged = useCallback(() => {
    if (refreshTimer.current) return;
    refreshTimer.current = setTimeout(() => {
      refreshTimer.current = null;
      setVersion((v) => v + 1);
    }, 250);
  }, []);

  useEffect(() => {
    setSelection((current) => {
      const kept = stillAvailable(current, store, own);
      if (kept.length === current.length) return current;
      setNotice({ kind: 'warn', text: t('lostWhilePicking', { count: current.length - kept.length }) });
      return kept;
    });
  }, [version, store, own, t]);

  const pick = useCallback(
    (seat: number) => {
      setSelection((current) => {
        const result = toggleSeat(current, seat, store, own);
        if (result.refused) setNotice({ kind: 'warn', text: t(`refused.${result.refused}`, { max: 4 }) });
        else setNotice(null);
        return result.selection;
      });
    },
    [store, own, t],
  );

  const add = (seats: number[]) => {
    setNotice(null);
    setSelection((current) => [...current, ...seats.filter((seat) => !current.includes(seat))].slice(0, 4));
  };

  const failed = async (error: unknown) => {
    const taken = takenSeats(error);
    if (taken.length > 0) {
      store.markTaken(taken);
      const takenIndexes = new Set(indexOf(taken.map((seat) => seat.seatId)));
      setSelection((current) => current.filter((seat) => !takenIndexes.has(seat)));
      setVersion((v) => v + 1);
      const names = [...takenIndexes].map((seat) => t('seatName', { ...describeSeat(geometry, seat) })).join(', ');
      setNotice({ kind: 'warn', text: t('problems.seatsUnavailable', { seats: names }) });
    } else if (isProblem(error, 'admission-token-invalid')) {
      setAdmissionInvalid(true);
    } else if (isProblem(error, 'hold-exists')) {
      const existing = await findPendingHold(eventId).catch(() => null);
      if (existing) {
        rememberHold(eventId, existing, null);
        setHold(existing);
      }
      setNotice({ kind: 'info', text: t('problems.holdExists') });
    } else if (isProblem(error, 'hold-expired') || isProblem(error, 'reservation-not-pending')) {
      forgetHold(eventId);
      setHold(null);
      setNotice({ kind: 'warn', text: t('problems.holdOver') });
    } else {
      setNotice({ kind: 'problem', error });
    }
  };

  const run = async (action: () => Promise<void>) => {
    setWorking(true);
    setNotice(null);
    try {
      await action();
    } catch (error) {
      await failed(error);
    } finally {
      setWorking(false);
    }
  };

  const seatIds = () => selection.map((seat) => geometry.seatIds[seat]!);

  const holdSelected = () =>
    run(async () => {
      const result = await holdSeats(eventId, seatIds(), admission.admissionToken);
      const handoff: CheckoutState = { paymentToken: result.paymentToken, paymentTokenExpiresAt: result.paymentTokenExpiresAt };
      rememberHold(eventId, result.reservation, handoff);
      setHold(result.reservation);
      navigate(`/checkout/${result.reservation.id}`, { state: handoff });
    });

  const change = () =>
    run(async () => {
      const reservation = await changeSeats(hold!.id, seatIds());
      rememberHold(eventId, reservation, null);
      setHold(reservation);
      setNotice({ kind: 'info', text: t('changed') });
    });

  const release = () =>
    run(async () => {
      await releaseHold(hold!.id);
      forgetHold(eventId);
      setHold(null);
      setSelection([]);
      setNotice({ kind: 'info', text: t('released') });
    });

  const toPayment = () => {
    const handoff = rememberedHold(eventId)?.handoff;
    navigate(`/checkout/${hold!.id}`, handoff ? { state: handoff } : {});
  };

  const holdExpired = useCallback(() => {
    forgetHold(eventId);
    setHold(null);
    setSelection([]);
    setNotice({ kind: 'warn', text: t('problems.holdOver') });
  }, [eventId, t]);

  const sameAsHold = hold !== null && selection.length === own.size && selection.every((seat) => own.has(seat));
  const colours = useMemo(() => gradeColours(geometry.grades, getComputedStyle(document.documentElement)), [geometry]);
  const taken = useMemo(() => {
    const counts = { held: 0, sold: 0 };
    for (const state of store.states) {
      if (state === HELD) counts.held++;
      else if (state === SOLD) counts.sold++;
    }
    return counts;
  }, [store, version]);

  if (admissionInvalid) {
    return (
      <div className="card stack narrow-card">
        <div role="alert" className="problem">{t('problems.admissionInvalid')}</div>
        <Link className="button" to={`/events/${eventId}/queue`}>{t('backToQueue')}</Link>
      </div>
    );
  }

  return (
    <div className="seatmap-layout">
      <div className="seatmap-main stack">
        <ul className="seat-legend" aria-label={t('legend.label')}>
          {geometry.grades.map((grade, index) => (
            <li key={grade.grade}>
              <span className="swatch" style={{ background: colours[index] }} aria-hidden="true" />
              {grade.grade} {formatKrw(grade.price)}
            </li>
          ))}
          <li><span className="swatch held" aria-hidden="true" />{t('legend.held', { count: taken.held })}</li>
          <li><span className="swatch sold" aria-hidden="true" />{t('legend.sold', { count: taken.sold })}</li>
          <li><span className="swatch mine" aria-hidden="true" />{t('legend.mine')}</li>
        </ul>
        <SeatCanvas geometry={geometry} store={store} picked={picked} onPick={pick} onStatesChanged={onStatesChanged} />
        <p className="muted small-print">
          <span className={live ? 'live-dot on' : 'live-dot'} aria-hidden="true" /> {live ? t('live') : t('reconnecting')} · {t('canvasHelp')}
        </p>
      </div>
      <aside className="seatmap-side stack" aria-label={t('panel')}>
        <div aria-live="polite">
          {notice?.kind === 'problem' && <ProblemMessage error={notice.error} />}
          {notice && notice.kind !== 'problem' && (
            <p className={notice.kind === 'warn' ? 'notice-warn' : 'notice-ok'} role="status">{notice.text}</p>
          )}
        </div>
        {hold?.holdExpiresAt && (
          <div className="card stack hold-panel">
            <p className="row hold-countdown">
              <span>{t('hold.countdown')}</span>
              <Countdown deadline={hold.holdExpiresAt} label={t('hold.countdown')} onExpire={holdExpired} />
            </p>
            <p>{t('hold.summary', { count: hold.seats.length, total: formatKrw(hold.totalAmount) })}</p>
            <div className="row">
              <button type="button" onClick={toPayment} disabled={working || !sameAsHold}>{t('hold.pay')}</button>
              <button type="button" className="secondary" onClick={() => void change()} disabled={working || sameAsHold || selection.length === 0}>
                {t('hold.change')}
              </button>
              <button type="button" className="secondary" onClick={() => void release()} disabled={working}>{t('hold.release')}</button>
            </div>
          </div>
        )}
        {!hold && (
          <button type="button" className="hold-button" onClick={() => void holdSelected()} disabled={working || selection.length === 0}>
            {t('holdSelected', { count: selection.length })}
          </button>
        )}
        <SeatPicker geometry={geometry} store={store} version={version} selection={selection} own={own} onAdd={add} onRemove={pick} />
      </aside>
    </div>
  );
}
