package dev.tiketi.payment.gateway;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What the rest of the service calls: a PG with one timeout for every call, a circuit breaker (timeouts
 * and errors count, declines do not) and an immediate retry for inquiries only — approvals and cancels
 * are never repeated here (a lost approval answer is settled by reconciliation, a failed cancel by the
 * refund worker's next attempt).
 */
public class GuardedPaymentGateway implements PaymentGateway {

    private final PaymentGateway delegate;
    private final CircuitBreaker breaker;
    private final Retry inquiryRetry;
    private final Duration timeout;
    private final ExecutorService calls;

    /** @param calls runs each PG call so that it can be abandoned at the timeout (virtual threads) */
    public GuardedPaymentGateway(PaymentGateway delegate, CircuitBreaker breaker, Retry inquiryRetry, Duration timeout,
                                 ExecutorService calls) {
        this.delegate = delegate;
        this.breaker = breaker;
        this.inquiryRetry = inquiryRetry;
        this.timeout = timeout;
        this.calls = calls;
    }

    @Override
    public String provider() {
        return delegate.provider();
    }

    @Override
    public Instrument instrument() {
        return delegate.instrument();
    }

    /** False while the breaker is open: a new payment would not even be tried. */
    public boolean available() {
        CircuitBreaker.State state = breaker.getState();
        return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }

    /** How long an open breaker stays open before it lets a trial call through: a client's Retry-After. */
    public Duration openFor() {
        return Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
    }

    @Override
    public ApprovalResult approve(ApprovalRequest request) {
        return guarded(() -> delegate.approve(request));
    }

    @Override
    public CancelResult cancel(CancelRequest request) {
        return guarded(() -> delegate.cancel(request));
    }

    @Override
    public InquiryResult inquire(String orderId) {
        return Retry.decorateSupplier(inquiryRetry, () -> guarded(() -> delegate.inquire(orderId))).get();
    }

    private <T> T guarded(Supplier<T> call) {
        try {
            return breaker.executeSupplier(() -> withTimeout(call));
        } catch (CallNotPermittedException e) {
            throw new GatewayException(GatewayException.Failure.CIRCUIT_OPEN,
                    "the payment gateway is failing; calls are suspended for a while", e);
        }
    }

    private <T> T withTimeout(Supplier<T> call) {
        Future<T> future = calls.submit(call::get);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new GatewayException(GatewayException.Failure.TIMEOUT, "no answer from the PG within " + timeout, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayException.Failure.TIMEOUT, "interrupted while waiting for the PG", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GatewayException gatewayException) {
                throw gatewayException;
            }
            throw new GatewayException(GatewayException.Failure.PG_ERROR, "the PG client failed: " + e.getCause(),
                    e.getCause());
        }
    }
}
