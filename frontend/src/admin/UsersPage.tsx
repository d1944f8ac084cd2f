import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatKrw } from '../shared/format';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { adminApi } from './adminApi';
import { FormProblem, PageButtons, StatusBadge, useFieldErrors, when } from './ui';

/** Accounts by e-mail or name; one account with its bookings and sign-in history, locked or unlocked here. */
export default function UsersPage() {
  const { t } = useTranslation('admin');
  const { userId } = useParams();
  const [params, setParams] = useSearchParams();
  const query = params.get('query') ?? '';
  const page = Number(params.get('page') ?? '0');
  const [draft, setDraft] = useState(query);
  const users = useQuery({ queryKey: ['admin', 'users', query, page], queryFn: () => adminApi.users(query, page), placeholderData: keepPreviousData });
  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    setParams(next);
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    setParams(draft ? { query: draft } : {});
  };
  return (
    <section className="stack" aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      {userId && <UserDetail userId={userId} />}
      <form className="admin-filters card" onSubmit={search} role="search">
        <label>{t('users.query')}<input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} /></label>
        <button type="submit">{t('search')}</button>
      </form>
      <ProblemMessage error={users.error} />
      {users.data && (
        <div className="table-wrap">
          <table>
            <thead><tr><th>{t('users.email')}</th><th>{t('users.name')}</th><th>{t('users.role')}</th><th>{t('users.status')}</th><th>{t('users.joined')}</th></tr></thead>
            <tbody>
              {users.data.content.map((user) => (
                <tr key={user.id}>
                  <td><Link to={`/admin/users/${user.id}?${params.toString()}`}>{user.email}</Link></td>
                  <td>{user.name}</td>
                  <td>{user.role}</td>
                  <td>{user.locked ? <span className="badge">{t('users.locked')}</span> : <StatusBadge status={user.status} />}</td>
                  <td>{when(user.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {users.data && <PageButtons page={page} totalPages={users.data.totalPages} goTo={goTo} />}
    </section>
  );
}

function UserDetail({ userId }: { userId: string }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const user = useQuery({ queryKey: ['admin', 'user', userId], queryFn: () => adminApi.user(userId) });
  const bookings = useQuery({ queryKey: ['admin', 'reservations', { userId }], queryFn: () => adminApi.reservations({ userId, size: 10 }) });
  const [reason, setReason] = useState('');
  const lock = useMutation({
    mutationFn: (locking: boolean) => (locking ? adminApi.lockUser(userId, reason.trim()) : adminApi.unlockUser(userId)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'user'] }).then(() => client.invalidateQueries({ queryKey: ['admin', 'users'] })),
  });
  const errors = useFieldErrors(lock.error);
  if (!user.data) return <ProblemMessage error={user.error} />;
  const u = user.data;
  const locked = !!u.adminLockedAt;
  return (
    <article className="card stack" aria-labelledby="user-detail">
      <h2 id="user-detail">{u.name} · {u.email}</h2>
      <dl className="form-grid">
        <div><dt className="muted">{t('users.role')}</dt><dd>{u.role}</dd></div>
        <div><dt className="muted">{t('users.status')}</dt><dd><StatusBadge status={u.status} /></dd></div>
        <div><dt className="muted">{t('users.phone')}</dt><dd>{u.phone ?? '–'}</dd></div>
        <div><dt className="muted">{t('users.joined')}</dt><dd>{when(u.createdAt)}</dd></div>
        <div><dt className="muted">{t('users.failedLogins')}</dt><dd>{u.failedLoginCount ?? 0}</dd></div>
        <div><dt className="muted">{t('users.lock')}</dt><dd>{locked ? `${when(u.adminLockedAt)} ${u.adminLockReason ?? ''}` : t('users.notLocked')}</dd></div>
      </dl>
      <div className="row" style={{ alignItems: 'flex-end' }}>
        {locked ? (
          <button type="button" onClick={() => lock.mutate(false)} disabled={lock.isPending}>{t('users.unlock')}</button>
        ) : (
          <>
            <label style={{ flex: '1 1 16rem' }}>{t('users.reason')}
              <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} aria-invalid={errors.reason ? true : undefined} />
              {errors.reason && <span className="field-error">{errors.reason}</span>}
            </label>
            <button type="button" className="danger" onClick={() => lock.mutate(true)} disabled={lock.isPending}>{t('users.lockButton')}</button>
          </>
        )}
      </div>
      <FormProblem error={lock.error} />
      <h3>{t('users.bookings')}</h3>
      <ProblemMessage error={bookings.error} />
      {bookings.data && bookings.data.items.length === 0 && <p className="muted">{t('users.noBookings')}</p>}
      <ul>
        {bookings.data?.items.map((r) => (
          <li key={r.id}>{when(r.createdAt)} · {r.event.title} · <StatusBadge status={r.status} /> · {formatKrw(r.totalAmount)}</li>
        ))}
      </ul>
      {bookings.data && bookings.data.totalItems > 0 && <Link to={`/admin/reservations?userId=${userId}`}>{t('users.allBookings', { count: bookings.data.totalItems })}</Link>}
      <h3>{t('users.loginHistory')}</h3>
      <div className="table-wrap">
        <table>
          <thead><tr><th>{t('users.attemptedAt')}</th><th>{t('users.result')}</th><th>IP</th><th>{t('users.agent')}</th></tr></thead>
          <tbody>
            {u.loginHistory.map((attempt, i) => (
              <tr key={i}>
                <td>{when(attempt.attemptedAt)}</td>
                <td>{attempt.success ? t('users.success') : `${t('users.failure')} ${attempt.failureReason ?? ''}`}</td>
                <td>{attempt.ip ?? '–'}</td>
                <td>{attempt.userAgent ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
