package dev.tiketi.web.problem;

import dev.tiketi.web.input.TextCheckingModule;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns every exception that reaches a controller boundary into RFC 9457 problem details with a stable
 * {@code code}. Client mistakes get a 4xx with what was wrong; anything unexpected gets a bare 500 whose
 * details stay in the log.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
    private static final Duration DATABASE_BUSY_RETRY_AFTER = Duration.ofSeconds(2);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApiException(ApiException e) {
        var response = ResponseEntity.status(e.status());
        e.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        return response.body(e.toProblem());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    /**
     * A connection pool that hands out no connection within its timeout (Hikari's
     * {@link SQLTransientConnectionException}, however Spring wrapped it) means the service is saturated, not
     * broken: answered 503 {@code database-busy} with Retry-After, and logged in one line rather than a stack
     * trace at ERROR per request — under a crowd those would bury everything else in the log. Not
     * {@code overloaded}: clients retry that one blindly, but this request may have done part of its work
     * before it waited for a further connection.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        Optional<SQLTransientConnectionException> connectionTimeout = connectionTimeoutIn(e);
        if (connectionTimeout.isPresent()) {
            log.warn("No database connection within the pool's timeout, answered 503: {}",
                    connectionTimeout.get().getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_BUSY_RETRY_AFTER.toSeconds()))
                    .body(ProblemTypes.of(HttpStatus.SERVICE_UNAVAILABLE, "database-busy",
                            "The service is too busy to take this request right now. Please try again shortly."));
        }
        log.error("Unhandled exception", e);
        return ResponseEntity.internalServerError().body(ProblemTypes.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "Something went wrong on our side. Please try again later."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getCode(), f.getDefaultMessage()))
                .toList();
        List<FieldError> globalErrors = e.getBindingResult().getGlobalErrors().stream()
                .map(g -> new FieldError(g.getObjectName(), g.getCode(), g.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(concat(errors, globalErrors)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(parameterName(result),
                                error.getCodes() == null || error.getCodes().length == 0 ? "Invalid"
                                        : lastNode(error.getCodes()[error.getCodes().length - 1]),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (NestedExceptionUtils.getRootCause(e) instanceof RequestBodyLimitFilter.BodyTooLargeException) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemTypes.of(HttpStatus.CONTENT_TOO_LARGE,
                    "request-too-large", "The request body is too large."));
        }
        if (e.getCause() instanceof TextCheckingModule.UnacceptableTextException text) {
            return ResponseEntity.badRequest().body(validationProblem(List.of(new FieldError(fieldOf(text),
                    "InvalidCharacters", "must be text without control characters or invalid Unicode"))));
        }
        ProblemDetail problem = ProblemTypes.of(HttpStatus.BAD_REQUEST, "malformed-request",
                "The request body is missing, is not valid JSON, or has a value of the wrong type.");
        if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            problem.setProperty(ProblemTypes.ERRORS, List.of(new FieldError(fieldOf(jackson), "TypeMismatch",
                    "has a value of the wrong type or format")));
        }
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(validationProblem(List.of(
                new FieldError(e.getName(), "TypeMismatch", "has a value of the wrong type or format"))));
    }

    /** Every problem Spring MVC raises itself (404, 405, 406, 415, missing parameters, ...) gets a code too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey(ProblemTypes.CODE))) {
            ProblemTypes.withCode(problem, ProblemTypes.codeFor(statusCode));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** The JSON path of the value a read failed at, e.g. {@code seats[2].grade}. */
    private static String fieldOf(JacksonException jackson) {
        return jackson.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    static ProblemDetail validationProblem(List<FieldError> errors) {
        ProblemDetail problem = ProblemTypes.of(HttpStatus.BAD_REQUEST, "validation-failed",
                "The request has invalid fields.");
        problem.setProperty(ProblemTypes.ERRORS, errors);
        return problem;
    }

    private static Optional<SQLTransientConnectionException> connectionTimeoutIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout) {
                return Optional.of(timeout);
            }
        }
        return Optional.empty();
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name != null ? name : "parameter" + result.getMethodParameter().getParameterIndex();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
