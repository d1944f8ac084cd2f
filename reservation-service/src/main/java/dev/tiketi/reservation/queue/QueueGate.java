package dev.tiketi.reservation.queue;

import dev.tiketi.reservation.config.ServiceClients;
import dev.tiketi.serviceauth.ServiceCredentials;
import dev.tiketi.web.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * queue-service's internal token API: only a buyer the waiting room admitted may hold seats, and the hold
 * hands them the payment token. 503 {@code queue-service-unavailable} when it cannot be asked: without it
 * nobody can prove an admission, so no hold is taken.
 */
@Component
public class QueueGate {

    /** A neighbour that cannot be reached (restarting, its breaker open) is worth asking again this soon. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(QueueGate.class);

    private final RestClient client;

    QueueGate(@Value("${tiketi.urls.queue-service}") String baseUrl, ServiceCredentials credentials) {
        this.client = ServiceClients.to(baseUrl, credentials);
    }

    /** Passes for a live admission token of this user and event; 403 {@code admission-token-invalid} otherwise. */
    public void requireAdmission(String admissionToken, UUID userId, UUID eventId) {
        TokenCheck check = post("/internal/queue/tokens/validate",
                Map.of("token", admissionToken, "userId", userId, "eventId", eventId), TokenCheck.class);
        if (check == null || !check.valid() || !"ADMISSION".equals(check.kind())) {
            String reason = check == null ? "no answer" : check.valid() ? "not an admission token" : check.reason();
            throw admissionRefused(reason);
        }
    }

    /** The token payment-service demands; 403 {@code admission-token-invalid} once the admission is gone. */
    public PaymentToken issuePaymentToken(String admissionToken, UUID userId, UUID eventId) {
        return post("/internal/queue/tokens/payment",
                Map.of("admissionToken", admissionToken, "userId", userId, "eventId", eventId), PaymentToken.class);
    }

    /**
     * Gives queue-service back the payment token of a live hold after Redis lost it; what it answers
     * ({@code restored}, {@code present}, {@code revoked}). Throws when queue-service cannot be asked, so the
     * caller tries again later.
     */
    public String restorePaymentToken(PaymentToken token, UUID userId, UUID eventId) {
        Restored restored = client.post().uri("/internal/queue/tokens/payment/restore")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("paymentToken", token.paymentToken(), "userId", userId, "eventId", eventId,
                        "expiresAt", token.expiresAt()))
                .retrieve()
                .body(Restored.class);
        return restored == null ? "no answer" : restored.outcome();
    }

    /**
     * The buyer is done shopping (paid, or their hold ran out): their admission ends and a waiting-room slot
     * returns. Best effort: if it fails, the admission simply runs out on its own (10 minutes).
     */
    public void releaseSlot(UUID eventId, UUID userId) {
        try {
            client.post().uri("/internal/queue/{eventId}/slots/release", eventId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("userId", userId))
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientException e) {
            log.warn("Queue slot of user {} for event {} not released: {}", userId, eventId, e.getMessage());
        }
    }

    private <T> T post(String uri, Map<String, Object> body, Class<T> answer) {
        try {
            return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().value() == 409) {
                            throw admissionRefused("admission is gone");
                        }
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new RestClientException("queue-service answered " + response.getStatusCode());
                        }
                        return response.bodyTo(answer);
                    });
        } catch (RestClientException e) {
            throw unavailable();
        }
    }

    private static ApiException admissionRefused(String reason) {
        return ApiException.forbidden("admission-token-invalid",
                "A valid admission token from the waiting room is required to hold seats (" + reason + ").");
    }

    private static ApiException unavailable() {
        return ApiException.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "queue-service-unavailable",
                "The waiting room cannot be reached right now; try again shortly.", RETRY_AFTER);
    }

    /** What {@code /internal/queue/tokens/validate} answers. */
    record TokenCheck(boolean valid, String kind, Instant expiresAt, String reason) {
    }

    record Restored(String outcome) {
    }

    /** The payment token ({@code qp_…}) and when it expires. */
    public record PaymentToken(String paymentToken, Instant expiresAt) {
    }
}
