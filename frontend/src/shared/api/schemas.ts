/**
 * The API's types, generated from the services' OpenAPI descriptions (src/shared/api/openapi, regenerated with
 * `npm run api:types`). Feature code calls `api<T>()` with these types and nothing hand-written, so a renamed
 * field breaks the type check instead of a page.
 *
 * springdoc marks no property as required; {@link Loaded} states which ones a feature relies on being present.
 */
import type { components as EventApi } from './openapi/event-service';
import type { components as PaymentApi } from './openapi/payment-service';
import type { components as ReservationApi } from './openapi/reservation-service';
import type { components as UserApi } from './openapi/user-service';

export type Loaded<T, K extends keyof T> = T & { [P in K]-?: NonNullable<T[P]> };

type EventSchemas = EventApi['schemas'];
export type EventListItem = Loaded<EventSchemas['EventListItem'], 'id' | 'title' | 'status' | 'startsAt'>;
export type EventPage = Omit<Loaded<EventSchemas['EventPage'], 'page' | 'totalPages' | 'totalItems'>, 'items'> & {
  items: EventListItem[];
};
export type EventDetail = Loaded<EventSchemas['EventDetail'], 'id' | 'title' | 'status' | 'startsAt'>;
export type GradeSummary = Loaded<EventSchemas['GradeSummary'], 'grade' | 'price' | 'total' | 'available'>;
export type NoticeSummary = Loaded<EventSchemas['NoticeSummary'], 'id' | 'title'>;
export type NoticePage = Omit<Loaded<EventSchemas['NoticePage'], 'page' | 'totalPages'>, 'items'> & { items: NoticeSummary[] };
export type Notice = Loaded<EventSchemas['Notice'], 'id' | 'title' | 'body'>;

type ReservationSchemas = ReservationApi['schemas'];
export type ReservationStatus = NonNullable<ReservationSchemas['ReservationView']['status']>;
export type ReservedSeat = Loaded<ReservationSchemas['ReservedSeat'], 'seatId' | 'grade' | 'price'>;
export type Reservation = Omit<
  Loaded<ReservationSchemas['ReservationView'], 'id' | 'eventId' | 'status' | 'totalAmount'>,
  'seats'
> & { seats: ReservedSeat[] };
export type ReservationPage = Omit<Loaded<ReservationSchemas['ReservationPage'], 'page' | 'totalPages'>, 'items'> & {
  items: Reservation[];
};

type PaymentSchemas = PaymentApi['schemas'];
export type PaymentRequest = PaymentSchemas['PaymentRequest'];
export type Payment = Loaded<PaymentSchemas['PaymentView'], 'id' | 'reservationId' | 'status' | 'amount'>;
export type PaymentStatus = Payment['status'];
export type PaymentPage = Omit<PaymentSchemas['PageViewPaymentView'], 'content'> & { content?: Payment[] };

type UserSchemas = UserApi['schemas'];
export type RegisterRequest = UserSchemas['RegisterRequest'];
export type UpdateProfileRequest = UserSchemas['UpdateProfileRequest'];
export type ChangePasswordRequest = UserSchemas['ChangePasswordRequest'];
export type LoginRequest = UserSchemas['LoginRequest'];
export type UserProfile = Loaded<UserSchemas['UserProfile'], 'id' | 'email' | 'name' | 'role'>;
export type AuthTokens = UserSchemas['AuthTokens'];
export type WithdrawRequest = UserSchemas['WithdrawRequest'];
