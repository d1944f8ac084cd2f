package dev.tiketi.gateway.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SharedCacheRulesTest {

    private static final Duration MAX_TTL = Duration.ofSeconds(60);

    @Test
    void aPublicAnswerIsKeptForItsMaxAge() {
        assertThat(lifetime("public, max-age=1")).contains(Duration.ofSeconds(1));
        assertThat(lifetime("max-age=30, must-revalidate, public")).contains(Duration.ofSeconds(30));
    }

    @Test
    void sMaxageIsTheSharedCachesOwnAndWinsOverMaxAge() {
        assertThat(lifetime("public, max-age=0, s-maxage=5")).contains(Duration.ofSeconds(5));
        assertThat(lifetime("public, s-maxage=0, max-age=5")).isEmpty();
    }

    @Test
    void theGatewaysMaximumCapsWhatAServiceAsksFor() {
        assertThat(lifetime("public, max-age=3600")).contains(MAX_TTL);
        assertThat(SharedCacheRules.sharedLifetime(HttpStatus.OK, headers("public, max-age=1"), Duration.ZERO))
                .as("a zero maximum keeps nothing").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"max-age=60", "public", "public, max-age=0", "private, max-age=60",
            "public, private, max-age=60", "public, no-store, max-age=60", "public, no-cache, max-age=60",
            "public, no-cache=\"Set-Cookie\", max-age=60", "public, max-age=soon", "public, max-age=-5",
            "public, max-age=99999999999999999999"})
    void anythingElseIsNotShared(String cacheControl) {
        assertThat(lifetime(cacheControl)).isEmpty();
    }

    @Test
    void aServiceWithoutCacheControlIsNeverCached() {
        assertThat(SharedCacheRules.sharedLifetime(HttpStatus.OK, new HttpHeaders(), MAX_TTL)).isEmpty();
    }

    @Test
    void onlyA200IsKept() {
        assertThat(SharedCacheRules.sharedLifetime(HttpStatus.NOT_FOUND, headers("public, max-age=60"), MAX_TTL)).isEmpty();
        assertThat(SharedCacheRules.sharedLifetime(HttpStatus.PARTIAL_CONTENT, headers("public, max-age=60"), MAX_TTL))
                .isEmpty();
    }

    @Test
    void anAnswerThatSetsACookieOrVariesOnMoreThanTheEncodingIsNotShared() {
        HttpHeaders cookie = headers("public, max-age=60");
        cookie.add(HttpHeaders.SET_COOKIE, "session=1");
        assertThat(SharedCacheRules.sharedLifetime(HttpStatus.OK, cookie, MAX_TTL)).isEmpty();

        HttpHeaders byToken = headers("public, max-age=60");
        byToken.add(HttpHeaders.VARY, "Accept-Encoding, Authorization");
        assertThat(SharedCacheRules.sharedLifetime(HttpStatus.OK, byToken, MAX_TTL)).isEmpty();

        HttpHeaders byLanguage = headers("public, max-age=60");
        byLanguage.add(HttpHeaders.VARY, "Accept-Language");
        assertThat(SharedCacheRules.sharedLifetime(HttpStatus.OK, byLanguage, MAX_TTL)).isEmpty();

        HttpHeaders byEncoding = headers("public, max-age=60");
        byEncoding.add(HttpHeaders.VARY, "accept-encoding");
        assertThat(SharedCacheRules.sharedLifetime(HttpStatus.OK, byEncoding, MAX_TTL)).contains(MAX_TTL);
        assertThat(SharedCacheRules.variesByEncoding(byEncoding)).isTrue();

        HttpHeaders gatewayCors = headers("public, max-age=60");
        gatewayCors.add(HttpHeaders.VARY, "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        assertThat(SharedCacheRules.sharedLifetime(HttpStatus.OK, gatewayCors, MAX_TTL))
                .as("the gateway's own CORS answer varies on these, and it writes it for every request").contains(MAX_TTL);
        assertThat(SharedCacheRules.variesByEncoding(gatewayCors)).isFalse();
    }

    @Test
    void onlyAPlainGetUsesTheCache() {
        assertThat(SharedCacheRules.requestMayUseCache(HttpMethod.GET, new HttpHeaders())).isTrue();
        assertThat(SharedCacheRules.requestMayUseCache(HttpMethod.GET, request(Map.of("Authorization", "Bearer x"))))
                .as("a public answer may be shared with a signed-in visitor").isTrue();
        assertThat(SharedCacheRules.requestMayUseCache(HttpMethod.GET, request(Map.of("Cache-Control", "no-cache"))))
                .as("a visitor's reload does not reach the service").isTrue();

        assertThat(SharedCacheRules.requestMayUseCache(HttpMethod.POST, new HttpHeaders())).isFalse();
        assertThat(SharedCacheRules.requestMayUseCache(HttpMethod.HEAD, new HttpHeaders())).isFalse();
        assertThat(SharedCacheRules.requestMayUseCache(HttpMethod.GET, request(Map.of("Range", "bytes=0-9")))).isFalse();
        assertThat(SharedCacheRules.requestMayUseCache(HttpMethod.GET, request(Map.of("If-None-Match", "\"a\""))))
                .as("the service answers its own 304").isFalse();
        assertThat(SharedCacheRules.requestMayUseCache(HttpMethod.GET,
                request(Map.of("If-Modified-Since", "Mon, 07 Dec 2026 04:00:00 GMT")))).isFalse();
        assertThat(SharedCacheRules.requestMayUseCache(HttpMethod.GET, request(Map.of("Content-Length", "3")))).isFalse();
    }

    private static java.util.Optional<Duration> lifetime(String cacheControl) {
        return SharedCacheRules.sharedLifetime(HttpStatus.OK, headers(cacheControl), MAX_TTL);
    }

    private static HttpHeaders headers(String cacheControl) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CACHE_CONTROL, cacheControl);
        return headers;
    }

    private static HttpHeaders request(Map<String, String> values) {
        HttpHeaders headers = new HttpHeaders();
        values.forEach(headers::set);
        return headers;
    }
}
