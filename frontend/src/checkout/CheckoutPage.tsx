import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { isProblem } from '../shared/api/problem';
import { showServerFieldErrors } from '../shared/forms/serverErrors';
import { TextField } from '../shared/forms/TextField';
import { Countdown, secondsLeft } from '../shared/ui/Countdown';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { formatKrw } from '../shared/format';
import { pay, showTestCards, TEST_CARDS, useReservation } from './checkoutApi';
import { newPaymentKey, readCheckoutState, type PaymentResultState } from './checkoutState';
import { ReservationSummary } from './ReservationSummary';

const cardSchema = z.object({
  number: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{12,19}$/, 'validation.cardNumber')),
  expiry: z.string().trim().regex(/^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/, 'validation.cardExpiry'),
  cvc: z.string().trim().regex(/^\d{3,4}$/, 'validation.cardCvc'),
});
type CardInput = z.input<typeof cardSchema>;
type CardForm = z.output<typeof cardSchema>;

/**
 * The gateway's timeout: payment-service has the request and may still be waiting for the PG. (Without any
 * answer at all the buyer stays here: paying again sends the same key, so it cannot charge twice.)
 */
function answerLost(error: unknown): boolean {
  return isProblem(error) && (error.status === 504 || error.code === 'upstream-timeout');
}

export default function CheckoutPage() {
  const { reservationId = '' } = useParams();
  const { t } = useTranslation('checkout');
  const { t: tp } = useTranslation('problems');
  const location = useLocation();
  const navigate = useNavigate();
  const checkout = readCheckoutState(location.state);
  const reservation = useReservation(reservationId);
  const [failure, setFailure] = useState<unknown>(null);
  const [expired, setExpired] = useState(false);
  const onExpire = useCallback(() => setExpired(true), []);
  const { register, handleSubmit, formState, setValue, setError } = useForm<CardInput, unknown, CardForm>({
    resolver: zodResolver(cardSchema),
    defaultValues: { number: '', expiry: '', cvc: '' },
  });

  if (reservation.isPending) return <p className="muted">{t('common:loading')}</p>;
  if (reservation.isError) return <ProblemMessage error={reservation.error} />;
  const booking = reservation.data;
  if (booking.status !== 'PENDING') return <Navigate to={`/bookings/${booking.id}`} replace />;

  const holdOver = expired || (booking.holdExpiresAt !== undefined && secondsLeft(booking.holdExpiresAt) === 0);

  const onSubmit = handleSubmit(async (card) => {
    if (!checkout) return;
    setFailure(null);
    // the same key for every retry of this checkout: a repeat is answered with the same payment, never a second charge
    const paymentKey = checkout.paymentKey ?? newPaymentKey();
    if (!checkout.paymentKey) navigate(location.pathname, { replace: true, state: { ...checkout, paymentKey } });
    const [month, year] = card.expiry.split('/').map((part) => Number(part.trim()));
    try {
      const payment = await pay(
        {
          reservationId: booking.id,
          paymentKey,
          amount: booking.totalAmount,
          method: 'CARD',
          card: { number: card.number, expiryMonth: month, expiryYear: 2000 + (year ?? 0), cvc: card.cvc },
        },
        checkout.paymentToken,
      );
      const state: PaymentResultState = { paymentId: payment.id };
      navigate(`/checkout/${booking.id}/result`, { state });
    } catch (error) {
      // a payment already under way, or an answer that did not arrive in time (the gateway gives up after a few
      // seconds while the PG may still approve): the result page follows the booking until it settles
      if (isProblem(error, 'reservation-payment-exists') || isProblem(error, 'reservation-not-payable') || answerLost(error)) {
        navigate(`/checkout/${booking.id}/result`);
        return;
      }
      const placed = showServerFieldErrors(error, setError, tp, (field) =>
        field.startsWith('card.number') ? 'number' : field.startsWith('card.expiry') ? 'expiry' : field === 'card.cvc' ? 'cvc' : null,
      );
      if (!placed) setFailure(error);
    }
  });

  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <div className="checkout">
        <section className="card" aria-labelledby="summary-title">
          <h2 id="summary-title" className="visually-hidden">{t('summary')}</h2>
          <ReservationSummary reservation={booking} />
        </section>

        <section className="card stack" aria-labelledby="pay-title">
          <h2 id="pay-title">{t('payment')}</h2>
          {booking.holdExpiresAt && (
            <p className="row" style={{ justifyContent: 'space-between', margin: 0 }}>
              <span>{t('timeLeft')}</span>
              <Countdown deadline={booking.holdExpiresAt} label={t('timeLeft')} onExpire={onExpire} />
            </p>
          )}
          {holdOver ? (
            <div className="problem" role="alert">
              {t('holdOver')} <Link to={`/events/${booking.eventId}`}>{t('backToEvent')}</Link>
            </div>
          ) : !checkout ? (
            <div className="problem" role="alert">
              {t('noToken')} <Link to={`/events/${booking.eventId}`}>{t('backToEvent')}</Link>
            </div>
          ) : (
            <form className="stack" onSubmit={onSubmit} noValidate>
              <ProblemMessage error={failure} />
              <TextField label={t('card.number')} inputMode="numeric" autoComplete="cc-number" required placeholder="1234 5678 9012 3456" error={formState.errors.number} {...register('number')} />
              <div className="card-extra">
                <TextField label={t('card.expiry')} autoComplete="cc-exp" required placeholder="MM/YY" error={formState.errors.expiry} {...register('expiry')} />
                <TextField label={t('card.cvc')} inputMode="numeric" autoComplete="cc-csc" required placeholder="123" error={formState.errors.cvc} {...register('cvc')} />
              </div>
              <button type="submit" className="buy" disabled={formState.isSubmitting}>
                {formState.isSubmitting ? t('paying') : t('pay', { amount: formatKrw(booking.totalAmount) })}
              </button>
              {formState.isSubmitting && <p className="muted small" role="status">{t('payingHint')}</p>}
            </form>
          )}
          {checkout && !holdOver && showTestCards() && (
            <details className="test-cards">
              <summary>{t('testCards.title')}</summary>
              <ul className="stack" style={{ paddingLeft: 0, listStyle: 'none' }}>
                {TEST_CARDS.map((card) => (
                  <li key={card.number} className="row">
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        setValue('number', card.number);
                        setValue('expiry', '12/30');
                        setValue('cvc', '123');
                      }}
                    >
                      {card.number}
                    </button>
                    <span>{t(`testCards.${card.behaviour}`)}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      </div>
    </div>
  );
}
