package dev.tiketi.queue.token;

import dev.tiketi.serviceauth.BuyerTokens;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * The admission token an admitted buyer is handed ({@code qr_…}, see {@link BuyerTokens}): signed for the buyer
 * and the event, so reservation-service checks it without asking this service. The admission script cannot sign
 * (it learns who is admitted as it pops them), so Redis keeps the unsigned part — the marker
 * {@code <token id>.<expiry epoch seconds>} under {@code queue:admitted:…} — and the token is signed from it
 * whenever it is shown (status, enter, the stream): the same token every time, for microseconds of CPU.
 */
@Component
public class AdmissionTokens {

    private final BuyerTokens tokens;

    AdmissionTokens(BuyerTokens tokens) {
        this.tokens = tokens;
    }

    /** A signed admission, and when it ends. */
    public record Admission(String token, Instant expiresAt) {
    }

    /** A fresh token id for the admission script to put in a marker. */
    public String newId() {
        return tokens.newId();
    }

    /**
     * The signed token for an admission marker. A marker of another form (a random token written before tokens
     * were signed) is shown as it is, until {@code expiresAt} by Redis: reservation-service refuses it, and the
     * buyer queues again, rather than the status failing.
     */
    public Admission fromMarker(String marker, UUID eventId, UUID userId, Instant expiresAt) {
        int dot = marker.indexOf('.');
        if (dot > 0) {
            try {
                long expiry = Long.parseLong(marker.substring(dot + 1));
                return new Admission(tokens.admission(marker.substring(0, dot), expiry, userId, eventId),
                        Instant.ofEpochSecond(expiry));
            } catch (IllegalArgumentException e) {
                // not a marker of this version: shown as it is
            }
        }
        return new Admission(marker, expiresAt);
    }
}
