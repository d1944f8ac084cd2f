package dev.tiketi.serviceauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived credentials one platform service shows another: {@code <caller>.<expiry epoch seconds>.<HMAC>},
 * the HMAC-SHA256 of the first two parts under the platform's shared secret ({@code TIKETI_INTERNAL_SECRET}).
 * It names the calling service, so a callee can decide which callers may use which internal endpoint, and it
 * expires within a minute, so one seen in a log or a trace is soon worthless. Plain Java, no Spring.
 */
public final class ServiceTokens {

    /** How long an issued token is good for. */
    public static final Duration LIFETIME = Duration.ofSeconds(60);
    /** The shortest secret accepted: 256 bits, as HMAC-SHA256 wants. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException when the secret is missing or shorter than {@link #MIN_SECRET_BYTES} */
    public ServiceTokens(String secret) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the internal secret (TIKETI_INTERNAL_SECRET / tiketi.internal.secret)"
                    + " must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** A token for {@code caller}, good until {@code now + LIFETIME}. */
    public String issue(String caller, Instant now) {
        if (!SERVICE_NAME.matcher(caller).matches()) {
            throw new IllegalArgumentException("not a service name: " + caller);
        }
        String claims = caller + "." + now.plus(LIFETIME).getEpochSecond();
        return claims + "." + sign(claims);
    }

    /** The calling service a token names, if the token is genuine and current; empty otherwise. */
    public Optional<String> verify(String token, Instant now) {
        if (token == null || token.length() > 256) {
            return Optional.empty();
        }
        int signatureStart = token.lastIndexOf('.');
        int expiryStart = signatureStart < 0 ? -1 : token.lastIndexOf('.', signatureStart - 1);
        if (expiryStart <= 0) {
            return Optional.empty();
        }
        String claims = token.substring(0, signatureStart);
        byte[] expected = sign(claims).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = token.substring(signatureStart + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented)) {
            return Optional.empty();
        }
        long expiry;
        try {
            expiry = Long.parseLong(token.substring(expiryStart + 1, signatureStart));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Instant expiresAt = Instant.ofEpochSecond(expiry);
        // neither expired nor valid for longer than any token this platform issues
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LIFETIME).plus(CLOCK_SKEW))) {
            return Optional.empty();
        }
        String caller = token.substring(0, expiryStart);
        return SERVICE_NAME.matcher(caller).matches() ? Optional.of(caller) : Optional.empty();
    }

    private String sign(String claims) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(claims.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
