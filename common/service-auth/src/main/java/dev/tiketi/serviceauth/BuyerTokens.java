package dev.tiketi.serviceauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens a buyer carries from one service to the next, checked where they are presented with no call to
 * their issuer (as the AWS virtual waiting room and Queue-it do):
 * <ul>
 *   <li>the admission token {@code qr_…}, issued by queue-service when the waiting room lets a buyer in,
 *       bound to the buyer and the event, demanded by reservation-service for a hold;</li>
 *   <li>the payment token {@code qp_…}, issued by reservation-service with a hold, bound to the buyer, the event
 *       and the reservation, demanded by payment-service.</li>
 * </ul>
 * A token is {@code <prefix><id>.<expiry epoch seconds>.<mac>}: a random id (the handle a revocation names), the
 * expiry, and the HMAC-SHA256 — cut to 128 bits — of purpose, id, expiry and the ids it is bound to, under a key
 * of its own purpose derived from the platform's shared secret ({@code HMAC(secret, "admission-token")}), so a
 * token of one purpose never passes for the other and a service token never for either. The bound ids are not
 * in the token: the checker supplies the ones it knows (the signed-in user, the event, the reservation), so a
 * token shown by another user or for another event simply fails its MAC. 53 characters, within the 64 every
 * request that carries one allows. Plain Java, no Spring.
 *
 * <p>Signed tokens cannot be taken back by forgetting them; an admission the waiting room ends early (the buyer
 * left, paid, or their hold ran out) is refused through a tombstone at {@link #admissionRevokedKey}, which
 * queue-service writes and reservation-service's hold script reads (see docs/architecture.md, "Tokens").
 * A payment token is not revocable: payment-service refuses to pay a reservation that is not a live hold.
 */
public final class BuyerTokens {

    /** Admission tokens: what the waiting room hands an admitted buyer. */
    public static final String ADMISSION_PREFIX = "qr_";
    /** Payment tokens: what a hold hands the buyer to pay with. */
    public static final String PAYMENT_PREFIX = "qp_";
    /** The longest token any purpose issues; checkers refuse longer input before parsing it. */
    public static final int MAX_LENGTH = 64;

    private static final int ID_BYTES = 12;
    private static final int MAC_BYTES = 16;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16}");
    private static final long MAX_EXPIRY = 999_999_999_999L;
    private static final Pattern FORMAT = Pattern.compile("(q[rp]_)([A-Za-z0-9_-]{16})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{22})");
    private static final String ALGORITHM = "HmacSHA256";

    private final Signer admission;
    private final Signer payment;
    private final SecureRandom random = new SecureRandom();

    /** @throws IllegalArgumentException when the secret is missing or too short (as {@link ServiceTokens}) */
    public BuyerTokens(String secret) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < ServiceTokens.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the internal secret (TIKETI_INTERNAL_SECRET / tiketi.internal.secret)"
                    + " must be at least " + ServiceTokens.MIN_SECRET_BYTES + " bytes");
        }
        this.admission = new Signer(ADMISSION_PREFIX, "admission-token", bytes);
        this.payment = new Signer(PAYMENT_PREFIX, "payment-token", bytes);
    }

    /**
     * The outcome of a check: the token's id and expiry when it is genuine, current and bound to what the
     * checker supplied; otherwise why not ({@code malformed}, {@code not-issued-for-this-user-and-event} —
     * tampered, another user's, another event's or another purpose's —, {@code expired}).
     */
    public record Check(String id, Instant expiresAt, String refusal) {

        public boolean valid() {
            return refusal == null;
        }

        static Check refused(String refusal) {
            return new Check(null, null, refusal);
        }
    }

    /** A fresh random token id (16 characters), for an admission the waiting room is about to grant. */
    public String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The admission token with this id and expiry for the buyer and event: the same every time it is asked for. */
    public String admission(String id, long expiresAtEpochSecond, UUID userId, UUID eventId) {
        return admission.issue(id, expiresAtEpochSecond, userId, eventId);
    }

    public Check checkAdmission(String token, UUID userId, UUID eventId, Instant now) {
        return admission.check(token, now, userId, eventId);
    }

    /** A new payment token for a hold, good until {@code expiresAt} (whole seconds). */
    public String payment(UUID userId, UUID eventId, UUID reservationId, Instant expiresAt) {
        return payment.issue(newId(), expiresAt.getEpochSecond(), userId, eventId, reservationId);
    }

    public Check checkPayment(String token, UUID userId, UUID eventId, UUID reservationId, Instant now) {
        return payment.check(token, now, userId, eventId, reservationId);
    }

    /**
     * Contract between queue-service (writes) and reservation-service (reads, inside its hold script): present
     * while the admission with this token id is revoked. The event id is the key's hash tag — the same as every
     * {@code hold:{eventId}:…} key — so on a Redis Cluster the hold script may read it with the seats it takes.
     */
    public static String admissionRevokedKey(UUID eventId, String tokenId) {
        return admissionRevokedPrefix(eventId) + tokenId;
    }

    /** {@link #admissionRevokedKey} without the token id, for a script that learns the id itself. */
    public static String admissionRevokedPrefix(UUID eventId) {
        return "queue:revoked:{" + eventId + "}:";
    }

    private static final class Signer {

        private final String prefix;
        private final String purpose;
        private final SecretKeySpec key;

        Signer(String prefix, String purpose, byte[] secret) {
            this.prefix = prefix;
            this.purpose = purpose;
            // one key per purpose, derived from the shared secret: a MAC made for one purpose means nothing to another
            this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret, ALGORITHM), purpose), ALGORITHM);
        }

        String issue(String id, long expiresAtEpochSecond, UUID... boundTo) {
            if (id == null || !ID.matcher(id).matches() || expiresAtEpochSecond < 0 || expiresAtEpochSecond > MAX_EXPIRY) {
                throw new IllegalArgumentException("not a token id and expiry: " + id + ", " + expiresAtEpochSecond);
            }
            return prefix + id + "." + expiresAtEpochSecond + "." + mac(id, expiresAtEpochSecond, boundTo);
        }

        Check check(String token, Instant now, UUID... boundTo) {
            if (token == null || token.length() > MAX_LENGTH) {
                return Check.refused("malformed");
            }
            Matcher parts = FORMAT.matcher(token);
            if (!parts.matches()) {
                return Check.refused("malformed");
            }
            long expiry = Long.parseLong(parts.group(3));
            byte[] expected = mac(parts.group(2), expiry, boundTo).getBytes(StandardCharsets.US_ASCII);
            byte[] presented = parts.group(4).getBytes(StandardCharsets.US_ASCII);
            // constant time: how much of a guessed MAC is right must not show in how long the refusal takes
            if (!MessageDigest.isEqual(expected, presented) || !prefix.equals(parts.group(1))) {
                return Check.refused("not-issued-for-this-user-and-event");
            }
            Instant expiresAt = Instant.ofEpochSecond(expiry);
            if (!expiresAt.isAfter(now)) {
                return Check.refused("expired");
            }
            return new Check(parts.group(2), expiresAt, null);
        }

        private String mac(String id, long expiry, UUID... boundTo) {
            StringBuilder claims = new StringBuilder(purpose).append('|').append(id).append('|').append(expiry);
            for (UUID bound : boundTo) {
                claims.append('|').append(bound);
            }
            byte[] full = hmac(key, claims.toString());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
        }
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
