import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Pager } from '../shared/ui/Pager';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { EventCard } from './EventCard';
import { CATEGORIES, readSearch, searchParams, useCities, useEvents, type EventSearch } from './eventsApi';

const STATUS_TABS = ['', 'ON_SALE', 'UPCOMING'] as const;

export default function HomePage() {
  const { t } = useTranslation('events');
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const events = useEvents(search);
  const cities = useCities();

  const hrefFor = (changes: Partial<EventSearch>) => `/?${new URLSearchParams(searchParams({ ...search, ...changes }))}`;

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '');
    setParams(
      searchParams({
        ...search,
        keyword: value('q'),
        category: value('category'),
        city: value('city'),
        from: value('from'),
        to: value('to'),
        page: 1,
      }),
    );
  }

  const filtered = Boolean(search.keyword || search.category || search.city || search.from || search.to);

  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p>{t('home.subtitle')}</p>
        <form
          role="search"
          className="search-form"
          key={params.toString()}
          onSubmit={(event) => {
            event.preventDefault();
            submit(event.currentTarget);
          }}
        >
          <label className="search-keyword">
            <span className="visually-hidden">{t('search.keyword')}</span>
            <input type="search" name="q" defaultValue={search.keyword} maxLength={100} placeholder={t('search.placeholder')} />
          </label>
          <div className="filters">
            <label>
              {t('search.category')}
              <select name="category" defaultValue={search.category}>
                <option value="">{t('search.all')}</option>
                {CATEGORIES.map((category) => (
                  <option key={category} value={category}>{t(`category.${category}`)}</option>
                ))}
              </select>
            </label>
            <label>
              {t('search.city')}
              <select name="city" defaultValue={search.city}>
                <option value="">{t('search.all')}</option>
                {(cities.data ?? (search.city ? [search.city] : [])).map((city) => (
                  <option key={city} value={city}>{t(`city.${city}`, { defaultValue: city })}</option>
                ))}
              </select>
            </label>
            <label>
              {t('search.from')}
              <input type="date" name="from" defaultValue={search.from} />
            </label>
            <label>
              {t('search.to')}
              <input type="date" name="to" defaultValue={search.to} />
            </label>
          </div>
          <div className="row search-actions">
            <button type="submit">{t('search.submit')}</button>
            {filtered && <Link to={hrefFor({ keyword: '', category: '', city: '', from: '', to: '', page: 1 })} className="button secondary">{t('search.reset')}</Link>}
          </div>
        </form>
      </section>

      <nav className="tabs" aria-label={t('search.statusLabel')}>
        {STATUS_TABS.map((status) => (
          <Link key={status || 'all'} to={hrefFor({ status, page: 1 })} aria-current={search.status === status ? 'page' : undefined} className="tab">
            {t(status ? `tabs.${status}` : 'tabs.all')}
          </Link>
        ))}
      </nav>

      <section aria-labelledby="results-title" aria-busy={events.isFetching}>
        <h2 id="results-title" className="results-title">
          {search.keyword ? t('results.for', { keyword: search.keyword }) : t(search.status ? `tabs.${search.status}` : 'results.all')}
          {events.data && <span className="muted small"> {t('results.count', { count: events.data.totalItems })}</span>}
        </h2>
        {events.isPending && <p className="muted">{t('common:loading')}</p>}
        {events.isError && <ProblemMessage error={events.error} />}
        {events.data && events.data.items.length === 0 && <p className="empty">{t('results.none')}</p>}
        {events.data && events.data.items.length > 0 && (
          <ul className="event-grid">
            {events.data.items.map((event) => (
              <EventCard key={event.id} event={event} />
            ))}
          </ul>
        )}
        {events.data && <Pager page={search.page} totalPages={events.data.totalPages} hrefFor={(page) => hrefFor({ page })} />}
      </section>
    </div>
  );
}
