import type { ComponentType } from 'react';
import type { LazyRouteFunction, RouteObject } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth';
import { Layout, NotFoundPage } from './Layout';
import { RouteError } from './RouteError';

/** Each feature's pages load on first visit, so a buyer's first page carries only what it shows. */
const page = (load: () => Promise<{ default: ComponentType }>, guard?: 'user' | 'ADMIN'): { lazy: LazyRouteFunction<RouteObject> } => ({
  lazy: async () => {
    const { default: Page } = await load();
    if (!guard) return { Component: Page };
    return {
      Component: () => (
        <RequireAuth {...(guard === 'ADMIN' ? { role: 'ADMIN' as const } : {})}>
          <Page />
        </RequireAuth>
      ),
    };
  },
});

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, ...page(() => import('../events/HomePage')) },
      { path: 'events/:eventId', ...page(() => import('../events/EventDetailPage')) },
      { path: 'events/:eventId/queue', ...page(() => import('../queue/WaitingRoomPage'), 'user') },
      { path: 'events/:eventId/seats', ...page(() => import('../seatmap/SeatMapPage'), 'user') },
      { path: 'checkout/:reservationId', ...page(() => import('../checkout/CheckoutPage'), 'user') },
      { path: 'checkout/:reservationId/result', ...page(() => import('../checkout/PaymentResultPage'), 'user') },
      { path: 'bookings', ...page(() => import('../bookings/MyBookingsPage'), 'user') },
      { path: 'bookings/:reservationId', ...page(() => import('../bookings/BookingDetailPage'), 'user') },
      { path: 'login', ...page(() => import('../auth/LoginPage')) },
      { path: 'register', ...page(() => import('../auth/RegisterPage')) },
      { path: 'account', ...page(() => import('../account/AccountPage'), 'user') },
      { path: 'notices', ...page(() => import('../notices/NoticesPage')) },
      { path: 'notices/:noticeId', ...page(() => import('../notices/NoticeDetailPage')) },
      { path: 'admin/*', ...page(() => import('../admin/AdminApp'), 'ADMIN') },
      { path: '*', Component: NotFoundPage },
    ],
  },
];
