package dev.tiketi.payment.request;

import dev.tiketi.payment.config.PaymentProperties;
import dev.tiketi.serviceauth.ServiceCredentials;
import dev.tiketi.web.problem.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Checks the payment token ({@code qp_…}) with queue-service: it must be a PAYMENT token of this buyer for
 * the reservation's event, not expired or revoked. The token proves the buyer came through the waiting room.
 */
@Component
class PaymentTokenClient {

    static final String HEADER = "X-Payment-Token";

    private final RestClient client;

    PaymentTokenClient(@Value("${tiketi.urls.queue-service}") String baseUrl, PaymentProperties properties,
                       ServiceCredentials credentials) {
        this.client = Neighbours.client(baseUrl, properties, credentials);
    }

    record TokenCheck(boolean valid, String kind, Instant expiresAt, String reason) {
    }

    /** Throws a 403 problem unless {@code token} is a valid payment token of the user for the event. */
    void requirePaymentToken(String token, UUID userId, UUID eventId) {
        if (token == null || token.isBlank()) {
            throw ApiException.badRequest("payment-token-required",
                    "A payment token (header " + HEADER + ") is required to pay.");
        }
        if (token.length() > 64) {
            throw invalid("malformed");
        }
        TokenCheck check;
        try {
            check = client.post().uri("/internal/queue/tokens/validate")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("token", token, "userId", userId, "eventId", eventId))
                    .retrieve()
                    .body(TokenCheck.class);
        } catch (RestClientException e) {
            throw Neighbours.unavailable("queue-service");
        }
        if (check == null) {
            throw Neighbours.unavailable("queue-service");
        }
        if (!check.valid()) {
            throw invalid(check.reason() == null ? "invalid" : check.reason());
        }
        if (!"PAYMENT".equals(check.kind())) {
            throw invalid("not-a-payment-token");
        }
    }

    private static ApiException invalid(String reason) {
        return ApiException.forbidden("payment-token-invalid",
                "The payment token is not valid for this reservation (" + reason + ").");
    }
}
