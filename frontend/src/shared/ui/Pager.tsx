import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * Page links (1-based in the URL). `hrefFor(page)` builds the address of a page so that the paging state lives
 * in the URL: reload, back and shared links keep it.
 */
export function Pager({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (page: number) => string }) {
  const { t } = useTranslation();
  if (totalPages <= 1) return null;
  const first = Math.max(1, Math.min(page - 2, totalPages - 4));
  const pages = Array.from({ length: Math.min(5, totalPages) }, (_, i) => first + i);
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      {page > 1 ? <Link to={hrefFor(page - 1)} rel="prev">{t('pager.previous')}</Link> : <span aria-hidden="true" className="pager-off">{t('pager.previous')}</span>}
      {pages.map((number) =>
        number === page ? (
          <span key={number} aria-current="page" className="pager-current">{number}</span>
        ) : (
          <Link key={number} to={hrefFor(number)} aria-label={t('pager.page', { page: number })}>{number}</Link>
        ),
      )}
      {page < totalPages ? <Link to={hrefFor(page + 1)} rel="next">{t('pager.next')}</Link> : <span aria-hidden="true" className="pager-off">{t('pager.next')}</span>}
    </nav>
  );
}
