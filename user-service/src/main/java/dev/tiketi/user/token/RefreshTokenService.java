package dev.tiketi.user.token;

import dev.tiketi.user.auth.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque refresh tokens: 256 random bits, stored only as their SHA-256. Every use rotates the token; a token
 * presented again after its rotation (or after revocation) means it leaked, so its whole family is revoked.
 */
@Service
public class RefreshTokenService {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenService.class);
    private static final int TOKEN_BYTES = 32;

    private final RefreshTokenRepository tokens;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RefreshTokenService(RefreshTokenRepository tokens, AuthProperties properties, Clock clock) {
        this.tokens = tokens;
        this.lifetime = properties.refreshTokenTtl();
        this.clock = clock;
    }

    /** The first token of a new family, for a fresh login. */
    @Transactional
    public IssuedRefreshToken issue(UUID userId) {
        return issue(userId, UUID.randomUUID(), now()).token();
    }

    @Transactional
    public Rotation rotate(String presented) {
        byte[] hash = hash(presented);
        Instant now = now();
        Optional<RefreshTokenRepository.ClaimedToken> claimed = tokens.claim(hash, now);
        if (claimed.isPresent()) {
            var old = claimed.get();
            Created next = issue(old.userId(), old.familyId(), now);
            tokens.setReplacedBy(old.id(), next.id());
            return new Rotation.Rotated(old.userId(), next.token());
        }
        var stored = tokens.findByHash(hash);
        if (stored.isEmpty()) {
            return new Rotation.Unknown();
        }
        var token = stored.get();
        if (token.used() || token.revoked()) {
            int revoked = tokens.revokeFamily(token.familyId(), RevokeReason.REUSE_DETECTED, now);
            log.warn("Refresh token reuse detected for user {}: family {} revoked ({} live tokens)",
                    token.userId(), token.familyId(), revoked);
            return new Rotation.Reused(token.userId(), revoked > 0);
        }
        return new Rotation.Expired();
    }

    /** Revokes the family of a token, but only if it belongs to {@code userId}: one user cannot log out another. */
    @Transactional
    public void revokeFamily(String presented, UUID userId, RevokeReason reason) {
        tokens.findByHash(hash(presented))
                .filter(token -> token.userId().equals(userId))
                .ifPresent(token -> tokens.revokeFamily(token.familyId(), reason, now()));
    }

    @Transactional
    public void revokeAll(UUID userId, RevokeReason reason) {
        tokens.revokeAllOfUser(userId, reason, now());
    }

    private Created issue(UUID userId, UUID familyId, Instant now) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        Instant expiresAt = now.plus(lifetime);
        tokens.insert(id, userId, familyId, hash(value), now, expiresAt);
        return new Created(id, new IssuedRefreshToken(value, expiresAt, lifetime));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record Created(UUID id, IssuedRefreshToken token) {
    }

    public record IssuedRefreshToken(String value, Instant expiresAt, Duration lifetime) {
    }

    /** What presenting a refresh token led to; returned rather than thrown so a family revocation commits. */
    public sealed interface Rotation {
        record Rotated(UUID userId, IssuedRefreshToken next) implements Rotation {
        }

        /**
         * @param familyWasLive the reuse revoked live tokens: someone has been refreshing from this family, so
         *                      its access tokens are suspect too (a family already ended by logout is not)
         */
        record Reused(UUID userId, boolean familyWasLive) implements Rotation {
        }

        record Expired() implements Rotation {
        }

        record Unknown() implements Rotation {
        }
    }
}
