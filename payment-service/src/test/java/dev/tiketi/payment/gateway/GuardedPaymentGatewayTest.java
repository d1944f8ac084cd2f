package dev.tiketi.payment.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The timeout, the breaker (50% of at least 4 calls here) and the inquiry-only retry around a PG. */
class GuardedPaymentGatewayTest {

    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final CircuitBreaker breaker = CircuitBreaker.of("test", CircuitBreakerConfig.custom()
            .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(60)).recordExceptions(GatewayException.class).build());
    private final Retry retry = Retry.of("test", RetryConfig.custom().maxAttempts(3)
            .waitDuration(Duration.ofMillis(1))
            .retryOnException(e -> e instanceof GatewayException failure
                    && failure.failure() != GatewayException.Failure.CIRCUIT_OPEN).build());
    private final FakePg pg = new FakePg();
    private final GuardedPaymentGateway gateway = new GuardedPaymentGateway(pg, breaker, retry, Duration.ofMillis(300), calls);

    @AfterEach
    void tearDown() {
        calls.shutdownNow();
    }

    @Test
    void aCallThatTakesTooLongIsCutOffAsATimeout() {
        pg.approval = () -> {
            sleep(Duration.ofSeconds(5));
            return new Approved("tx", Instant.now());
        };
        long started = System.nanoTime();

        assertThatThrownBy(() -> gateway.approve(request())).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.failure()).isEqualTo(GatewayException.Failure.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void declinesDoNotOpenTheBreakerFailuresDo() {
        pg.approval = () -> new Declined("CARD_DECLINED", "no");
        for (int i = 0; i < 8; i++) {
            gateway.approve(request());
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(gateway.available()).isTrue();

        pg.approval = () -> {
            throw new GatewayException(GatewayException.Failure.PG_ERROR, "500");
        };
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> gateway.approve(request())).isInstanceOf(GatewayException.class);
        }
        assertThat(breaker.getState()).as("2 of the last 4 calls failed: 50%").isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(gateway.available()).isFalse();

        int before = pg.approvals.get();
        assertThatThrownBy(() -> gateway.approve(request())).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.failure()).isEqualTo(GatewayException.Failure.CIRCUIT_OPEN));
        assertThat(pg.approvals.get()).as("not even tried").isEqualTo(before);
    }

    @Test
    void onlyInquiriesAreRetried() {
        pg.approval = () -> {
            throw new GatewayException(GatewayException.Failure.TRANSPORT, "reset");
        };
        assertThatThrownBy(() -> gateway.approve(request())).isInstanceOf(GatewayException.class);
        assertThat(pg.approvals.get()).isEqualTo(1);

        pg.inquiry = () -> pg.inquiries.get() < 3
                ? failWith(GatewayException.Failure.TIMEOUT) : new Approved("tx", Instant.EPOCH);
        assertThat(gateway.inquire("order")).isEqualTo(new Approved("tx", Instant.EPOCH));
        assertThat(pg.inquiries.get()).isEqualTo(3);
    }

    private static InquiryResult failWith(GatewayException.Failure failure) {
        throw new GatewayException(failure, "failed");
    }

    private static ApprovalRequest request() {
        return new ApprovalRequest("order", 1000, "show", null, null);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class FakePg implements PaymentGateway {

        final AtomicInteger approvals = new AtomicInteger();
        final AtomicInteger inquiries = new AtomicInteger();
        Supplier<ApprovalResult> approval = () -> new Approved("tx", Instant.EPOCH);
        Supplier<InquiryResult> inquiry = () -> new Declined(Declined.NOT_FOUND, "none");

        @Override
        public String provider() {
            return "FAKE";
        }

        @Override
        public Instrument instrument() {
            return Instrument.CARD;
        }

        @Override
        public ApprovalResult approve(ApprovalRequest request) {
            approvals.incrementAndGet();
            return approval.get();
        }

        @Override
        public CancelResult cancel(CancelRequest request) {
            return new CancelResult.Cancelled(Instant.EPOCH);
        }

        @Override
        public InquiryResult inquire(String orderId) {
            inquiries.incrementAndGet();
            return inquiry.get();
        }
    }
}
