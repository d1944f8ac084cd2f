package dev.tiketi.gateway.cache;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SharedResponsesTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final SharedResponses responses =
            new SharedResponses(Duration.ofSeconds(60), 10_000, 2_000, nanos::get);

    @Test
    void anAnswerIsFoundUntilItsLifetimeEndsWithItsAge() {
        SharedResponses.Key key = SharedResponses.keyOf(MockServerHttpRequest.get("/api/events/7").build());
        responses.keep(key, headers(), body("detail"), Duration.ofSeconds(2));

        advance(Duration.ofMillis(1_400));
        SharedResponses.Fresh fresh = responses.find(key);
        assertThat(fresh).isNotNull();
        assertThat(new String(fresh.answer().body(), StandardCharsets.UTF_8)).isEqualTo("detail");
        assertThat(fresh.age()).isEqualTo(Duration.ofMillis(1_400));

        advance(Duration.ofMillis(600));
        assertThat(responses.find(key)).isNull();
    }

    @Test
    void inTheLastQuarterOfItsLifetimeOneRequestFetchesTheReplacementWhileTheOthersAreStillServed() {
        SharedResponses.Key key = SharedResponses.keyOf(MockServerHttpRequest.get("/api/events").build());
        responses.keep(key, headers(), body("old"), Duration.ofSeconds(1));

        advance(Duration.ofMillis(749));
        assertThat(responses.find(key)).isNotNull();
        advance(Duration.ofMillis(1));
        assertThat(responses.find(key)).as("this request goes to the service").isNull();
        for (int i = 0; i < 5; i++) {
            assertThat(responses.find(key)).as("the others are served meanwhile").isNotNull();
        }

        responses.keep(key, headers(), body("new"), Duration.ofSeconds(1));
        SharedResponses.Fresh replaced = responses.find(key);
        assertThat(new String(replaced.answer().body(), StandardCharsets.UTF_8)).isEqualTo("new");
        assertThat(replaced.age()).isZero();
    }

    @Test
    void ofManyThreadsAskingInTheLastQuarterOfTheLifetimeExactlyOneFetches() throws Exception {
        SharedResponses.Key key = SharedResponses.keyOf(MockServerHttpRequest.get("/api/events/8").build());
        responses.keep(key, headers(), body("detail"), Duration.ofSeconds(1));
        advance(Duration.ofMillis(800));

        int threads = 32;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger fetching = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < 100; n++) {
                        (responses.find(key) == null ? fetching : served).incrementAndGet();
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(fetching.get()).isEqualTo(1);
        assertThat(served.get()).isEqualTo(threads * 100 - 1);
    }

    @Test
    void onlyTheRepresentationsHeadersAreKeptNotThoseAboutTheRequestThatFilledIt() {
        SharedResponses.Key key = SharedResponses.keyOf(MockServerHttpRequest.get("/api/events").build());
        responses.keep(key, headers(), body("page"), Duration.ofSeconds(1));

        HttpHeaders kept = responses.find(key).answer().headers();
        assertThat(kept.getContentType()).hasToString("application/json");
        assertThat(kept.getCacheControl()).isEqualTo("public, max-age=1");
        assertThat(responses.find(key).answer().variesByEncoding()).isTrue();
        assertThat(kept.getVary()).as("the filling request's CORS Vary is its own").isEmpty();
        assertThat(kept.containsHeader("X-RateLimit-Remaining")).isFalse();
        assertThat(kept.containsHeader("Access-Control-Allow-Origin")).isFalse();
        assertThat(kept.containsHeader("traceparent")).isFalse();
    }

    @Test
    void theQueryAndTheAcceptedEncodingArePartOfTheKey() {
        SharedResponses.Key page0 = SharedResponses.keyOf(MockServerHttpRequest.get("/api/events?page=0").build());
        responses.keep(page0, headers(), body("page 0"), Duration.ofSeconds(1));

        assertThat(responses.find(SharedResponses.keyOf(MockServerHttpRequest.get("/api/events?page=0").build())))
                .isNotNull();
        assertThat(responses.find(SharedResponses.keyOf(MockServerHttpRequest.get("/api/events?page=1").build())))
                .isNull();
        assertThat(responses.find(SharedResponses.keyOf(MockServerHttpRequest.get("/api/events").build()))).isNull();
        assertThat(responses.find(SharedResponses.keyOf(MockServerHttpRequest.get("/api/events?page=0")
                .header(HttpHeaders.ACCEPT_ENCODING, "gzip").build()))).as("gzip is another representation").isNull();
        assertThat(responses.find(SharedResponses.keyOf(MockServerHttpRequest.get("/api/events?page=0")
                .header(HttpHeaders.AUTHORIZATION, "Bearer x").build()))).as("the token is not").isNotNull();
    }

    @Test
    void theTotalSizeIsBounded() {
        for (int i = 0; i < 100; i++) {
            SharedResponses.Key key = SharedResponses.keyOf(MockServerHttpRequest.get("/api/events/" + i).build());
            responses.keep(key, headers(), new byte[1_000], Duration.ofSeconds(60));
        }
        assertThat(responses.size()).isBetween(1L, 10L);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
        headers.set(HttpHeaders.CACHE_CONTROL, "public, max-age=1");
        headers.set(HttpHeaders.VARY, "Origin, Accept-Encoding");
        headers.set("X-RateLimit-Remaining", "299");
        headers.set("Access-Control-Allow-Origin", "http://localhost:5173");
        headers.set("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        return headers;
    }

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
