package dev.tiketi.payment.saga;

import dev.tiketi.events.CatalogEvent;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.EventPayload;
import dev.tiketi.events.MalformedEventException;
import dev.tiketi.events.PaymentEvent;
import dev.tiketi.events.Topics;
import dev.tiketi.events.ReservationCancelled;
import dev.tiketi.events.ReservationConfirmed;
import dev.tiketi.events.ReservationExpired;
import dev.tiketi.events.ReservationHeld;
import dev.tiketi.events.ReservationPaymentRejected;
import dev.tiketi.messaging.UnprocessableEventException;
import dev.tiketi.messaging.inbox.Inbox;
import dev.tiketi.payment.core.PaymentStore;
import dev.tiketi.payment.core.PaymentTransitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment side of the booking saga. A booking the buyer cancelled ({@code ReservationCancelled} with
 * {@code wasConfirmed}) and a payment the reservation refused ({@code ReservationPaymentRejected}) are both
 * refunded. This transaction only records the intent (REFUND_PENDING) with the event's id in the inbox; the
 * refund worker asks the PG afterwards, so no PG call ever runs inside a consumer's transaction.
 */
@Service
class RefundSaga {

    private static final Logger log = LoggerFactory.getLogger(RefundSaga.class);

    private final Inbox inbox;
    private final PaymentStore payments;
    private final PaymentTransitions transitions;

    RefundSaga(Inbox inbox, PaymentStore payments, PaymentTransitions transitions) {
        this.inbox = inbox;
        this.payments = payments;
        this.transitions = transitions;
    }

    /** @throws MalformedEventException for an event that does not belong on {@code reservation.events} */
    @Transactional
    public void apply(EventEnvelope envelope, EventPayload event) {
        if (event instanceof PaymentEvent || event instanceof CatalogEvent) {
            throw new MalformedEventException("a " + envelope.eventType() + " does not belong on "
                    + Topics.RESERVATION_EVENTS);
        }
        // holds, confirmations, expiries and unpaid cancellations move no money: nothing to do, so nothing to
        // remember either (a processed_events row per hold of the sale was an INSERT per hold for nothing)
        if (!movesMoney(event)) {
            return;
        }
        if (!inbox.markProcessed(envelope)) {
            log.debug("Event {} ({}) already processed", envelope.eventId(), envelope.eventType());
            return;
        }
        RefundRules.Decision decision = switch (event) {
            case ReservationCancelled cancelled when cancelled.wasConfirmed() -> RefundRules.forCancelledBooking(
                    cancelled.reservationId(), payments.findByReservation(cancelled.reservationId()));
            case ReservationPaymentRejected rejected -> RefundRules.forRejectedPayment(rejected.reservationId(),
                    rejected.paymentId(), payments.find(rejected.paymentId()));
            // holds, confirmations, expiries and unpaid cancellations move no money
            case ReservationCancelled unpaid -> null;
            case ReservationHeld held -> null;
            case ReservationConfirmed confirmed -> null;
            case ReservationExpired expired -> null;
            case PaymentEvent misplaced -> null;
            case CatalogEvent misplaced -> null;
        };
        switch (decision) {
            case null -> {
            }
            case RefundRules.Refund refund -> transitions.requestRefund(refund.paymentId(), refundReason(event));
            case RefundRules.AlreadyRefunding already ->
                    log.info("Payment {} is already being refunded; {} changes nothing", already.paymentId(),
                            envelope.eventId());
            case RefundRules.Inconsistent inconsistent -> throw new UnprocessableEventException(inconsistent.why());
        }
    }

    /** Whether the event may start a refund: only those are recorded in the inbox, so only they are deduplicated. */
    static boolean movesMoney(EventPayload event) {
        return event instanceof ReservationPaymentRejected
                || (event instanceof ReservationCancelled cancelled && cancelled.wasConfirmed());
    }

    private static String refundReason(EventPayload event) {
        return switch (event) {
            case ReservationCancelled cancelled -> cancelled.reason();
            case ReservationPaymentRejected rejected -> rejected.reason();
            default -> "REFUND";
        };
    }
}
