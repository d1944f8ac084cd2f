package dev.tiketi.serviceauth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ServiceTokensTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final ServiceTokens tokens = new ServiceTokens(SECRET);
    private final Instant now = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void aTokenNamesItsCallerUntilItExpires() {
        String token = tokens.issue("reservation-service", now);
        assertThat(tokens.verify(token, now)).hasValue("reservation-service");
        assertThat(tokens.verify(token, now.plus(ServiceTokens.LIFETIME).minusSeconds(1))).hasValue("reservation-service");
        assertThat(tokens.verify(token, now.plus(ServiceTokens.LIFETIME))).isEmpty();
    }

    @Test
    void anotherSecretOrATamperedTokenIsRefused() {
        String token = tokens.issue("reservation-service", now);
        assertThat(new ServiceTokens(SECRET.toUpperCase()).verify(token, now)).isEmpty();
        String renamed = token.replaceFirst("^reservation-service", "payment-service");
        assertThat(tokens.verify(renamed, now)).isEmpty();
        long expiry = now.plus(ServiceTokens.LIFETIME).getEpochSecond();
        String extended = token.replace("." + expiry + ".", "." + (expiry + 3600) + ".");
        assertThat(tokens.verify(extended, now)).isEmpty();
        assertThat(tokens.verify(token.substring(0, token.length() - 1) + "A", now)).isEmpty();
    }

    @Test
    void aGenuineTokenThatWouldLiveTooLongIsRefused() {
        // signed with the right secret but dated in the future: not something this platform issues
        String farFuture = tokens.issue("queue-service", now.plusSeconds(3600));
        assertThat(tokens.verify(farFuture, now)).isEmpty();
    }

    @Test
    void garbageIsRefused() {
        for (String garbage : new String[] {null, "", ".", "..", "a.b.c", "a.1.", ".1.x", "x".repeat(300),
                "Bearer abc", "reservation-service.notanumber.sig"}) {
            assertThat(tokens.verify(garbage, now)).as(garbage).isEmpty();
        }
    }

    @Test
    void aShortOrMissingSecretIsRefusedAtStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceTokens(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceTokens(null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceTokens("short"));
        assertThatIllegalArgumentException().isThrownBy(() -> tokens.issue("Not A Service", now));
    }

    @Test
    void credentialsReuseATokenForHalfItsLifetime() {
        var clock = new AtomicReference<>(now);
        ServiceCredentials credentials = new ServiceCredentials("payment-service", tokens,
                new Clock() {
                    @Override
                    public ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(ZoneId zone) {
                        return this;
                    }

                    @Override
                    public Instant instant() {
                        return clock.get();
                    }
                });
        String first = credentials.token();
        clock.set(now.plusSeconds(29));
        assertThat(credentials.token()).isEqualTo(first);
        clock.set(now.plusSeconds(31));
        String renewed = credentials.token();
        assertThat(renewed).isNotEqualTo(first);
        assertThat(tokens.verify(renewed, now.plusSeconds(31))).hasValue("payment-service");
    }
}
