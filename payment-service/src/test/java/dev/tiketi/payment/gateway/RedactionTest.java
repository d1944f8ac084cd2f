package dev.tiketi.payment.gateway;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    private final Redaction redaction = new Redaction(List.of("test_sk_secret123", ""));

    @Test
    void cardNumbersKeepOnlyTheirLastFourDigits() {
        assertThat(redaction.apply("{\"card\":{\"number\":\"4111111111111111\"}}"))
                .isEqualTo("{\"card\":{\"number\":\"************1111\"}}");
        assertThat(redaction.apply("card 4111 1111 1111 1234 or 5500-0000-0000-0004"))
                .isEqualTo("card **** **** **** 1234 or ****-****-****-0004");
        assertThat(redaction.apply("pan=378282246310005;")).isEqualTo("pan=***********0005;");
    }

    @Test
    void idsAmountsAndTimesAreLeftAlone() {
        String text = "{\"orderId\":\"12345678-1234-1234-1234-123456789012\",\"amount\":330000,"
                + "\"approvedAt\":\"2030-01-01T10:00:00+09:00\",\"paymentKey\":\"tgen_20240101abc\"}";
        assertThat(redaction.apply(text)).isEqualTo(text);
    }

    @Test
    void cvcsPasswordsAndSecretKeysAreRemoved() {
        assertThat(redaction.apply("{\"cvc\":\"123\",\"cardPassword\":\"12\",\"secretKey\":\"abc\",\"cvv\":987}"))
                .isEqualTo("{\"cvc\":\"[REDACTED]\",\"cardPassword\":\"[REDACTED]\",\"secretKey\":\"[REDACTED]\","
                        + "\"cvv\":\"[REDACTED]\"}");
    }

    @Test
    void credentialsHeadersAndConfiguredSecretsNeverSurvive() {
        String basic = Redaction.basicCredentials("test_sk_secret123");
        String request = "POST /v1/payments/confirm\nAuthorization: Basic " + basic + "\nIdempotency-Key: abc\n\n{}";

        String redacted = redaction.apply(request + "\nerror: key test_sk_secret123 refused, echo " + basic);

        assertThat(redacted).contains("Authorization: [REDACTED]").contains("Idempotency-Key: abc")
                .doesNotContain("test_sk_secret123").doesNotContain(basic);
    }

    @Test
    void nothingIsNothing() {
        assertThat(redaction.apply(null)).isNull();
    }
}
