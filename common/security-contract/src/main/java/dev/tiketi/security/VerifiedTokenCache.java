package dev.tiketi.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Access tokens whose signature and claims were verified already, so that a client polling with the same token
 * costs one RSA verification and claim parsing, not one per request (the queue status poll: every 3 s for minutes).
 * Keyed by the token string itself, compared in full, so only that exact token ever hits; an entry lives until
 * the token expires plus the clock skew the timestamp validator allows (what a fresh check would still accept),
 * and never longer. Bounded: past {@code maximumSize} the least useful entries go, and are verified again when
 * they come back. Only successes are cached: a bad token is checked (and refused) every time. Revocation is
 * not answered here: each caller checks it on every request, cached token or not.
 *
 * <p>What a cached token skips is the JWKS lookup: a token signed by a key user-service has since withdrawn stays
 * accepted until it expires (minutes). Revoking its user's tokens (the per-user cutoff) still works at once.
 */
public final class VerifiedTokenCache {

    /** The default clock skew of Spring Security's JwtTimestampValidator, which every checker uses. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Cache<String, Jwt> tokens;
    private final Clock clock;

    public VerifiedTokenCache(long maximumSize) {
        this(maximumSize, Clock.systemUTC());
    }

    VerifiedTokenCache(long maximumSize, Clock clock) {
        this.clock = clock;
        this.tokens = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> remainingLife(jwt)))
                .executor(Runnable::run)
                .ticker(() -> clock.millis() * 1_000_000)
                .build();
    }

    /** The verified token, or null if it was not verified before (or no longer would be: expired). */
    public Jwt get(String token) {
        Jwt jwt = tokens.getIfPresent(token);
        // the expiry above already hides it; this keeps the promise exact whatever the cache's timer resolution
        return jwt != null && remainingLife(jwt).isPositive() ? jwt : null;
    }

    /** Remembers a token that was just verified in full. */
    public void put(Jwt verified) {
        if (verified.getExpiresAt() != null && remainingLife(verified).isPositive()) {
            tokens.put(verified.getTokenValue(), verified);
        }
    }

    public long size() {
        tokens.cleanUp();
        return tokens.estimatedSize();
    }

    private Duration remainingLife(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null ? Duration.ZERO
                : Duration.between(Instant.ofEpochMilli(clock.millis()), expiresAt.plus(CLOCK_SKEW));
    }
}
