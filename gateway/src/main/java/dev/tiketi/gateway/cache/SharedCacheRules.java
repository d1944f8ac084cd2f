package dev.tiketi.gateway.cache;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When the gateway may answer from its shared cache and when it may keep an answer (RFC 9111, the part a shared
 * cache in front of our own services needs). The service decides: only an answer it marks {@code public} with a
 * {@code s-maxage} or {@code max-age} is kept, for that long and at most {@code maxTtl}.
 *
 * <p>Left out on purpose: anything but a plain GET (a range, a conditional request, a body), so that the
 * services' own 304s and ranges keep working; answers that set a cookie; answers that vary on anything but
 * {@code Accept-Encoding}, which is part of the key, and the CORS request headers, on which only the gateway's
 * own CORS headers vary (it writes them for every request, kept answer or not). What the client says in its own
 * {@code Cache-Control} is not obeyed: a stampede of reloads must not reach the services (the edge caches of CDNs
 * do the same).
 */
final class SharedCacheRules {

    /** The headers the gateway's CORS filter varies its own answer on; they say nothing about the service's. */
    private static final Set<String> CORS_VARY = Set.of("origin", "access-control-request-method",
            "access-control-request-headers");

    private SharedCacheRules() {
    }

    /** Whether a request may be answered from the cache, and its answer kept. */
    static boolean requestMayUseCache(HttpMethod method, HttpHeaders headers) {
        return HttpMethod.GET.equals(method)
                && headers.getContentLength() <= 0
                && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)
                && !headers.containsHeader(HttpHeaders.RANGE)
                && !headers.containsHeader(HttpHeaders.IF_NONE_MATCH)
                && !headers.containsHeader(HttpHeaders.IF_MODIFIED_SINCE);
    }

    /** How long an answer may be kept and shared, or empty if it may not be. */
    static Optional<Duration> sharedLifetime(HttpStatusCode status, HttpHeaders headers, Duration maxTtl) {
        if (!HttpStatus.OK.isSameCodeAs(status) || headers.containsHeader(HttpHeaders.SET_COOKIE)
                || !variesOnlyByEncoding(headers)) {
            return Optional.empty();
        }
        boolean shared = false;
        long maxAge = -1;
        long sharedMaxAge = -1;
        for (String value : headers.getValuesAsList(HttpHeaders.CACHE_CONTROL)) {
            String directive = value.trim().toLowerCase(Locale.ROOT);
            if (directive.equals("public")) {
                shared = true;
            } else if (directive.equals("private") || directive.startsWith("private=")
                    || directive.equals("no-store") || directive.equals("no-cache") || directive.startsWith("no-cache=")) {
                return Optional.empty();
            } else if (directive.startsWith("max-age=")) {
                maxAge = seconds(directive.substring("max-age=".length()));
            } else if (directive.startsWith("s-maxage=")) {
                sharedMaxAge = seconds(directive.substring("s-maxage=".length()));
            }
        }
        long lifetime = sharedMaxAge >= 0 ? sharedMaxAge : maxAge;
        if (!shared || lifetime <= 0) {
            return Optional.empty();
        }
        Duration asked = Duration.ofSeconds(lifetime);
        Duration kept = asked.compareTo(maxTtl) > 0 ? maxTtl : asked;
        return kept.isZero() ? Optional.empty() : Optional.of(kept);
    }

    private static boolean variesOnlyByEncoding(HttpHeaders headers) {
        return headers.getValuesAsList(HttpHeaders.VARY).stream()
                .map(header -> header.trim().toLowerCase(Locale.ROOT))
                .allMatch(header -> header.equals("accept-encoding") || CORS_VARY.contains(header));
    }

    /** Whether the service's answer differs by {@code Accept-Encoding}, which a kept copy must say again. */
    static boolean variesByEncoding(HttpHeaders headers) {
        return headers.getValuesAsList(HttpHeaders.VARY).stream()
                .anyMatch(header -> header.trim().equalsIgnoreCase(HttpHeaders.ACCEPT_ENCODING));
    }

    /** A delta-seconds value; anything unreadable counts as "not cacheable" (-1). */
    private static long seconds(String value) {
        String digits = value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                ? value.substring(1, value.length() - 1) : value;
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(digits);
    }
}
