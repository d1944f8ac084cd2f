import { useTranslation } from 'react-i18next';

const HUES: Record<string, number> = {
  CONCERT: 268, MUSICAL: 340, THEATER: 20, CLASSIC: 210, SPORTS: 150, EXHIBITION: 45, FAMILY: 190, OTHER: 240,
};

/**
 * The event's poster, or for an event without one a typographic poster in its category's colour. The title is
 * always written next to the poster, so the image itself is decorative (empty alt).
 */
export function Poster({ url, title, category, size = 'card' }: { url?: string; title: string; category?: string; size?: 'card' | 'large' }) {
  const { t } = useTranslation('events');
  if (url) return <img className={`poster poster-${size}`} src={url} alt="" loading="lazy" />;
  // the category's colour, shifted a little per title so that a row of concerts is not one block of purple
  const shift = [...title].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 997, 0) % 50;
  const hue = (HUES[category ?? 'OTHER'] ?? 240) + shift - 25;
  return (
    <div
      className={`poster poster-${size} poster-generated`}
      aria-hidden="true"
      style={{ background: `linear-gradient(155deg, hsl(${hue} 70% 34%), hsl(${(hue + 40) % 360} 65% 22%))` }}
    >
      <span className="poster-category">{category ? t(`category.${category}`) : ''}</span>
      <span className="poster-title">{title}</span>
    </div>
  );
}

/** The event's sale state as a coloured label. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('events');
  return <span className={`badge status-${status.toLowerCase().replace('_', '-')}`}>{t(`status.${status}`, { defaultValue: status })}</span>;
}

/** A seat grade with its colour (VIP, R, S, A, B; others in the accent colour). */
export function GradeChip({ grade }: { grade: string }) {
  return <span className={`grade grade-${grade.toLowerCase()}`}>{grade}</span>;
}
