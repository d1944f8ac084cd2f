import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatKrw } from '../shared/format';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { adminApi, type Figures } from './adminApi';
import { seoulDate } from './time';
import { num, RatioBar, StatusBadge } from './ui';

const LIVE_MS = 3000;
// theme.css colours; SVG presentation attributes do not resolve CSS variables
const ACCENT = '#5b2be0';
const REFUND = '#c0392b';
const NET = '#17a589';

function FigureList({ figures, title }: { figures: Figures; title: string }) {
  const { t } = useTranslation('admin');
  return (
    <section aria-label={title} className="stack">
      <h2>{title}</h2>
      <dl className="kpis">
        <div className="kpi"><dt>{t('dashboard.ticketsSold')}</dt><dd>{num(figures.ticketsSold)}</dd></div>
        <div className="kpi"><dt>{t('dashboard.revenue')}</dt><dd>{formatKrw(figures.revenue)}</dd></div>
        <div className="kpi"><dt>{t('dashboard.ticketsRefunded')}</dt><dd>{num(figures.ticketsRefunded)}</dd></div>
        <div className="kpi"><dt>{t('dashboard.refunds')}</dt><dd>{formatKrw(figures.refunds)}</dd></div>
        <div className="kpi"><dt>{t('dashboard.netRevenue')}</dt><dd>{formatKrw(figures.netRevenue)}</dd></div>
      </dl>
    </section>
  );
}

/** Sales, payments, sell-through and the waiting rooms at a glance; the live parts poll every few seconds. */
export default function DashboardPage() {
  const { t } = useTranslation('admin');
  const [from, setFrom] = useState(seoulDate(-6));
  const [to, setTo] = useState(seoulDate());
  const [granularity, setGranularity] = useState<'daily' | 'hourly'>('daily');
  const period = { from, to, tz: 'Asia/Seoul' };
  const sales = useQuery({ queryKey: ['admin', 'sales', period], queryFn: () => adminApi.sales(period), refetchInterval: 15_000 });
  const outcomes = useQuery({ queryKey: ['admin', 'outcomes', period], queryFn: () => adminApi.outcomes(period), refetchInterval: 15_000 });
  const sellThrough = useQuery({ queryKey: ['admin', 'sell-through'], queryFn: adminApi.sellThrough, refetchInterval: 10_000 });
  const onSale = (sellThrough.data ?? []).filter((event) => event.status === 'ON_SALE').map((event) => event.eventId);
  const queues = useQuery({
    queryKey: ['admin', 'queue-overview', onSale],
    queryFn: () => adminApi.queueOverview(onSale),
    enabled: onSale.length > 0,
    refetchInterval: LIVE_MS,
  });
  const titles = new Map((sellThrough.data ?? []).map((event) => [event.eventId, event.title]));

  const series =
    sales.data &&
    (granularity === 'daily'
      ? sales.data.daily.map((day) => ({ at: day.date.slice(5), ...day.figures }))
      : sales.data.hourly.slice(-48).map((hour) => ({ at: hour.hour.slice(5, 13).replace('T', ' ') + '시', ...hour.figures })));

  return (
    <section className="stack" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      <div className="admin-filters">
        <label>{t('dashboard.from')}<input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>{t('dashboard.to')}<input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} /></label>
        <label>{t('dashboard.granularity')}
          <select value={granularity} onChange={(e) => setGranularity(e.target.value as 'daily' | 'hourly')}>
            <option value="daily">{t('dashboard.daily')}</option>
            <option value="hourly">{t('dashboard.hourly')}</option>
          </select>
        </label>
      </div>
      <ProblemMessage error={sales.error ?? outcomes.error ?? sellThrough.error} />
      {sales.data && (
        <div className="stack" data-testid="sales-figures">
          <FigureList title={t('dashboard.today')} figures={sales.data.today.figures} />
          <FigureList title={t('dashboard.period', { from: sales.data.from, to: sales.data.to })} figures={sales.data.period} />
        </div>
      )}
      {series && (
        <div className="card stack">
          <h2>{t('dashboard.salesChart')}</h2>
          <div className="chart" role="img" aria-label={t('dashboard.salesChart')}>
            <ResponsiveContainer>
              <BarChart data={series}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="at" fontSize={11} />
                <YAxis allowDecimals={false} fontSize={11} />
                <Tooltip />
                <Legend />
                <Bar dataKey="ticketsSold" name={t('dashboard.ticketsSold')} fill={ACCENT} isAnimationActive={false} />
                <Bar dataKey="ticketsRefunded" name={t('dashboard.ticketsRefunded')} fill={REFUND} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <h2>{t('dashboard.revenueChart')}</h2>
          <div className="chart" role="img" aria-label={t('dashboard.revenueChart')}>
            <ResponsiveContainer>
              <LineChart data={series}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="at" fontSize={11} />
                <YAxis fontSize={11} width={80} tickFormatter={(value: number) => num(value)} />
                <Tooltip formatter={(value) => formatKrw(Number(value))} />
                <Legend />
                <Line dataKey="revenue" name={t('dashboard.revenue')} stroke={ACCENT} dot={false} isAnimationActive={false} />
                <Line dataKey="netRevenue" name={t('dashboard.netRevenue')} stroke={NET} dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </div>
      )}
      {outcomes.data && (
        <div className="card stack">
          <h2>{t('dashboard.outcomes')}</h2>
          <div className="table-wrap">
            <table>
              <thead><tr><th>{t('dashboard.status')}</th><th className="num">{t('dashboard.payments')}</th><th className="num">{t('dashboard.amount')}</th></tr></thead>
              <tbody>
                {outcomes.data.byStatus.map((row) => (
                  <tr key={row.status}><td><StatusBadge status={row.status} /></td><td className="num">{num(row.payments)}</td><td className="num">{formatKrw(row.amount)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          {outcomes.data.failures.length > 0 && (
            <p className="muted">{t('dashboard.failures')}: {outcomes.data.failures.map((f) => `${f.failureCode} ${f.payments}`).join(', ')}</p>
          )}
        </div>
      )}
      {sellThrough.data && (
        <div className="card stack">
          <h2>{t('dashboard.sellThrough')}</h2>
          {sellThrough.data.length === 0 ? <p className="muted">{t('dashboard.noEvents')}</p> : (
            <div className="table-wrap">
              <table>
                <thead><tr><th>{t('events.title')}</th><th>{t('events.status')}</th><th className="num">{t('dashboard.sold')}</th><th>{t('dashboard.ratio')}</th></tr></thead>
                <tbody>
                  {sellThrough.data.map((event) => (
                    <SellThroughRow key={event.eventId} eventId={event.eventId} title={event.title} status={event.status} sold={event.sold} total={event.total} ratio={event.ratio} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
      <div className="card stack">
        <h2>{t('dashboard.queues')} <span className="live">● {t('dashboard.live')}</span></h2>
        {onSale.length === 0 ? <p className="muted">{t('dashboard.noOnSale')}</p> : queues.data && (
          <div className="table-wrap">
            <table>
              <thead><tr><th>{t('events.title')}</th><th className="num">{t('queue.waiting')}</th><th className="num">{t('queue.active')}</th><th className="num">{t('dashboard.admittedLastHour')}</th><th className="num">{t('dashboard.ratePerSecond')}</th><th>{t('queue.paused')}</th></tr></thead>
              <tbody>
                {queues.data.map((room) => (
                  <tr key={room.eventId}>
                    <td>{titles.get(room.eventId) ?? room.eventId}</td>
                    <td className="num">{num(room.waiting)}</td>
                    <td className="num">{num(room.active)}</td>
                    <td className="num">{num(room.admittedLastHour)}</td>
                    <td className="num">{room.admissionsPerSecondLastHour.toFixed(2)}</td>
                    <td>{room.paused ? t('queue.pausedYes') : t('queue.pausedNo')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}

/** One event's sell-through; its grades load when opened (the list call carries none). */
function SellThroughRow(props: { eventId: string; title: string; status: string; sold: number; total: number; ratio: number }) {
  const { t } = useTranslation('admin');
  const [open, setOpen] = useState(false);
  const detail = useQuery({ queryKey: ['admin', 'sell-through', props.eventId], queryFn: () => adminApi.eventSellThrough(props.eventId), enabled: open });
  return (
    <>
      <tr>
        <td>
          <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? '▾' : '▸'} {props.title}
          </button>
        </td>
        <td><StatusBadge status={props.status} /></td>
        <td className="num">{num(props.sold)} / {num(props.total)}</td>
        <td><RatioBar ratio={props.ratio} label={t('dashboard.ratio')} /></td>
      </tr>
      {open && detail.data?.grades?.map((grade) => (
        <tr key={grade.grade}>
          <td style={{ paddingLeft: '2rem' }}>{grade.grade} · {formatKrw(grade.price)}</td>
          <td />
          <td className="num">{num(grade.sold)} / {num(grade.total)}</td>
          <td><RatioBar ratio={grade.ratio} label={`${grade.grade} ${t('dashboard.ratio')}`} /></td>
        </tr>
      ))}
    </>
  );
}
