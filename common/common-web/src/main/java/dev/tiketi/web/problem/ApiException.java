package dev.tiketi.web.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failure that the client should hear about, with a stable code. Thrown by domain and application code;
 * answered as RFC 9457 problem details by {@link ProblemExceptionHandler}.
 *
 * <p>It records no stack trace: it is an answer, not a fault, nobody reads where it was thrown, and filling in
 * the hundred-odd frames of a request's servlet, security and MVC stack is paid for every refusal (a sale answers
 * about as many 409s as 201s).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldError> fieldErrors;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ApiException(HttpStatus status, String code, String detail, List<FieldError> fieldErrors) {
        this(status, code, detail, fieldErrors, null);
    }

    private ApiException(HttpStatus status, String code, String detail, List<FieldError> fieldErrors,
            Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.retryAfter = retryAfter;
    }

    /** A refusal that ends at a known time: answered with a Retry-After header. */
    public static ApiException retryLater(HttpStatus status, String code, String detail, Duration retryAfter) {
        return new ApiException(status, code, detail, List.of(), retryAfter);
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ApiException invalidField(String field, String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields.",
                List.of(new FieldError(field, code, message)));
    }

    public static ApiException unauthorized(String code, String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, code, detail);
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, code, detail);
    }

    public static ApiException notFound(String code, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail);
    }

    public static ApiException unprocessable(String code, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
    }

    public static ApiException tooManyRequests(String code, String detail) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Whole seconds, rounded up (a client that waits exactly this long is let through); empty if no end is known. */
    public Optional<Long> retryAfterSeconds() {
        if (retryAfter == null) {
            return Optional.empty();
        }
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Optional.of(Math.max(1, seconds));
    }

    public ProblemDetail toProblem() {
        ProblemDetail problem = ProblemTypes.of(status, code, getMessage());
        if (!fieldErrors.isEmpty()) {
            problem.setProperty(ProblemTypes.ERRORS, fieldErrors);
        }
        return problem;
    }
}
