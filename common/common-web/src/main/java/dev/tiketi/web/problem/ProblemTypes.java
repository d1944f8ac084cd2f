package dev.tiketi.web.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Locale;

/**
 * Stable problem {@code type} URIs and {@code code}s. Clients branch on {@code code}; the {@code type} URI
 * names the same thing as a link to its documentation.
 */
public final class ProblemTypes {

    public static final String BASE = "https://tiketi.dev/problems/";
    public static final String CODE = "code";
    public static final String ERRORS = "errors";

    private ProblemTypes() {
    }

    public static URI type(String code) {
        return URI.create(BASE + code);
    }

    /** Gives a problem its code and the matching type URI. */
    public static ProblemDetail withCode(ProblemDetail problem, String code) {
        problem.setType(type(code));
        problem.setProperty(CODE, code);
        return problem;
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        return withCode(ProblemDetail.forStatusAndDetail(status, detail), code);
    }

    /** A code for problems raised by the framework, from the status' reason phrase: 405 gives method-not-allowed. */
    public static String codeFor(HttpStatusCode status) {
        if (status instanceof org.springframework.http.HttpStatus known) {
            return known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
        return status.is4xxClientError() ? "client-error" : "server-error";
    }
}
