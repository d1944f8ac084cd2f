package dev.tiketi.queue.token;

import dev.tiketi.queue.config.LuaScripts;
import dev.tiketi.queue.config.QueueKeys;
import dev.tiketi.queue.config.QueueProperties;
import dev.tiketi.web.problem.ApiException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Checks, issues and revokes the tokens other services demand before a hold or a payment, and restores payment
 * tokens of live holds after Redis lost its data (reservation-service keeps them; nothing else does).
 */
@Service
public class QueueTokens {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ = LuaScripts.load("token-read.lua", List.class);
    private static final RedisScript<String> PAYMENT = LuaScripts.load("payment-token.lua", String.class);
    private static final RedisScript<String> RESTORE_PAYMENT = LuaScripts.load("restore-payment-token.lua", String.class);
    private static final RedisScript<Long> REVOKE = LuaScripts.load("revoke.lua", Long.class);

    private final StringRedisTemplate redis;
    private final Duration paymentTtl;
    private final SecureRandom random = new SecureRandom();

    QueueTokens(StringRedisTemplate redis, QueueProperties properties) {
        this.redis = redis;
        this.paymentTtl = properties.paymentTokenTtl();
    }

    public TokenCheck validate(String token, UUID userId, UUID eventId) {
        List<?> read = redis.execute(READ, List.of(QueueKeys.token(token), QueueKeys.revoked(token)));
        if (read.size() == 1) {
            return TokenCheck.invalid(((Long) read.getFirst()) == 1 ? "revoked" : "expired-or-unknown");
        }
        long ttlMillis = (Long) read.get(4);
        if (!userId.toString().equals(read.get(1))) {
            return TokenCheck.invalid("wrong-user");
        }
        if (!eventId.toString().equals(read.get(2))) {
            return TokenCheck.invalid("wrong-event");
        }
        if (ttlMillis <= 0) {
            return TokenCheck.invalid("expired-or-unknown");
        }
        return TokenCheck.valid(TokenKind.valueOf((String) read.get(3)), Instant.now().plusMillis(ttlMillis));
    }

    /** A payment token for a user who holds seats; 409 {@code admission-token-invalid} without a live admission. */
    public TokenRequests.PaymentToken issuePayment(String admissionToken, UUID userId, UUID eventId) {
        String paymentToken = "qp_" + randomPart();
        String outcome = redis.execute(PAYMENT, List.of(QueueKeys.token(admissionToken), QueueKeys.token(paymentToken)),
                userId.toString(), eventId.toString(), Long.toString(paymentTtl.toMillis()));
        if (!"OK".equals(outcome)) {
            throw ApiException.conflict("admission-token-invalid",
                    "The admission token cannot be used for this user and event (" + outcome + ").");
        }
        return new TokenRequests.PaymentToken(paymentToken, Instant.now().plus(paymentTtl));
    }

    /**
     * Puts back a payment token Redis lost, until its original expiry: {@code restored}, or {@code present} /
     * {@code revoked} when Redis still knows it (nothing changes).
     */
    public String restorePayment(String paymentToken, UUID userId, UUID eventId, Instant expiresAt) {
        return redis.execute(RESTORE_PAYMENT, List.of(QueueKeys.token(paymentToken), QueueKeys.revoked(paymentToken)),
                userId.toString(), eventId.toString(), Long.toString(expiresAt.toEpochMilli()));
    }

    public void revoke(String token) {
        redis.execute(REVOKE, List.of(QueueKeys.token(token), QueueKeys.revoked(token)), token, QueueKeys.PREFIX);
    }

    private String randomPart() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
