import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSessionUser } from '../auth/useSession';
import { signedOut } from '../auth/session';
import { api } from '../shared/api/http';
import { LANGUAGES } from '../shared/i18n';
import { DISPLAY_ZONE } from '../shared/format';
import { BusyBanner } from '../shared/ui/BusyBanner';
import '../shared/ui/buyer.css';
import { queryClient } from './queryClient';

export function Layout() {
  const { t, i18n } = useTranslation();
  const user = useSessionUser();
  const navigate = useNavigate();

  async function logout() {
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    signedOut();
    queryClient.clear();
    navigate('/');
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('nav.skipToContent')}</a>
      <header className="app-header">
        <Link to="/" className="brand">{t('brand')}</Link>
        <nav aria-label={t('nav.mainMenu')} className="main-nav">
          <NavLink to="/" end>{t('nav.home')}</NavLink>
          <NavLink to="/notices">{t('nav.notices')}</NavLink>
          {user && <NavLink to="/bookings">{t('nav.myBookings')}</NavLink>}
          {user?.role === 'ADMIN' && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
        </nav>
        <div className="header-actions">
          <label className="language">
            <span className="visually-hidden">{t('language.label')}</span>
            <select value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>{t(`language.${language}`)}</option>
              ))}
            </select>
          </label>
          {user ? (
            <>
              <NavLink to="/account">{t('nav.profile')}</NavLink>
              <button type="button" className="link-button" onClick={() => void logout()}>{t('nav.logout')}</button>
            </>
          ) : (
            <>
              <NavLink to="/login">{t('nav.login')}</NavLink>
              <NavLink to="/register" className="button small">{t('nav.register')}</NavLink>
            </>
          )}
        </div>
      </header>
      <BusyBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">{t('footer', { zone: DISPLAY_ZONE })}</footer>
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="page narrow">
      <h1>{t('notFound.title')}</h1>
      <Link to="/">{t('notFound.back')}</Link>
    </section>
  );
}
