package dev.tiketi.security;

import java.time.Instant;
import java.util.List;

/**
 * How revoked access tokens are recorded in Redis, and how a checker decides from what it reads. One token
 * is revoked by its {@code jti} (logout); every token of a user issued before a moment by a per-user cutoff
 * in epoch seconds (password change, withdrawal). Shared by user-service, every service and the gateway, so
 * that writer and readers cannot drift apart.
 */
public final class TokenRevocation {

    public static final String TOKEN_PREFIX = "auth:blacklist:";
    public static final String USER_CUTOFF_PREFIX = "auth:revoked-before:";
    /**
     * Every revocation as it happens, written with its entry: fields {@code jti}, or {@code user} and {@code before}
     * (the cutoff, epoch seconds). Services mirror the revocations from it instead of reading Redis per request.
     */
    public static final String STREAM = "auth:revocations";

    private TokenRevocation() {
    }

    /** The keys to read, in one round trip, for a token: its own entry, then its user's cutoff. */
    public static List<String> keys(String jti, String userId) {
        return List.of(TOKEN_PREFIX + jti, USER_CUTOFF_PREFIX + userId);
    }

    /**
     * @param entries the values stored under {@link #keys} (null where absent), in that order
     * @param issuedAt the token's {@code iat}; whole seconds, so a token issued in the cutoff's own second
     *                 stays valid
     */
    public static boolean isRevoked(List<String> entries, Instant issuedAt) {
        if (entries == null || entries.size() != 2) {
            return false;
        }
        if (entries.get(0) != null) {
            return true;
        }
        String cutoff = entries.get(1);
        return cutoff != null && issuedAt != null && issuedAt.getEpochSecond() < Long.parseLong(cutoff);
    }
}
