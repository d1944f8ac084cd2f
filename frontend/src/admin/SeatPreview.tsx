import { useTranslation } from 'react-i18next';
import { GRADES, rowGrade, seatCounts, type TemplateForm } from './templateModel';

const CELL = 6;
const GAP = 2;
const GRADE_COLOURS: Record<string, string> = {
  VIP: 'var(--grade-vip)',
  R: 'var(--grade-r)',
  S: 'var(--grade-s)',
  A: 'var(--grade-a)',
  B: 'var(--grade-b)',
};

/** The hall as it is being built: one grid per section, a square per seat in its grade's colour. */
export function SeatPreview({ form }: { form: TemplateForm }) {
  const { t } = useTranslation('admin');
  const counts = seatCounts(form);
  let y = 26;
  const widest = Math.max(1, ...form.sections.flatMap((s) => s.rows.map((r) => Math.min(200, Number(r.seats) || 0))));
  const width = widest * (CELL + GAP) + 40;
  const blocks = form.sections.map((section, s) => {
    const top = y;
    y += 18;
    const rows = section.rows.map((row, r) => {
      const seats = Math.min(200, Math.max(0, Number.isInteger(Number(row.seats)) ? Number(row.seats) : 0));
      const rowY = y + r * (CELL + GAP);
      const offset = 36 + ((widest - seats) * (CELL + GAP)) / 2;
      const fill = GRADE_COLOURS[rowGrade(section, row)] ?? '#999';
      return (
        <g key={r}>
          <text x={0} y={rowY + CELL} fontSize={7} fill="currentColor">{row.label}</text>
          {Array.from({ length: seats }, (_, i) => (
            <rect key={i} x={offset + i * (CELL + GAP)} y={rowY} width={CELL} height={CELL} rx={1} fill={fill} />
          ))}
        </g>
      );
    });
    y += section.rows.length * (CELL + GAP) + 12;
    return (
      <g key={s}>
        <text x={0} y={top + 12} fontSize={10} fontWeight={700} fill="currentColor">
          {section.name || '?'} · {counts.perSection[s]}
        </text>
        {rows}
      </g>
    );
  });
  return (
    <figure className="preview stack" style={{ margin: 0 }}>
      <figcaption>
        <strong>{t('hall.preview')}</strong> — {t('hall.totalSeats', { count: counts.total })}
      </figcaption>
      <ul className="legend" aria-label={t('hall.legend')}>
        {GRADES.filter((grade) => counts.perGrade[grade]).map((grade) => (
          <li key={grade}>
            <span className="swatch" style={{ background: GRADE_COLOURS[grade] }} />
            {grade} {counts.perGrade[grade]}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${width} ${Math.max(y, 20)}`} role="img" aria-label={t('hall.previewLabel', { count: counts.total, sections: form.sections.length })} data-testid="seat-preview">
        <rect x={36} y={0} width={width - 40} height={14} rx={3} fill="var(--line)" />
        <text x={width / 2 + 18} y={10} fontSize={8} textAnchor="middle" fill="currentColor">{t('hall.stage')}</text>
        {blocks}
      </svg>
    </figure>
  );
}
