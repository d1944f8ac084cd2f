package dev.tiketi.reservation.saga;

import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.PaymentEvent;
import dev.tiketi.events.PaymentFailed;
import dev.tiketi.events.PaymentRefunded;
import dev.tiketi.events.PaymentSucceeded;
import dev.tiketi.messaging.UnprocessableEventException;
import dev.tiketi.messaging.inbox.Inbox;
import dev.tiketi.reservation.booking.Reservation;
import dev.tiketi.reservation.booking.ReservationStatus;
import dev.tiketi.reservation.cancellation.CancelledEvents;
import dev.tiketi.reservation.booking.ReservationEvents;
import dev.tiketi.reservation.booking.Reservations;
import dev.tiketi.reservation.booking.SeatsChanged;
import dev.tiketi.reservation.booking.SeatsChanged.Change;
import dev.tiketi.reservation.expiry.Expiries;
import dev.tiketi.reservation.booking.ShoppingEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * The reservation side of the booking saga. Each payment event is applied once (inbox, same transaction)
 * to its reservation, locked; every event this writes goes through the outbox in that transaction too.
 */
@Service
class PaymentSaga {

    private static final Logger log = LoggerFactory.getLogger(PaymentSaga.class);

    private final Inbox inbox;
    private final Reservations reservations;
    private final ReservationEvents events;
    private final ApplicationEventPublisher publisher;
    private final Expiries expiries;
    private final CancelledEvents cancelledEvents;
    private final Clock clock;

    PaymentSaga(Inbox inbox, Reservations reservations, ReservationEvents events, ApplicationEventPublisher publisher,
                Expiries expiries, CancelledEvents cancelledEvents, Clock clock) {
        this.inbox = inbox;
        this.cancelledEvents = cancelledEvents;
        this.expiries = expiries;
        this.reservations = reservations;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    public void apply(EventEnvelope envelope, PaymentEvent event) {
        if (!inbox.markProcessed(envelope)) {
            log.debug("Payment event {} ({}) already processed", envelope.eventId(), envelope.eventType());
            return;
        }
        Reservation reservation = reservations.lock(event.reservationId())
                .filter(found -> found.userId().equals(event.userId()))
                .orElseThrow(() -> new UnprocessableEventException("payment " + event.paymentId() + " names reservation "
                        + event.reservationId() + " of user " + event.userId() + ", which does not exist"));
        Instant now = clock.instant();
        switch (event) {
            case PaymentSucceeded succeeded -> succeeded(reservation, succeeded, now);
            case PaymentFailed failed -> {
                if (PaymentRules.failureCancels(reservation)) {
                    Reservation cancelled = reservation.paymentFailed(now);
                    reservations.save(reservation, cancelled);
                    events.cancelled(cancelled);
                    seatsChanged(cancelled, Change.RELEASED);
                }
            }
            case PaymentRefunded refunded -> reservations.save(reservation, reservation.refunded(now));
        }
    }

    private void succeeded(Reservation reservation, PaymentSucceeded payment, Instant now) {
        if (reservation.status() == ReservationStatus.PENDING && cancelledEvents.contains(reservation.eventId())) {
            // a hold that slipped in while its event's cancellation was under way never becomes a booking
            Reservation cancelled = reservation.cancelForEvent(now);
            reservations.save(reservation, cancelled);
            events.cancelled(cancelled);
            seatsChanged(cancelled, Change.RELEASED);
            publisher.publishEvent(new ShoppingEnded(cancelled.eventId(), cancelled.userId()));
            log.info("Payment {} rejected for reservation {}: its event was cancelled", payment.paymentId(),
                    reservation.id());
            events.paymentRejected(cancelled, payment.paymentId(), payment.amount(), Reservation.EVENT_CANCELLED);
            return;
        }
        switch (PaymentRules.onSucceeded(reservation, payment.paymentId(), payment.amount(), payment.approvedAt())) {
            case PaymentRules.Confirm confirm -> {
                Reservation confirmed = reservation.confirm(payment.paymentId(), now);
                reservations.save(reservation, confirmed);
                events.confirmed(confirmed);
                seatsChanged(confirmed, Change.SOLD);
                publisher.publishEvent(new ShoppingEnded(confirmed.eventId(), confirmed.userId()));
            }
            case PaymentRules.AlreadyConfirmed already ->
                    log.debug("Reservation {} was confirmed by payment {} before", reservation.id(), payment.paymentId());
            case PaymentRules.Reject reject -> {
                Reservation rejecting = reject.expireFirst() ? expiries.expire(reservation, now) : reservation;
                log.info("Payment {} rejected for reservation {} ({}): to be refunded", payment.paymentId(),
                        reservation.id(), reject.reason());
                events.paymentRejected(rejecting, payment.paymentId(), payment.amount(), reject.reason());
            }
        }
    }

    private void seatsChanged(Reservation reservation, Change change) {
        publisher.publishEvent(new SeatsChanged(reservation.eventId(), reservation.id(), reservation.seatIds(), change));
    }
}
