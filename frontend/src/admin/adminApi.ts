import { api, apiUrl } from '../shared/api/http';
import { currentAccessToken } from '../auth/session';
import { ApiProblem } from '../shared/api/problem';
import type { SeatTemplate } from './templateModel';

/** The admin APIs of docs/api.md ("Admin APIs", catalog and venue sections), typed as documented there. */
export interface Figures {
  bookingsSold: number;
  ticketsSold: number;
  revenue: number;
  bookingsRefunded: number;
  ticketsRefunded: number;
  refunds: number;
  netRevenue: number;
}
export interface Sales {
  timezone: string;
  from: string;
  to: string;
  today: { date: string; figures: Figures };
  period: Figures;
  daily: { date: string; figures: Figures }[];
  hourly: { hour: string; figures: Figures }[];
}
export interface Outcomes {
  today: { status: string; payments: number; amount: number }[];
  byStatus: { status: string; payments: number; amount: number }[];
  failures: { failureCode: string; payments: number }[];
}
export interface SellThrough {
  eventId: string;
  title: string;
  status: string;
  startsAt: string;
  total: number;
  sold: number;
  ratio: number;
  grades?: { grade: string; price: number; total: number; sold: number; ratio: number }[];
}
export interface QueueFigures {
  eventId: string;
  waiting: number;
  active: number;
  paused: boolean;
  admittedLastHour: number;
  admissionsPerSecondLastHour: number;
  admittedPerMinute: number[];
}
export interface QueueStats {
  waiting: number;
  admitted: number;
  active: number;
  paused: boolean;
  admissionsPerSecond: number;
  policy: { type: 'FIXED_RATE' | 'CAPACITY'; ratePerSecond?: number | null; maxActive?: number | null };
}
export interface Page<T> {
  content: T[];
  page: number;
  size: number;
  totalElements: number;
  totalPages: number;
}
export interface Venue {
  id: string;
  name: string;
  city: string;
  address: string;
}
export interface Hall {
  id: string;
  venueId: string;
  name: string;
  seatCount: number;
  seatTemplate: SeatTemplate;
}
export const EVENT_STATUSES = ['UPCOMING', 'ON_SALE', 'SOLD_OUT', 'ENDED', 'CANCELLED'] as const;
export const CATEGORIES = ['CONCERT', 'MUSICAL', 'THEATER', 'CLASSIC', 'SPORTS', 'EXHIBITION', 'FAMILY', 'OTHER'] as const;
export interface AdminEvent {
  id: string;
  title: string;
  artist: string;
  description: string | null;
  category: string;
  status: string;
  startsAt: string;
  endsAt: string;
  saleStartsAt: string;
  saleEndsAt: string;
  posterUrl: string | null;
  seatCount: number;
  availableCount: number;
  venue: { id: string; name: string; city: string };
  hall: { id: string; name: string };
}
export interface EventRequest {
  title: string;
  artist: string;
  description: string | null;
  category: string;
  hallId?: string;
  startsAt: string;
  endsAt: string;
  saleStartsAt: string;
  saleEndsAt: string;
  posterUrl: string | null;
}
export const RESERVATION_STATUSES = ['PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'REFUNDED'] as const;
export interface AdminReservation {
  id: string;
  eventId: string;
  userId: string;
  status: string;
  event: { title: string; venueName: string; hallName: string; startsAt: string; endsAt: string };
  seats: { seatId: string; section: string; row: string; number: number; grade: string; price: number }[];
  totalAmount: number;
  cancelReason: string | null;
  wasConfirmed: boolean;
  paymentId: string | null;
  createdAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  refundedAt: string | null;
}
export interface ReservationPage {
  items: AdminReservation[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}
export interface Payment {
  id: string;
  userId: string;
  reservationId: string;
  eventId: string;
  amount: number;
  method: string;
  provider: string;
  cardLast4: string | null;
  status: string;
  failureCode: string | null;
  failureMessage: string | null;
  approvedAt: string | null;
  refundedAt: string | null;
  createdAt: string;
}
export interface PaymentDetail {
  payment: Payment;
  exchanges: {
    id: string;
    provider: string;
    operation: string;
    request: string;
    response: string;
    httpStatus: number | null;
    outcome: string;
    durationMs: number;
    createdAt: string;
  }[];
}
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: string;
  status: string;
  locked: boolean;
  createdAt: string;
}
export interface UserDetail extends Omit<UserSummary, 'locked'> {
  phone?: string;
  failedLoginCount?: number;
  lockedUntil?: string;
  adminLockedAt?: string;
  adminLockReason?: string;
  loginHistory: { attemptedAt: string; success: boolean; failureReason?: string; ip?: string; userAgent?: string }[];
}
export interface Notice {
  id: string;
  title: string;
  body: string;
  pinned: boolean;
  createdAt: string;
}
export interface NoticeInput {
  title: string;
  body: string;
  pinned: boolean;
}

type Query = Record<string, string | number | boolean | undefined | null | string[]>;
const get = <T>(path: string, query?: Query) => api<T>(path, query ? { query } : {});

export const adminApi = {
  sales: (query: Query) => get<Sales>('/admin/reservations/sales', query),
  outcomes: (query: Query) => get<Outcomes>('/admin/payments/outcomes', query),
  sellThrough: () => get<SellThrough[]>('/admin/events/sell-through', { limit: 100 }),
  eventSellThrough: (id: string) => get<SellThrough>(`/admin/events/${id}/sell-through`),
  queueOverview: (eventIds: string[]) => get<QueueFigures[]>('/admin/queue/overview', { eventId: eventIds }),
  queueStats: (id: string) => get<QueueStats>(`/admin/queue/${id}`),
  pauseQueue: (id: string) => api<QueueStats>(`/admin/queue/${id}/pause`, { method: 'POST' }),
  resumeQueue: (id: string) => api<QueueStats>(`/admin/queue/${id}/resume`, { method: 'POST' }),
  queuePolicy: (id: string, policy: QueueStats['policy']) => api<QueueStats>(`/admin/queue/${id}/policy`, { method: 'PUT', body: policy }),

  venues: () => get<Page<Venue>>('/admin/venues', { size: 100 }),
  venue: (id: string) => get<Venue>(`/admin/venues/${id}`),
  createVenue: (body: Omit<Venue, 'id'>) => api<Venue>('/admin/venues', { method: 'POST', body }),
  updateVenue: (id: string, body: Omit<Venue, 'id'>) => api<Venue>(`/admin/venues/${id}`, { method: 'PUT', body }),
  deleteVenue: (id: string) => api<void>(`/admin/venues/${id}`, { method: 'DELETE' }),
  halls: (venueId: string) => get<Hall[]>(`/admin/venues/${venueId}/halls`),
  hall: (id: string) => get<Hall>(`/admin/halls/${id}`),
  createHall: (venueId: string, body: { name: string; seatTemplate: SeatTemplate }) =>
    api<Hall>(`/admin/venues/${venueId}/halls`, { method: 'POST', body }),
  updateHall: (id: string, body: { name: string; seatTemplate: SeatTemplate }) => api<Hall>(`/admin/halls/${id}`, { method: 'PUT', body }),
  deleteHall: (id: string) => api<void>(`/admin/halls/${id}`, { method: 'DELETE' }),

  events: (status: string | undefined, page: number) => get<Page<AdminEvent>>('/admin/events', { status, page, size: 100 }),
  event: (id: string) => get<AdminEvent>(`/admin/events/${id}`),
  createEvent: (body: EventRequest) => api<AdminEvent>('/admin/events', { method: 'POST', body }),
  updateEvent: (id: string, body: EventRequest) => api<AdminEvent>(`/admin/events/${id}`, { method: 'PUT', body }),
  eventAction: (id: string, action: 'open-sale' | 'close-sale' | 'cancel') => api<AdminEvent>(`/admin/events/${id}/${action}`, { method: 'POST' }),

  reservations: (query: Query) => get<ReservationPage>('/admin/reservations', query),
  reservation: (id: string) => get<AdminReservation>(`/admin/reservations/${id}`),
  payments: (query: Query) => get<Page<Payment>>('/admin/payments', query),
  payment: (id: string) => get<PaymentDetail>(`/admin/payments/${id}`),

  users: (query: string, page = 0) => get<Page<UserSummary>>('/admin/users', { query, page, size: 20 }),
  user: (id: string) => get<UserDetail>(`/admin/users/${id}`),
  lockUser: (id: string, reason: string) => api<void>(`/admin/users/${id}/lock`, { method: 'POST', body: reason ? { reason } : {} }),
  unlockUser: (id: string) => api<void>(`/admin/users/${id}/unlock`, { method: 'POST' }),

  notices: () => get<{ items: Omit<Notice, 'body'>[] }>('/notices', { size: 100 }),
  notice: (id: string) => get<Notice>(`/notices/${id}`),
  createNotice: (body: NoticeInput) => api<Notice>('/admin/notices', { method: 'POST', body }),
  updateNotice: (id: string, body: NoticeInput) => api<Notice>(`/admin/notices/${id}`, { method: 'PUT', body }),
  deleteNotice: (id: string) => api<void>(`/admin/notices/${id}`, { method: 'DELETE' }),
};

/**
 * Saves an event's bookings as CSV. The access token lives in memory only, so a plain link would reach the
 * server without it: the file is fetched with the token and handed to the browser as a Blob.
 */
export async function downloadBookingsCsv(eventId: string): Promise<void> {
  const token = await currentAccessToken();
  const response = await fetch(apiUrl('/admin/reservations/export', { eventId }), {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new ApiProblem(response.status, await response.json().catch(() => ({})));
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `reservations-${eventId}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
