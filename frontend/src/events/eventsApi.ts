import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../shared/api/http';
import type { EventDetail, EventPage, GradeSummary } from '../shared/api/schemas';
import type { components as EventApi } from '../shared/api/openapi/event-service';

export const CATEGORIES = ['CONCERT', 'MUSICAL', 'THEATER', 'CLASSIC', 'SPORTS', 'EXHIBITION', 'FAMILY', 'OTHER'] as const;
export const LISTED_STATUSES = ['ON_SALE', 'UPCOMING', 'SOLD_OUT', 'ENDED'] as const;

/** The home page's search, exactly as it stands in the URL. */
export interface EventSearch {
  keyword: string;
  category: string;
  city: string;
  from: string;
  to: string;
  status: string;
  page: number;
}

export function readSearch(params: URLSearchParams): EventSearch {
  const page = Number(params.get('page') ?? '1');
  return {
    keyword: params.get('q') ?? '',
    category: params.get('category') ?? '',
    city: params.get('city') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    status: params.get('status') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** URL parameters for a search: empty values are left out, the first page is the default. */
export function searchParams(search: EventSearch): Record<string, string> {
  const entries: [string, string][] = [
    ['q', search.keyword.trim()],
    ['category', search.category],
    ['city', search.city],
    ['from', search.from],
    ['to', search.to],
    ['status', search.status],
    ['page', search.page > 1 ? String(search.page) : ''],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== ''));
}

export const PAGE_SIZE = 12;

export function useEvents(search: EventSearch) {
  return useQuery({
    queryKey: ['events', search],
    queryFn: ({ signal }) =>
      api<EventPage>('/events', {
        auth: false,
        signal,
        query: {
          keyword: search.keyword.trim() || undefined,
          category: search.category,
          city: search.city,
          from: search.from,
          to: search.to,
          status: search.status ? [search.status] : [...LISTED_STATUSES],
          sort: search.status === 'UPCOMING' ? 'saleStartsAt' : 'startsAt',
          page: search.page - 1,
          size: PAGE_SIZE,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

type VenueSummary = EventApi['schemas']['VenueSummary'];

/** The cities that have venues, for the city filter. */
export function useCities() {
  return useQuery({
    queryKey: ['venues', 'cities'],
    queryFn: async ({ signal }) => {
      const venues = await api<VenueSummary[]>('/venues', { auth: false, signal });
      const cities = venues.map((venue) => venue.city).filter((city): city is string => !!city);
      return [...new Set(cities)].sort();
    },
    staleTime: 5 * 60_000,
  });
}

export function useEvent(eventId: string) {
  return useQuery({
    queryKey: ['event', eventId],
    queryFn: ({ signal }) => api<EventDetail>(`/events/${encodeURIComponent(eventId)}`, { auth: false, signal }),
  });
}

export function useSeatSummary(eventId: string) {
  return useQuery({
    queryKey: ['event', eventId, 'summary'],
    queryFn: ({ signal }) =>
      api<GradeSummary[]>(`/events/${encodeURIComponent(eventId)}/seats/summary`, { auth: false, signal }),
    refetchInterval: 15_000,
  });
}
