package dev.tiketi.reservation.queue;

import dev.tiketi.reservation.config.ServiceClients;
import dev.tiketi.serviceauth.BuyerTokens;
import dev.tiketi.serviceauth.ServiceCredentials;
import dev.tiketi.web.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The waiting room's side of a hold: only a buyer the waiting room admitted may hold seats, and the hold hands
 * them the payment token. Neither asks queue-service: the admission token is signed for the buyer and the
 * event ({@link BuyerTokens}) and checked here; that the waiting room has not ended the admission since is
 * checked by the hold script itself (the tombstone at {@link Admission#revokedKey()}, no extra round trip), and the
 * payment token is signed here. Only giving a slot back after the sale is a call, off the hold's path.
 */
@Component
public class QueueGate {

    private static final Logger log = LoggerFactory.getLogger(QueueGate.class);

    private final RestClient client;
    private final BuyerTokens tokens;
    private final Duration paymentTokenTtl;
    private final Clock clock;

    QueueGate(@Value("${tiketi.urls.queue-service}") String baseUrl, ServiceCredentials credentials, BuyerTokens tokens,
              @Value("${tiketi.reservation.payment-token-ttl}") Duration paymentTokenTtl, Clock clock) {
        this.client = ServiceClients.to(baseUrl, credentials);
        this.tokens = tokens;
        this.paymentTokenTtl = paymentTokenTtl;
        this.clock = clock;
    }

    /**
     * A genuine, current admission of this buyer for this event, as far as its signature tells; whether the
     * waiting room has ended it since is for the hold script to see ({@link #revokedKey()}).
     */
    public record Admission(UUID eventId, String tokenId) {

        /** Present once the waiting room ended this admission (the contract in {@link BuyerTokens#admissionRevokedKey}). */
        public String revokedKey() {
            return BuyerTokens.admissionRevokedKey(eventId, tokenId);
        }
    }

    /** Passes for a genuine, current admission token of this user and event; 403 {@code admission-token-invalid} otherwise. */
    public Admission requireAdmission(String admissionToken, UUID userId, UUID eventId) {
        BuyerTokens.Check check = tokens.checkAdmission(admissionToken, userId, eventId, clock.instant());
        if (!check.valid()) {
            throw admissionRefused(check.refusal());
        }
        return new Admission(eventId, check.id());
    }

    /**
     * The token payment-service demands, for a hold just taken under a live admission (the hold script saw no
     * tombstone): bound to the buyer, the event and the reservation, so it pays for nothing else.
     */
    public PaymentToken issuePaymentToken(UUID userId, UUID eventId, UUID reservationId) {
        Instant expiresAt = Instant.ofEpochSecond(clock.instant().plus(paymentTokenTtl).getEpochSecond());
        return new PaymentToken(tokens.payment(userId, eventId, reservationId, expiresAt), expiresAt);
    }

    /** 403 {@code admission-token-invalid}: the waiting room ended the admission (the hold script found its tombstone). */
    public static ApiException admissionRevoked() {
        return admissionRefused("revoked");
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

    private static ApiException admissionRefused(String reason) {
        return ApiException.forbidden("admission-token-invalid",
                "A valid admission token from the waiting room is required to hold seats (" + reason + ").");
    }

    /** The payment token ({@code qp_…}) and when it expires. */
    public record PaymentToken(String paymentToken, Instant expiresAt) {
    }
}
