package dev.tiketi.security;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRevocationTest {

    private static final Instant ISSUED = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void aTokenWithItsOwnEntryIsRevoked() {
        assertThat(TokenRevocation.isRevoked(Arrays.asList("1", null), ISSUED)).isTrue();
    }

    @Test
    void aTokenIssuedBeforeItsUsersCutoffIsRevoked() {
        assertThat(TokenRevocation.isRevoked(Arrays.asList(null, Long.toString(ISSUED.getEpochSecond() + 1)), ISSUED))
                .isTrue();
    }

    @Test
    void aTokenIssuedInOrAfterTheCutoffSecondIsNot() {
        String cutoff = Long.toString(ISSUED.getEpochSecond());
        assertThat(TokenRevocation.isRevoked(Arrays.asList(null, cutoff), ISSUED)).isFalse();
        assertThat(TokenRevocation.isRevoked(Arrays.asList(null, cutoff), ISSUED.plusSeconds(3))).isFalse();
    }

    @Test
    void noEntriesMeanNotRevoked() {
        assertThat(TokenRevocation.isRevoked(Arrays.asList(null, null), ISSUED)).isFalse();
        assertThat(TokenRevocation.keys("j", "u")).containsExactly("auth:blacklist:j", "auth:revoked-before:u");
    }
}
