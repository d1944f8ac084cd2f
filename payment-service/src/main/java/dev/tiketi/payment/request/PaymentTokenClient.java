package dev.tiketi.payment.request;

import dev.tiketi.serviceauth.BuyerTokens;
import dev.tiketi.web.problem.ApiException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Checks the payment token ({@code qp_…}) here, asking nobody: reservation-service signed it with the hold
 * ({@link BuyerTokens}), for this buyer, the reservation's event and the reservation, and it must not have
 * expired. The token proves the buyer came through the waiting room (a hold is only taken under a live
 * admission). It cannot be revoked, and need not be: a reservation that is no longer a live hold is refused by
 * the payability check whatever its token says.
 */
@Component
class PaymentTokenClient {

    static final String HEADER = "X-Payment-Token";

    private final BuyerTokens tokens;
    private final Clock clock;

    PaymentTokenClient(BuyerTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Throws a 403 problem unless {@code token} is a current payment token of the user for this reservation. */
    void requirePaymentToken(String token, UUID userId, UUID eventId, UUID reservationId) {
        if (token == null || token.isBlank()) {
            throw ApiException.badRequest("payment-token-required",
                    "A payment token (header " + HEADER + ") is required to pay.");
        }
        BuyerTokens.Check check = tokens.checkPayment(token, userId, eventId, reservationId, clock.instant());
        if (!check.valid()) {
            throw ApiException.forbidden("payment-token-invalid",
                    "The payment token is not valid for this reservation (" + check.refusal() + ").");
        }
    }
}
