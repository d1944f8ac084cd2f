package dev.tiketi.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/** The gateway's problem codes and the wording of the problems it answers on its own. */
public final class Problems {

    public static final String AUTHENTICATION_REQUIRED = "authentication-required";
    public static final String INVALID_TOKEN = "invalid-token";
    public static final String ACCESS_DENIED = "access-denied";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
    public static final String OVERLOADED = "overloaded";
    public static final String UPSTREAM_TIMEOUT = "upstream-timeout";
    public static final String REQUEST_TOO_LARGE = "request-too-large";
    public static final String CORS_REJECTED = "cors-rejected";
    public static final String INTERNAL_ERROR = "internal-error";

    private Problems() {
    }

    /** Stable codes; the framework's statuses fall back to their reason phrase (405 → method-not-allowed). */
    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 413 -> REQUEST_TOO_LARGE;
            case 429 -> RATE_LIMITED;
            case 500 -> INTERNAL_ERROR;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> UPSTREAM_TIMEOUT;
            default -> status instanceof HttpStatus known
                    ? known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    : status.is4xxClientError() ? "client-error" : "server-error";
        };
    }

    /** Fixed wording per status: exception messages may name classes or internals and never reach clients. */
    public static String detailFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "The request is malformed.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This method is not supported here.";
            case 406 -> "No acceptable representation is available.";
            case 413 -> "The request body is too large.";
            case 415 -> "This content type is not supported here.";
            case 503 -> "The service is unavailable. Please try again shortly.";
            case 504 -> "The service did not answer in time.";
            default -> status.is4xxClientError() ? "The request cannot be processed."
                    : "Something went wrong on our side.";
        };
    }

    /** Whether an error means "the downstream service is not there" rather than "it answered badly". */
    public static boolean isUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof UnresolvedAddressException
                    || cause instanceof io.netty.channel.ConnectTimeoutException
                    || cause instanceof reactor.netty.http.client.PrematureCloseException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
