package dev.tiketi.user.auth;

import dev.tiketi.web.problem.ApiException;
import org.springframework.http.HttpStatus;

import java.time.Duration;

/** A refusal that ends at a known time, answered with a Retry-After header. */
class RetryLaterException extends ApiException {

    private final Duration retryAfter;

    RetryLaterException(HttpStatus status, String code, String detail, Duration retryAfter) {
        super(status, code, detail);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up: a client that waits exactly this long is let through. */
    long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
