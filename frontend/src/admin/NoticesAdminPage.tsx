import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { adminApi, type NoticeInput } from './adminApi';
import { FormProblem, useFieldErrors, when } from './ui';

/** Notices as buyers see them (pinned first), written, edited, pinned and deleted here. */
export default function NoticesAdminPage() {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const notices = useQuery({ queryKey: ['admin', 'notices'], queryFn: adminApi.notices });
  const [editing, setEditing] = useState<string | null>(null);
  const editingNotice = useQuery({ queryKey: ['admin', 'notice', editing], queryFn: () => adminApi.notice(editing!), enabled: !!editing });
  const remove = useMutation({ mutationFn: adminApi.deleteNotice, onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'notices'] }) });
  const pin = useMutation({
    mutationFn: async (id: string) => {
      const notice = await adminApi.notice(id);
      return adminApi.updateNotice(id, { title: notice.title, body: notice.body, pinned: !notice.pinned });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'notices'] }),
  });
  return (
    <section className="stack" aria-labelledby="notices-admin-title">
      <h1 id="notices-admin-title">{t('notices.title')}</h1>
      {editing && !editingNotice.data ? (
        <p className="muted">{t('common:loading')}</p>
      ) : (
        <NoticeForm key={editing ?? 'new'} id={editing} initial={editingNotice.data} onDone={() => setEditing(null)} />
      )}
      <ProblemMessage error={notices.error ?? remove.error ?? pin.error} />
      <div className="table-wrap">
        <table>
          <thead><tr><th>{t('notices.noticeTitle')}</th><th>{t('notices.created')}</th><th>{t('events.actions')}</th></tr></thead>
          <tbody>
            {notices.data?.items.map((notice) => (
              <tr key={notice.id}>
                <td>{notice.pinned && <span className="badge">{t('notices.pinned')}</span>} {notice.title}</td>
                <td>{when(notice.createdAt)}</td>
                <td>
                  <div className="row">
                    <button type="button" className="secondary small" onClick={() => setEditing(notice.id)}>{t('edit')}</button>
                    <button type="button" className="secondary small" onClick={() => pin.mutate(notice.id)}>{notice.pinned ? t('notices.unpin') : t('notices.pin')}</button>
                    <button type="button" className="secondary small" onClick={() => window.confirm(t('notices.confirmDelete')) && remove.mutate(notice.id)}>{t('delete')}</button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function NoticeForm({ id, initial, onDone }: { id: string | null; initial: NoticeInput | undefined; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const [fields, setFields] = useState<NoticeInput>({ title: initial?.title ?? '', body: initial?.body ?? '', pinned: initial?.pinned ?? false });
  const save = useMutation({
    mutationFn: () => (id ? adminApi.updateNotice(id, fields) : adminApi.createNotice(fields)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['admin', 'notices'] });
      setFields({ title: '', body: '', pinned: false });
      onDone();
    },
  });
  const errors = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label={id ? t('notices.edit') : t('notices.add')}>
      <h2>{id ? t('notices.edit') : t('notices.add')}</h2>
      <label>{t('notices.noticeTitle')}
        <input value={fields.title} onChange={(e) => setFields({ ...fields, title: e.target.value })} aria-invalid={errors.title ? true : undefined} required />
        {errors.title && <span className="field-error">{errors.title}</span>}
      </label>
      <label>{t('notices.body')}
        <textarea rows={5} value={fields.body} onChange={(e) => setFields({ ...fields, body: e.target.value })} aria-invalid={errors.body ? true : undefined} required />
        {errors.body && <span className="field-error">{errors.body}</span>}
      </label>
      <label className="checkbox"><input type="checkbox" checked={fields.pinned} onChange={(e) => setFields({ ...fields, pinned: e.target.checked })} />{t('notices.pinnedLabel')}</label>
      <FormProblem error={save.error} />
      <div className="row">
        <button type="submit" disabled={save.isPending}>{id ? t('save') : t('notices.add')}</button>
        {id && <button type="button" className="secondary" onClick={onDone}>{t('cancel')}</button>}
      </div>
    </form>
  );
}
