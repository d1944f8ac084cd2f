package dev.tiketi.web.input;

import dev.tiketi.web.problem.FieldError;
import dev.tiketi.web.problem.ProblemResponseWriter;
import dev.tiketi.web.problem.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Applies {@link TextInput}'s rule to the request address before anything reads it: every query parameter
 * name and value and every path segment must be strictly percent-encoded UTF-8 without control characters.
 * Otherwise the request gets a 400 {@code validation-failed} problem naming the parameter (or {@code path}),
 * instead of Tomcat's parameter parser failing inside a controller (500) or a NUL reaching PostgreSQL.
 * Bodies are checked by {@link TextCheckingModule} as they are read.
 */
public class RequestTextFilter extends OncePerRequestFilter {

    static final String INVALID_CHARACTERS = "InvalidCharacters";

    private final ProblemResponseWriter writer;

    public RequestTextFilter(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> refused = refusedPart(request.getRequestURI(), request.getQueryString());
        if (refused.isPresent()) {
            writer.write(response, problem(refused.get()));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The name of the first part of the address that breaks the rule: a query parameter's name, or "path". */
    static Optional<String> refusedPart(String rawPath, String rawQuery) {
        if (rawPath != null) {
            for (String segment : rawPath.split("/", -1)) {
                if (!acceptable(segment, false)) {
                    return Optional.of("path");
                }
            }
        }
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (!acceptable(name, true)) {
                return Optional.of("query");
            }
            if (!acceptable(value, true)) {
                return Optional.of(TextInput.decodePercentEncoded(name, true));
            }
        }
        return Optional.empty();
    }

    private static boolean acceptable(String encoded, boolean plusIsSpace) {
        try {
            return TextInput.isAcceptable(TextInput.decodePercentEncoded(encoded, plusIsSpace));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static ProblemDetail problem(String field) {
        ProblemDetail problem = ProblemTypes.of(HttpStatus.BAD_REQUEST, "validation-failed",
                "The request has invalid fields.");
        problem.setProperty(ProblemTypes.ERRORS, List.of(new FieldError(field, INVALID_CHARACTERS,
                "must be UTF-8 text without control characters")));
        return problem;
    }
}
