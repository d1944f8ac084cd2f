package dev.tiketi.serviceauth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BuyerTokensTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final BuyerTokens tokens = new BuyerTokens(SECRET);
    private final Instant now = Instant.parse("2026-12-06T12:00:00Z");
    private final long expiry = now.plus(Duration.ofMinutes(10)).getEpochSecond();
    private final UUID user = UUID.randomUUID();
    private final UUID event = UUID.randomUUID();
    private final UUID reservation = UUID.randomUUID();

    @Test
    void anAdmissionTokenIsCompactStableAndValidForItsUserAndEventUntilItExpires() {
        String id = tokens.newId();
        String token = tokens.admission(id, expiry, user, event);

        assertThat(token).startsWith("qr_").hasSizeLessThanOrEqualTo(BuyerTokens.MAX_LENGTH).hasSize(53)
                .matches("[A-Za-z0-9_.-]+");
        assertThat(tokens.admission(id, expiry, user, event)).as("signed again on every read").isEqualTo(token);
        BuyerTokens.Check check = tokens.checkAdmission(token, user, event, now);
        assertThat(check.valid()).isTrue();
        assertThat(check.id()).isEqualTo(id);
        assertThat(check.expiresAt()).isEqualTo(Instant.ofEpochSecond(expiry));
        assertThat(tokens.checkAdmission(token, user, event, Instant.ofEpochSecond(expiry - 1)).valid()).isTrue();
        assertThat(tokens.checkAdmission(token, user, event, Instant.ofEpochSecond(expiry)).refusal()).isEqualTo("expired");
        assertThat(new BuyerTokens(SECRET).checkAdmission(token, user, event, now).valid())
                .as("any service with the secret checks it").isTrue();
    }

    @Test
    void anotherUserOrEventOrReservationIsRefused() {
        String admission = tokens.admission(tokens.newId(), expiry, user, event);
        assertThat(tokens.checkAdmission(admission, UUID.randomUUID(), event, now).refusal())
                .isEqualTo("not-issued-for-this-user-and-event");
        assertThat(tokens.checkAdmission(admission, user, UUID.randomUUID(), now).refusal())
                .isEqualTo("not-issued-for-this-user-and-event");
        assertThat(tokens.checkAdmission(admission, event, user, now).valid()).as("user and event swapped").isFalse();

        String payment = tokens.payment(user, event, reservation, now.plus(Duration.ofMinutes(10)));
        assertThat(tokens.checkPayment(payment, user, event, reservation, now).valid()).isTrue();
        assertThat(tokens.checkPayment(payment, user, event, UUID.randomUUID(), now).valid()).isFalse();
        assertThat(tokens.checkPayment(payment, UUID.randomUUID(), event, reservation, now).valid()).isFalse();
        assertThat(tokens.checkPayment(payment, user, UUID.randomUUID(), reservation, now).valid()).isFalse();
    }

    @Test
    void aTokenOfOnePurposeNeverPassesForTheOther() {
        String admission = tokens.admission(tokens.newId(), expiry, user, event);
        String payment = tokens.payment(user, event, reservation, Instant.ofEpochSecond(expiry));
        assertThat(payment).startsWith("qp_").hasSize(53);

        assertThat(tokens.checkPayment(admission, user, event, reservation, now).valid()).isFalse();
        assertThat(tokens.checkAdmission(payment, user, event, now).valid()).isFalse();
        // the prefix alone does not decide: the MAC is under another key
        assertThat(tokens.checkPayment("qp_" + admission.substring(3), user, event, reservation, now).valid()).isFalse();
        assertThat(tokens.checkAdmission("qr_" + payment.substring(3), user, event, now).valid()).isFalse();
    }

    @Test
    void aTamperedTokenOrAnotherSecretIsRefused() {
        String id = tokens.newId();
        String token = tokens.admission(id, expiry, user, event);

        assertThat(new BuyerTokens(SECRET.toUpperCase()).checkAdmission(token, user, event, now).valid()).isFalse();
        String extended = token.replace("." + expiry + ".", "." + (expiry + 3600) + ".");
        assertThat(tokens.checkAdmission(extended, user, event, now).valid()).isFalse();
        String otherId = token.replace(id, tokens.newId());
        assertThat(tokens.checkAdmission(otherId, user, event, now).valid()).isFalse();
        char last = token.charAt(token.length() - 1);
        String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(tokens.checkAdmission(flipped, user, event, now).valid()).isFalse();
    }

    @Test
    void garbageIsMalformedNeverAnException() {
        for (String garbage : new String[] {null, "", "qr_", "qr_x", "qr_..", "not a token", "qr_" + "A".repeat(100),
                "qr_AAAAAAAAAAAAAAAA.99999999999999999999.AAAAAAAAAAAAAAAAAAAAAA",
                "qr_AAAAAAAAAAAAAAAA.-1.AAAAAAAAAAAAAAAAAAAAAA", "qr_AAAAAAAAAAAAAAAA.1.AAAAAAAAAAAAAAAAAAAAA=",
                "qr_AAAAAAAAAAAAAAAA.1.AAAAAAAAAAAAAAAAAAAAAA\n", "qr_ÄAAAAAAAAAAAAAAA.1.AAAAAAAAAAAAAAAAAAAAAA"}) {
            assertThat(tokens.checkAdmission(garbage, user, event, now).refusal()).as(String.valueOf(garbage))
                    .isEqualTo("malformed");
            assertThat(tokens.checkPayment(garbage, user, event, reservation, now).valid()).isFalse();
        }
        assertThat(tokens.checkAdmission("qr_AAAAAAAAAAAAAAAA.1.AAAAAAAAAAAAAAAAAAAAAA", user, event, now).refusal())
                .isEqualTo("not-issued-for-this-user-and-event");
    }

    @Test
    void aMissingOrShortSecretIsRefusedAndIdsAreChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BuyerTokens(null));
        assertThatIllegalArgumentException().isThrownBy(() -> new BuyerTokens("short"));
        assertThatIllegalArgumentException().isThrownBy(() -> tokens.admission("has.dot.AAAAAAAAA", expiry, user, event));
        assertThatIllegalArgumentException().isThrownBy(() -> tokens.admission(tokens.newId(), -1, user, event));
        assertThat(tokens.newId()).matches("[A-Za-z0-9_-]{16}").isNotEqualTo(tokens.newId());
    }

    @Test
    void theRevocationKeySharesTheHoldKeysHashTag() {
        assertThat(BuyerTokens.admissionRevokedKey(event, "abc"))
                .isEqualTo("queue:revoked:{" + event + "}:abc")
                .startsWith(BuyerTokens.admissionRevokedPrefix(event));
    }
}
