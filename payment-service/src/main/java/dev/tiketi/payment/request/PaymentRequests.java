package dev.tiketi.payment.request;

import dev.tiketi.payment.core.Payment;
import dev.tiketi.payment.core.PaymentStore;
import dev.tiketi.payment.core.PaymentTransitions;
import dev.tiketi.payment.gateway.ApprovalRequest;
import dev.tiketi.payment.gateway.Approved;
import dev.tiketi.payment.gateway.Declined;
import dev.tiketi.payment.gateway.GatewayException;
import dev.tiketi.payment.gateway.GuardedPaymentGateway;
import dev.tiketi.payment.reservation.CopiedReservation;
import dev.tiketi.web.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/**
 * Takes a payment request through its three steps, none of which holds a transaction across the PG call. What
 * it charges comes from payment-service's own copy of the reservation ({@link KnownReservations}), never from the
 * client and without asking reservation-service:
 * (1) a short transaction inserts the PENDING payment — the unique (user, paymentKey) makes a repeated or
 * concurrent request find that payment instead of charging again; (2) the PG is asked, outside any
 * transaction; (3) a short transaction records its answer with the event (outbox). If the answer never
 * comes the payment stays PENDING and reconciliation settles it by asking the PG.
 */
@Service
public class PaymentRequests {

    private static final Logger log = LoggerFactory.getLogger(PaymentRequests.class);

    private final PaymentStore store;
    private final PaymentTransitions transitions;
    private final GuardedPaymentGateway gateway;
    private final KnownReservations reservations;
    private final PaymentTokenClient tokens;
    private final Clock clock;

    PaymentRequests(PaymentStore store, PaymentTransitions transitions, GuardedPaymentGateway gateway,
                    KnownReservations reservations, PaymentTokenClient tokens, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.gateway = gateway;
        this.reservations = reservations;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** @param created whether this request made the payment (false: it repeated an existing one's key) */
    public record Outcome(Payment payment, boolean created) {
    }

    public Outcome pay(UUID userId, String paymentToken, PaymentRequest request) {
        var existing = store.findByKey(userId, request.paymentKey());
        if (existing.isPresent()) {
            return replay(existing.get(), request);
        }
        PaymentRules.requireInstrument(request, gateway.instrument());
        CopiedReservation reservation = reservations.find(request.reservationId(), userId, request.amount());
        PaymentRules.requireOwner(reservation, userId);
        tokens.requirePaymentToken(paymentToken, userId, reservation.eventId(), reservation.id());
        PaymentRules.requirePayable(reservation, request.amount(), clock.instant());
        if (!gateway.available()) {
            throw ApiException.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "payment-gateway-unavailable",
                    "Payments cannot be taken right now; nothing was charged. Try again shortly.", gateway.openFor());
        }

        var payment = Payment.pending(UUID.randomUUID(), userId, reservation.id(), reservation.eventId(),
                request.paymentKey(), reservation.totalAmount(), request.method(), gateway.provider(),
                orderName(reservation), request.card() == null ? null : request.card().last4(), clock.instant());
        boolean inserted;
        try {
            inserted = store.insertPending(payment);
        } catch (DuplicateKeyException e) {
            // the reservation has a PENDING or SUCCESS payment already — unless that one is this very key,
            // inserted by a concurrent request an instant ago
            return store.findByKey(userId, request.paymentKey())
                    .map(same -> replay(same, request))
                    .orElseThrow(() -> ApiException.conflict("reservation-payment-exists",
                            "This reservation is already paid or being paid."));
        }
        if (!inserted) {
            return replay(store.findByKey(userId, request.paymentKey()).orElseThrow(), request);
        }
        return new Outcome(charge(payment, request), true);
    }

    private Payment charge(Payment payment, PaymentRequest request) {
        var approval = new ApprovalRequest(payment.orderId(), payment.amount(), payment.orderName(),
                request.card(), request.providerPaymentKey());
        try {
            switch (gateway.approve(approval)) {
                case Approved approved -> transitions.succeed(payment.id(), approved);
                case Declined declined -> transitions.fail(payment.id(), declined.code(), declined.message());
            }
        } catch (GatewayException e) {
            log.warn("Payment {}: no answer from the PG ({}: {}); left PENDING for reconciliation", payment.id(),
                    e.failure(), e.getMessage());
        }
        return store.find(payment.id()).orElseThrow();
    }

    private static Outcome replay(Payment existing, PaymentRequest request) {
        PaymentRules.requireSameRequest(existing, request);
        return new Outcome(existing, false);
    }

    private static String orderName(CopiedReservation reservation) {
        String title = reservation.eventTitle() == null || reservation.eventTitle().isBlank()
                ? "TIKETI booking" : reservation.eventTitle();
        return title.length() <= 200 ? title : title.substring(0, 200);
    }
}
