import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatKrw } from '../shared/format';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { adminApi } from './adminApi';
import { PageButtons, StatusBadge, useFilterParams, when } from './ui';

const PAYMENT_STATUSES = ['PENDING', 'SUCCESS', 'FAILED', 'REFUND_PENDING', 'REFUNDED'];

/** Payments by reservation, buyer or status; one payment with every exchange with the payment gateway. */
export default function PaymentsPage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(() => Object.fromEntries(['reservationId', 'userId', 'status'].map((k) => [k, params.get(k) ?? ''])));
  const paymentId = params.get('paymentId');
  const page = Number(params.get('page') ?? '0');
  const query = { reservationId: params.get('reservationId') || undefined, userId: params.get('userId') || undefined, status: params.get('status') || undefined, page, size: 20 };
  const payments = useQuery({ queryKey: ['admin', 'payments', query], queryFn: () => adminApi.payments(query), placeholderData: keepPreviousData });
  const detail = useQuery({ queryKey: ['admin', 'payment', paymentId], queryFn: () => adminApi.payment(paymentId!), enabled: !!paymentId });
  const { search, goTo } = useFilterParams(params, setParams, draft);
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('paymentId', id);
    else next.delete('paymentId');
    setParams(next);
  };
  return (
    <section className="stack" aria-labelledby="payments-title">
      <h1 id="payments-title">{t('payments.title')}</h1>
      <form className="admin-filters card" onSubmit={search} role="search">
        <label>{t('payments.reservationId')}<input value={draft.reservationId} onChange={(e) => setDraft({ ...draft, reservationId: e.target.value })} /></label>
        <label>{t('payments.userId')}<input value={draft.userId} onChange={(e) => setDraft({ ...draft, userId: e.target.value })} /></label>
        <label>{t('payments.status')}
          <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            <option value="">{t('reservations.anyStatus')}</option>
            {PAYMENT_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
        <button type="submit">{t('search')}</button>
      </form>
      <ProblemMessage error={payments.error ?? detail.error} />
      {detail.data && (
        <article className="card stack" aria-labelledby="payment-detail">
          <div className="row">
            <h2 id="payment-detail" style={{ margin: 0 }}>{t('payments.detail')}</h2>
            <button type="button" className="secondary small" style={{ marginLeft: 'auto' }} onClick={() => open(null)}>{t('close')}</button>
          </div>
          <dl className="form-grid">
            <div><dt className="muted">ID</dt><dd>{detail.data.payment.id}</dd></div>
            <div><dt className="muted">{t('payments.status')}</dt><dd><StatusBadge status={detail.data.payment.status} /> {detail.data.payment.failureCode}</dd></div>
            <div><dt className="muted">{t('payments.amount')}</dt><dd>{formatKrw(detail.data.payment.amount)}</dd></div>
            <div><dt className="muted">{t('payments.card')}</dt><dd>{detail.data.payment.method} {detail.data.payment.cardLast4 ? `•••• ${detail.data.payment.cardLast4}` : ''}</dd></div>
            <div><dt className="muted">{t('payments.reservationId')}</dt><dd>{detail.data.payment.reservationId}</dd></div>
            <div><dt className="muted">{t('payments.approvedAt')}</dt><dd>{when(detail.data.payment.approvedAt)}</dd></div>
            <div><dt className="muted">{t('payments.refundedAt')}</dt><dd>{when(detail.data.payment.refundedAt)}</dd></div>
          </dl>
          <h3>{t('payments.exchanges')}</h3>
          {detail.data.exchanges.length === 0 && <p className="muted">{t('payments.noExchanges')}</p>}
          <ol className="stack">
            {detail.data.exchanges.map((x) => (
              <li key={x.id} className="stack" style={{ gap: '0.25rem' }}>
                <strong>{when(x.createdAt)} · {x.provider} {x.operation} → {x.httpStatus ?? '–'} {x.outcome} ({x.durationMs} ms)</strong>
                <pre className="exchange" aria-label={t('payments.request')}>{x.request}</pre>
                <pre className="exchange" aria-label={t('payments.response')}>{x.response}</pre>
              </li>
            ))}
          </ol>
        </article>
      )}
      {payments.data && (
        <div className="table-wrap">
          <table>
            <thead><tr><th>{t('payments.created')}</th><th>{t('payments.status')}</th><th className="num">{t('payments.amount')}</th><th>{t('payments.reservationId')}</th><th /></tr></thead>
            <tbody>
              {payments.data.content.map((p) => (
                <tr key={p.id}>
                  <td>{when(p.createdAt)}</td>
                  <td><StatusBadge status={p.status} /></td>
                  <td className="num">{formatKrw(p.amount)}</td>
                  <td>{p.reservationId}</td>
                  <td><button type="button" className="secondary small" onClick={() => open(p.id)}>{t('detail')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {payments.data && <PageButtons page={page} totalPages={payments.data.totalPages} goTo={goTo} />}
    </section>
  );
}
