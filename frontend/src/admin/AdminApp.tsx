import './i18n';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import './admin.css';

// Each admin page is its own chunk too: the dashboard's charting library loads only with the dashboard.
const DashboardPage = lazy(() => import('./DashboardPage'));
const VenuesPage = lazy(() => import('./VenuesPage'));
const HallEditorPage = lazy(() => import('./HallEditorPage'));
const EventsPage = lazy(() => import('./EventsPage'));
const EventFormPage = lazy(() => import('./EventFormPage'));
const ReservationsPage = lazy(() => import('./ReservationsPage'));
const PaymentsPage = lazy(() => import('./PaymentsPage'));
const QueuePage = lazy(() => import('./QueuePage'));
const NoticesAdminPage = lazy(() => import('./NoticesAdminPage'));
const UsersPage = lazy(() => import('./UsersPage'));

const SECTIONS = ['dashboard', 'events', 'venues', 'reservations', 'payments', 'queue', 'notices', 'users'] as const;

/** The admin area: a section menu and the pages under /admin (shown to ADMIN only; the server checks too). */
export default function AdminApp() {
  const { t } = useTranslation('admin');
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('nav.label')}>
        {SECTIONS.map((section) => (
          <NavLink key={section} to={section === 'dashboard' ? '/admin' : `/admin/${section}`} end={section === 'dashboard'}>
            {t(`nav.${section}`)}
          </NavLink>
        ))}
      </nav>
      <Suspense fallback={<p className="muted">{t('common:loading')}</p>}>
        <Routes>
          <Route index element={<DashboardPage />} />
          <Route path="venues" element={<VenuesPage />} />
          <Route path="venues/:venueId/halls/new" element={<HallEditorPage />} />
          <Route path="halls/:hallId" element={<HallEditorPage />} />
          <Route path="events" element={<EventsPage />} />
          <Route path="events/new" element={<EventFormPage />} />
          <Route path="events/:eventId" element={<EventFormPage />} />
          <Route path="reservations" element={<ReservationsPage />} />
          <Route path="payments" element={<PaymentsPage />} />
          <Route path="queue" element={<QueuePage />} />
          <Route path="notices" element={<NoticesAdminPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="users/:userId" element={<UsersPage />} />
        </Routes>
      </Suspense>
    </div>
  );
}
