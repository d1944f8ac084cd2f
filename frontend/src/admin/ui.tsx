import './i18n';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { isProblem } from '../shared/api/problem';
import { formatDateTime } from '../shared/format';
import { errorsByFormKey } from './templateModel';

/** A count or an amount in the admin tables: tabular digits, a dash for nothing. */
export const num = (value: number | null | undefined) => (value === null || value === undefined ? '–' : new Intl.NumberFormat().format(value));
export const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso) : '–');

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('admin');
  return <span className="badge">{t(`status.${status}`, { defaultValue: status })}</span>;
}

/** A ratio 0–1 as a bar with the percentage written next to it (the bar alone would not be read out). */
export function RatioBar({ ratio, label }: { ratio: number; label: string }) {
  const percent = Math.round(ratio * 1000) / 10;
  return (
    <div className="row" style={{ flexWrap: 'nowrap' }}>
      <div className="bar" role="img" aria-label={`${label} ${percent}%`}>
        <span style={{ width: `${Math.min(100, percent)}%` }} />
      </div>
      <span aria-hidden="true">{percent}%</span>
    </div>
  );
}

/**
 * The field errors of a `validation-failed` answer keyed by form field (see `formKeyOf`), in the admin's
 * language by constraint code, else the server's own words.
 */
export function useFieldErrors(error: unknown): Record<string, string> {
  const { t } = useTranslation('admin');
  if (!isProblem(error, 'validation-failed')) return {};
  return errorsByFormKey(error.fieldErrors(), (fieldError) =>
    t(`fieldErrors.${fieldError.code}`, { defaultValue: t(`problems:fields.${fieldError.code}`, { defaultValue: fieldError.message }) }),
  );
}

/** A failed save as a whole (field errors also appear next to their fields). */
export function FormProblem({ error }: { error: unknown }) {
  return <ProblemMessage error={error} />;
}

/** Previous / next for the admin's paged lists (0-based pages, as the admin APIs count them). */
export function PageButtons({ page, totalPages, goTo }: { page: number; totalPages: number; goTo: (page: number) => void }) {
  const { t } = useTranslation('admin');
  if (totalPages <= 1) return null;
  return (
    <nav className="row" aria-label={t('pages')}>
      <button type="button" className="secondary small" disabled={page === 0} onClick={() => goTo(page - 1)}>{t('previous')}</button>
      <span>{page + 1} / {totalPages}</span>
      <button type="button" className="secondary small" disabled={page + 1 >= totalPages} onClick={() => goTo(page + 1)}>{t('next')}</button>
    </nav>
  );
}

/**
 * Filters kept in the address (so a lookup can be bookmarked and shared): `search` submits the draft's non-empty
 * fields as a fresh query from page 0, `goTo` changes only the page.
 */
export function useFilterParams(params: URLSearchParams, setParams: (next: URLSearchParams) => void, draft: Record<string, string>) {
  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(draft)) if (value) next.set(key, value.trim());
    setParams(next);
  };
  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    setParams(next);
  };
  return { search, goTo };
}
