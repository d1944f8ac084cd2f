package dev.tiketi.gateway.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * Answers a request from the answers a service marked shareable ({@code Cache-Control: public, max-age=…}; the
 * catalog's reads), without calling the service, for as long as the service allowed ({@link SharedCacheRules}), on
 * the routes whose metadata has {@code shared-cache: true} (event-service's).
 * A sale's opening brings thousands of visitors to the same event page within seconds: event-service then sees
 * a read or two per URL and second instead of every visitor's.
 *
 * <p>The request has passed the security chain and its rate limits before this filter (they are web filters);
 * the answer keeps the headers they set, and takes from the kept answer only its representation's
 * ({@link SharedResponses#KEPT_HEADERS}), plus its {@code Age}. Runs before {@link NettyWriteResponseFilter}, so
 * that the answer it writes goes through the recording decorator, and before the per-service in-flight limit
 * (order -10) and a route's circuit breaker: a kept answer is served even while its service is saturated or its
 * breaker open.
 */
@Component
class SharedResponseCacheFilter implements GlobalFilter, Ordered {

    static final int ORDER = -20;
    static final String ROUTE_METADATA = "shared-cache";

    private final SharedResponses responses;
    private final Counter hits;
    private final Counter misses;

    SharedResponseCacheFilter(SharedResponses responses, MeterRegistry registry) {
        this.responses = responses;
        this.hits = counter(registry, "hit");
        this.misses = counter(registry, "miss");
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("tiketi.gateway.shared.cache.requests")
                .description("GET requests the gateway could answer from its shared cache (hit) or sent on (miss)")
                .tag("result", result)
                .register(registry);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!routeIsShared(exchange) || !SharedCacheRules.requestMayUseCache(request.getMethod(), request.getHeaders())) {
            return chain.filter(exchange);
        }
        SharedResponses.Key key = SharedResponses.keyOf(request);
        SharedResponses.Fresh fresh = responses.find(key);
        if (fresh != null) {
            hits.increment();
            return answer(exchange.getResponse(), fresh);
        }
        misses.increment();
        return chain.filter(exchange.mutate().response(new Recording(exchange.getResponse(), key)).build());
    }

    /** Only routes whose metadata says {@code shared-cache: true} are cached; the others pay nothing for it. */
    private static boolean routeIsShared(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null && "true".equals(String.valueOf(route.getMetadata().get(ROUTE_METADATA)));
    }

    private static Mono<Void> answer(ServerHttpResponse response, SharedResponses.Fresh fresh) {
        response.setStatusCode(HttpStatus.OK);
        HttpHeaders headers = response.getHeaders();
        fresh.answer().headers().forEach(headers::put);
        if (fresh.answer().variesByEncoding() && !headers.getVary().contains(HttpHeaders.ACCEPT_ENCODING)) {
            headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        headers.set(HttpHeaders.AGE, Long.toString(fresh.age().toSeconds()));
        headers.setContentLength(fresh.answer().body().length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(fresh.answer().body())));
    }

    /** Passes the service's answer on and keeps a copy if the service allowed it and it is not too large. */
    private final class Recording extends ServerHttpResponseDecorator {

        private final SharedResponses.Key key;

        Recording(ServerHttpResponse delegate, SharedResponses.Key key) {
            super(delegate);
            this.key = key;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            Optional<Duration> lifetime = SharedCacheRules.sharedLifetime(getStatusCode(), getHeaders(),
                    responses.maxTtl());
            long announced = getHeaders().getContentLength();
            if (lifetime.isEmpty() || announced > responses.maxEntryBytes()) {
                return super.writeWith(body);
            }
            BodyCopy copy = new BodyCopy(responses.maxEntryBytes(), announced);
            return super.writeWith(Flux.from(body)
                    .map(buffer -> {
                        copy.append(buffer);
                        return buffer;
                    })
                    .doOnComplete(() -> copy.bytes().ifPresent(
                            bytes -> responses.keep(key, getHeaders(), bytes, lifetime.get()))));
        }
    }

    /** The bytes of an answer as they pass, up to a limit; past it, nothing (the answer is not kept). */
    private static final class BodyCopy {

        private final int limit;
        private ByteArrayOutputStream bytes;

        BodyCopy(int limit, long announced) {
            this.limit = limit;
            this.bytes = new ByteArrayOutputStream(announced > 0 ? (int) announced : 1024);
        }

        void append(DataBuffer buffer) {
            int readable = buffer.readableByteCount();
            if (bytes == null || bytes.size() + readable > limit) {
                bytes = null;
                return;
            }
            byte[] chunk = new byte[readable];
            buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(chunk), 0, readable);
            bytes.writeBytes(chunk);
        }

        Optional<byte[]> bytes() {
            return Optional.ofNullable(bytes).map(ByteArrayOutputStream::toByteArray);
        }
    }
}
