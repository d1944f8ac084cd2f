import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../shared/api/http';
import type { Notice } from '../shared/api/schemas';
import { formatDateTime } from '../shared/format';
import { ProblemMessage } from '../shared/ui/ProblemMessage';

export default function NoticeDetailPage() {
  const { noticeId = '' } = useParams();
  const { t } = useTranslation('notices');
  const notice = useQuery({
    queryKey: ['notice', noticeId],
    queryFn: ({ signal }) => api<Notice>(`/notices/${encodeURIComponent(noticeId)}`, { auth: false, signal }),
  });
  return (
    <article className="page narrow-wide">
      <p><Link to="/notices">← {t('back')}</Link></p>
      {notice.isPending && <p className="muted">{t('common:loading')}</p>}
      {notice.isError && <ProblemMessage error={notice.error} />}
      {notice.data && (
        <div className="card stack">
          <h1>{notice.data.pinned && <span className="badge">{t('pinned')}</span>} {notice.data.title}</h1>
          <p className="muted small">
            {notice.data.publishedAt && <time dateTime={notice.data.publishedAt}>{formatDateTime(notice.data.publishedAt)}</time>}
            {notice.data.viewCount !== undefined && <> · {t('views', { count: notice.data.viewCount })}</>}
          </p>
          <div className="pre-line">{notice.data.body}</div>
        </div>
      )}
    </article>
  );
}
