import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../shared/api/http';
import type { NoticePage } from '../shared/api/schemas';
import { formatDate } from '../shared/format';
import { Pager } from '../shared/ui/Pager';
import { ProblemMessage } from '../shared/ui/ProblemMessage';

const PAGE_SIZE = 15;

export default function NoticesPage() {
  const { t } = useTranslation('notices');
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const notices = useQuery({
    queryKey: ['notices', page],
    queryFn: ({ signal }) => api<NoticePage>('/notices', { auth: false, signal, query: { page: page - 1, size: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="page" aria-labelledby="notices-title">
      <h1 id="notices-title">{t('title')}</h1>
      {notices.isPending && <p className="muted">{t('common:loading')}</p>}
      {notices.isError && <ProblemMessage error={notices.error} />}
      {notices.data && notices.data.items.length === 0 && <p className="empty">{t('none')}</p>}
      {notices.data && notices.data.items.length > 0 && (
        <ul className="notice-list">
          {notices.data.items.map((notice) => (
            <li key={notice.id}>
              <Link to={`/notices/${notice.id}`}>
                <span className="notice-title">
                  {notice.pinned && <span className="badge">{t('pinned')}</span>} {notice.title}
                </span>
                {notice.publishedAt && <time className="muted small" dateTime={notice.publishedAt}>{formatDate(notice.publishedAt)}</time>}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {notices.data && <Pager page={page} totalPages={notices.data.totalPages} hrefFor={(number) => (number > 1 ? `/notices?page=${number}` : '/notices')} />}
    </section>
  );
}
