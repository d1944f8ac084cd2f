package dev.tiketi.bench;

import dev.tiketi.platform.SigningKey;
import dev.tiketi.security.TokenClaims;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Users that exist only as access tokens signed with the platform's key. The gateway and the services accept
 * any validly signed token and the waiting room knows a user by id alone, so a simulation can be thousands of
 * distinct users without registering or logging in any of them (the gateway allows 10 logins per minute and IP).
 */
final class SyntheticUsers {

    /** The feeder attribute holding a user's access token. */
    static final String TOKEN = "token";

    /** As long as user-service's access tokens live: the whole set-up and run fit in it. */
    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private SyntheticUsers() {
    }

    static List<UUID> fresh(int count) {
        return Stream.generate(UUID::randomUUID).limit(count).toList();
    }

    /**
     * One feeder record per user, in order, with a USER token. Signed before the load starts and on every core:
     * an RS256 signature costs about a millisecond of CPU, which during the measurement would be taken from the
     * platform.
     */
    static List<Map<String, Object>> signed(SigningKey key, List<UUID> users) {
        long started = System.nanoTime();
        Instant expiresAt = Instant.now().plus(LIFETIME);
        List<Map<String, Object>> records = users.parallelStream()
                .map(user -> Map.<String, Object>of(TOKEN,
                        key.sign(SigningKey.accessTokenClaims(user, TokenClaims.ROLE_USER, expiresAt))))
                .toList();
        System.out.printf(Locale.ROOT, "signed %,d access tokens in %.1f s%n", users.size(),
                (System.nanoTime() - started) / 1e9);
        return records;
    }
}
