package dev.tiketi.payment.gateway.toss;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tiketi.payment.config.PaymentProperties;
import dev.tiketi.payment.gateway.ApprovalRequest;
import dev.tiketi.payment.gateway.Approved;
import dev.tiketi.payment.gateway.CancelRequest;
import dev.tiketi.payment.gateway.CancelResult;
import dev.tiketi.payment.gateway.Declined;
import dev.tiketi.payment.gateway.GatewayException;
import dev.tiketi.payment.gateway.InquiryResult;
import dev.tiketi.payment.gateway.PgExchangeLog;
import dev.tiketi.payment.support.PaymentIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Toss Payments client against a WireMock stub of Toss' v1 API: the request shapes (Basic auth with the
 * secret key, Idempotency-Key, JSON bodies), success, declines with Toss' error body, timeouts and 5xx — and
 * the exchange log keeps neither the secret key nor the Authorization header.
 */
class TossPaymentGatewayTest extends PaymentIntegrationTest {

    private static final String SECRET_KEY = "test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((SECRET_KEY + ":").getBytes(StandardCharsets.UTF_8));
    private static WireMockServer toss;

    @Autowired
    PgExchangeLog exchanges;

    private TossPaymentGateway gateway;
    private String orderId;

    @BeforeAll
    static void startToss() {
        toss = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        toss.start();
    }

    @AfterAll
    static void stopToss() {
        toss.stop();
    }

    @BeforeEach
    void setUp() {
        toss.resetAll();
        gateway = new TossPaymentGateway(new PaymentProperties.Toss(toss.baseUrl(), SECRET_KEY, Duration.ofSeconds(1)),
                Duration.ofSeconds(2), exchanges);
        orderId = UUID.randomUUID().toString();
    }

    @Test
    void confirmSendsTheWidgetsKeyWithBasicAuthAndAnIdempotencyKey() {
        toss.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Idempotency-Key", equalTo(orderId))
                .withRequestBody(equalToJson("""
                        {"paymentKey":"tgen_20240101abc","orderId":"%s","amount":330000}""".formatted(orderId)))
                .willReturn(okJson(payment("DONE"))));

        var result = gateway.approve(new ApprovalRequest(orderId, 330_000, "IU Concert", null, "tgen_20240101abc"));

        assertThat(result).isEqualTo(new Approved("tgen_20240101abc", Instant.parse("2030-01-01T01:00:00Z")));
        assertExchangeRecordedWithoutSecrets("APPROVE", "OK");
    }

    @Test
    void aDeclineIsTossErrorCodeAndMessage() {
        toss.stubFor(post(urlEqualTo("/v1/payments/confirm")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"REJECT_CARD_PAYMENT\",\"message\":\"한도초과 혹은 잔액부족으로 결제에 실패했습니다.\"}")));

        var result = gateway.approve(new ApprovalRequest(orderId, 330_000, "IU Concert", null, "tgen_1"));

        assertThat(result).isEqualTo(new Declined("REJECT_CARD_PAYMENT", "한도초과 혹은 잔액부족으로 결제에 실패했습니다."));
        assertExchangeRecordedWithoutSecrets("APPROVE", "DECLINED:REJECT_CARD_PAYMENT");
    }

    @Test
    void noAnswerWithinTheTimeoutIsATimeoutNotADecision() {
        toss.stubFor(post(urlEqualTo("/v1/payments/confirm")).willReturn(okJson(payment("DONE")).withFixedDelay(4000)));

        assertThatThrownBy(() -> gateway.approve(new ApprovalRequest(orderId, 330_000, "IU Concert", null, "tgen_1")))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.failure()).isEqualTo(GatewayException.Failure.TIMEOUT));
        assertExchangeRecordedWithoutSecrets("APPROVE", "TIMEOUT");
    }

    @Test
    void aServerErrorIsAnUnknownOutcome() {
        toss.stubFor(post(urlEqualTo("/v1/payments/confirm")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"FAILED_INTERNAL_SYSTEM_PROCESSING\",\"message\":\"내부 시스템 처리 작업이 실패했습니다.\"}")));

        assertThatThrownBy(() -> gateway.approve(new ApprovalRequest(orderId, 330_000, "IU Concert", null, "tgen_1")))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.failure()).isEqualTo(GatewayException.Failure.PG_ERROR));
    }

    @Test
    void aBadSecretKeyIsOurMistakeNotTheBuyers() {
        toss.stubFor(post(urlEqualTo("/v1/payments/confirm")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"UNAUTHORIZED_KEY\",\"message\":\"인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.\"}")));

        assertThatThrownBy(() -> gateway.approve(new ApprovalRequest(orderId, 330_000, "IU Concert", null, "tgen_1")))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.failure()).isEqualTo(GatewayException.Failure.REJECTED));
    }

    @Test
    void aConfirmTossAlreadyProcessedIsAnsweredByLookingTheOrderUp() {
        toss.stubFor(post(urlEqualTo("/v1/payments/confirm")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"ALREADY_PROCESSED_PAYMENT\",\"message\":\"이미 처리된 결제 입니다.\"}")));
        toss.stubFor(WireMock.get(urlEqualTo("/v1/payments/orders/" + orderId)).willReturn(okJson(payment("DONE"))));

        var result = gateway.approve(new ApprovalRequest(orderId, 330_000, "IU Concert", null, "tgen_20240101abc"));

        assertThat(result).isInstanceOf(Approved.class);
    }

    @Test
    void cancelRefundsByTheTossPaymentKey() {
        toss.stubFor(post(urlEqualTo("/v1/payments/tgen_20240101abc/cancel"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Idempotency-Key", equalTo("refund-" + orderId))
                .withRequestBody(equalToJson("{\"cancelReason\":\"USER_CANCELLED\"}"))
                .willReturn(okJson(payment("CANCELED").replace("\"cancels\":null",
                        "\"cancels\":[{\"cancelAmount\":330000,\"canceledAt\":\"2030-01-02T10:00:00+09:00\"}]"))));

        var result = gateway.cancel(new CancelRequest(orderId, "tgen_20240101abc", 330_000, "USER_CANCELLED"));

        assertThat(result).isEqualTo(new CancelResult.Cancelled(Instant.parse("2030-01-02T01:00:00Z")));
        toss.verify(1, postRequestedFor(urlEqualTo("/v1/payments/tgen_20240101abc/cancel")));
        assertExchangeRecordedWithoutSecrets("CANCEL", "OK");
    }

    @Test
    void cancellingAnAlreadyCancelledPaymentIsASuccess() {
        toss.stubFor(post(urlEqualTo("/v1/payments/tgen_1/cancel")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"ALREADY_CANCELED_PAYMENT\",\"message\":\"이미 취소된 결제 입니다.\"}")));

        assertThat(gateway.cancel(new CancelRequest(orderId, "tgen_1", 330_000, "USER_CANCELLED")))
                .isInstanceOf(CancelResult.Cancelled.class);
    }

    @Test
    void inquiryReadsTheOrdersStatus() {
        String unknown = UUID.randomUUID().toString();
        String inProgress = UUID.randomUUID().toString();
        String aborted = UUID.randomUUID().toString();
        toss.stubFor(WireMock.get(urlEqualTo("/v1/payments/orders/" + orderId)).willReturn(okJson(payment("DONE"))));
        toss.stubFor(WireMock.get(urlEqualTo("/v1/payments/orders/" + inProgress)).willReturn(okJson(payment("IN_PROGRESS"))));
        toss.stubFor(WireMock.get(urlEqualTo("/v1/payments/orders/" + aborted)).willReturn(okJson(payment("ABORTED"))));
        toss.stubFor(WireMock.get(urlEqualTo("/v1/payments/orders/" + unknown)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"NOT_FOUND_PAYMENT\",\"message\":\"존재하지 않는 결제 정보 입니다.\"}")));

        assertThat(gateway.inquire(orderId)).isEqualTo(new Approved("tgen_20240101abc", Instant.parse("2030-01-01T01:00:00Z")));
        assertThat(gateway.inquire(inProgress)).isEqualTo(new InquiryResult.InProgress("IN_PROGRESS"));
        assertThat(gateway.inquire(aborted)).isInstanceOfSatisfying(Declined.class,
                declined -> assertThat(declined.code()).isEqualTo("ABORTED"));
        assertThat(gateway.inquire(unknown)).isInstanceOfSatisfying(Declined.class,
                declined -> assertThat(declined.code()).isEqualTo(Declined.NOT_FOUND));
    }

    private void assertExchangeRecordedWithoutSecrets(String operation, String outcome) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT request, response, outcome FROM pg_exchanges WHERE payment_id = ? AND operation = ?",
                UUID.fromString(orderId), operation);
        assertThat(rows).hasSize(1);
        String stored = rows.getFirst().get("request") + "\n" + rows.getFirst().get("response");
        assertThat(stored).contains("Authorization: [REDACTED]")
                .doesNotContain(SECRET_KEY)
                .doesNotContain(BASIC.substring("Basic ".length()));
        assertThat(rows.getFirst().get("outcome")).isEqualTo(outcome);
    }

    /** Toss' Payment object, the fields this client reads and a few it does not. */
    private String payment(String status) {
        return """
                {"mId":"tosspayments","version":"2022-11-16","paymentKey":"tgen_20240101abc","orderId":"%s",
                 "orderName":"IU Concert","status":"%s","requestedAt":"2030-01-01T09:59:00+09:00",
                 "approvedAt":"2030-01-01T10:00:00+09:00","totalAmount":330000,"method":"카드",
                 "card":{"number":"43301234****123*","approveNo":"00000000"},"cancels":null}"""
                .formatted(orderId, status);
    }
}
