import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKrw } from '../shared/format';
import { describeSeat, type SeatGeometry } from './layout';
import { FREE, type SeatStatusStore } from './seatStatus';
import { bestAvailable, MAX_SEATS } from './selection';

interface Props {
  geometry: SeatGeometry;
  store: SeatStatusStore;
  /** Changes whenever the store's states did, so counts and lists are recomputed. */
  version: number;
  selection: number[];
  own: ReadonlySet<number>;
  onAdd: (seats: number[]) => void;
  onRemove: (seat: number) => void;
}

/**
 * Everything the canvas does, with a keyboard and a screen reader: the best free seats of a grade, or one
 * seat chosen by section, row and number; and the picked seats, each removable.
 */
export function SeatPicker({ geometry, store, version, selection, own, onAdd, onRemove }: Props) {
  const { t } = useTranslation('seatmap');
  const id = useId();
  const [grade, setGrade] = useState(0);
  const [count, setCount] = useState(2);
  const [section, setSection] = useState(0);
  const [row, setRow] = useState(0);
  const [seat, setSeat] = useState(-1);
  const [notFound, setNotFound] = useState(false);
  const room = MAX_SEATS - selection.length;
  const isFree = (s: number) => store.state(s) === FREE || own.has(s);

  const freeByGrade = useMemo(() => {
    const counts = geometry.grades.map(() => 0);
    for (let s = 0; s < geometry.seatIds.length; s++) if (store.state(s) === FREE) counts[geometry.gradeOf[s]!]!++;
    return counts;
  }, [geometry, store, version]);

  const sectionGeometry = geometry.sections[section];
  const rowIndex = (sectionGeometry?.firstRow ?? 0) + row;
  const rowGeometry = geometry.rows[rowIndex];
  const seatsOfRow = rowGeometry
    ? Array.from({ length: rowGeometry.count }, (_, n) => rowGeometry.firstSeat + n).filter((s) => isFree(s) && !selection.includes(s))
    : [];
  const chosenSeat = seatsOfRow.includes(seat) ? seat : (seatsOfRow[0] ?? -1);

  const pickBest = () => {
    const found = bestAvailable(geometry, store, grade, Math.min(count, room));
    setNotFound(found.length === 0);
    if (found.length > 0) onAdd(found);
  };

  return (
    <div className="seat-picker stack">
      <fieldset className="card stack">
        <legend>{t('best.title')}</legend>
        <div className="row picker-fields">
          <label>
            {t('best.grade')}
            <select value={grade} onChange={(event) => setGrade(Number(event.target.value))}>
              {geometry.grades.map((g, index) => (
                <option key={g.grade} value={index}>
                  {t('best.gradeOption', { grade: g.grade, price: formatKrw(g.price), count: freeByGrade[index] ?? 0 })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('best.count')}
            <select value={count} onChange={(event) => setCount(Number(event.target.value))}>
              {Array.from({ length: MAX_SEATS }, (_, n) => n + 1).map((n) => (
                <option key={n} value={n}>{t('seatCount', { count: n })}</option>
              ))}
            </select>
          </label>
        </div>
        <button type="button" onClick={pickBest} disabled={room <= 0}>{t('best.pick')}</button>
        {notFound && <p role="status" className="notice-warn">{t('best.none')}</p>}
      </fieldset>

      <fieldset className="card stack">
        <legend>{t('manual.title')}</legend>
        <div className="row picker-fields">
          <label>
            {t('manual.section')}
            <select value={section} onChange={(event) => { setSection(Number(event.target.value)); setRow(0); }}>
              {geometry.sections.map((s, index) => <option key={s.name} value={index}>{s.name}</option>)}
            </select>
          </label>
          <label>
            {t('manual.row')}
            <select value={row} onChange={(event) => setRow(Number(event.target.value))}>
              {geometry.rows.slice(sectionGeometry?.firstRow ?? 0, (sectionGeometry?.firstRow ?? 0) + (sectionGeometry?.rowCount ?? 0)).map((r, index) => (
                <option key={r.label} value={index}>{r.label}</option>
              ))}
            </select>
          </label>
          <label>
            {t('manual.seat')}
            <select value={chosenSeat} onChange={(event) => setSeat(Number(event.target.value))} disabled={seatsOfRow.length === 0}>
              {seatsOfRow.map((s) => <option key={s} value={s}>{describeSeat(geometry, s).number}</option>)}
            </select>
          </label>
        </div>
        {rowGeometry && (
          <p className="muted">{t('manual.rowInfo', { grade: geometry.grades[rowGeometry.grade]?.grade, price: formatKrw(rowGeometry.price), count: seatsOfRow.length })}</p>
        )}
        <button type="button" className="secondary" onClick={() => onAdd([chosenSeat])} disabled={chosenSeat < 0 || room <= 0}>
          {t('manual.add')}
        </button>
      </fieldset>

      <section className="card stack" aria-labelledby={`${id}-picked`}>
        <h2 id={`${id}-picked`}>{t('picked.title', { count: selection.length, max: MAX_SEATS })}</h2>
        {selection.length === 0 ? (
          <p className="muted">{t('picked.none')}</p>
        ) : (
          <ul className="picked-seats">
            {selection.map((s) => {
              const label = describeSeat(geometry, s);
              const name = t('seatName', { ...label });
              return (
                <li key={s}>
                  <span>{name} · {label.grade} · {formatKrw(label.price)}</span>
                  <button type="button" className="link-button" onClick={() => onRemove(s)} aria-label={t('picked.remove', { seat: name })}>
                    {t('picked.removeShort')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <p className="picked-total">
          {t('picked.total')} <strong>{formatKrw(selection.reduce((sum, s) => sum + describeSeat(geometry, s).price, 0))}</strong>
        </p>
      </section>
    </div>
  );
}
