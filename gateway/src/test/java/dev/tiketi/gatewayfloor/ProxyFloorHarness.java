package dev.tiketi.gatewayfloor;

import dev.tiketi.gateway.HarnessBodies;
import dev.tiketi.gateway.OpenLoad;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Not a test: a measuring tool for what proxying costs before any of the gateway's own work (issue 14, point 2).
 * It puts two proxies in front of the same trivial upstream and drives each with the open-model load
 * ({@link OpenLoad}) that {@code GatewayCpuHarness#measureCapacity} uses, printing CPU per proxied request at each
 * rate:
 * <ul>
 *   <li>{@code reactor-netty}: a bare reactor-netty server handing each request to a pooled reactor-netty client on
 *   the same event loops, headers and body passed through untouched: the least a proxy on this stack can cost;</li>
 *   <li>{@code spring-cloud-gateway}: Spring Cloud Gateway as Spring Boot configures it with one route and nothing
 *   else of the gateway's (no security, no rate limit, no circuit breaker, no filter of ours), the actuator's
 *   request observation and 10 % trace sampling as in production;</li>
 *   <li>{@code spring-cloud-gateway, no observation}: the same without the request observation.</li>
 * </ul>
 * Runs only when asked ({@code -Dtiketi.harness=true}), in a package of its own so that the gateway's component
 * scan never sees its application:
 *
 * <pre>./mvnw -B -ntp -o -pl gateway verify -Dtest=ProxyFloorHarness -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtiketi.harness=true [-Dtiketi.harness.rates=700,3000] [-Dtiketi.harness.step-seconds=10]</pre>
 *
 * <p>CPU per request is counted two ways: the proxy's own threads (thread CPU, no GC or JIT), and the whole
 * process less the load's threads and less what it burns idle (GC and JIT included, as the gateway harness counts).
 */
@EnabledIfSystemProperty(named = "tiketi.harness", matches = "true")
class ProxyFloorHarness {

    private static final String LOAD_THREADS = "load-";
    private static final String SENDER = LOAD_THREADS + "sender";
    /** The server's event loops and Reactor's schedulers, as Spring Boot names them. */
    private static final List<String> GATEWAY_THREADS = List.of("reactor-http-", "webflux-http-", "parallel-",
            "boundedElastic-");
    private static final String AUTHORIZATION = "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0."
            + "eyJzdWIiOiI1YjBlNGQyYS01M2ExLTRjN2UtOWEzYy0yYTVlNGMxZDdmMTAiLCJyb2xlIjoiVVNFUiIsImp0aSI6IjEiLCJleHAiOjE3OTk5OTk5OTl9."
            + "c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl";

    @Test
    void measureProxyFloor() throws Exception {
        List<Integer> rates = Arrays.stream(System.getProperty("tiketi.harness.rates", "700,3000").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        Duration step = Duration.ofSeconds(Long.getLong("tiketi.harness.step-seconds", 10));
        Duration warmUp = Duration.ofSeconds(Long.getLong("tiketi.harness.warm-up-seconds", 30));
        DisposableServer upstream = HttpServer.create().host("127.0.0.1").port(0)
                .runOn(LoopResources.create(LOAD_THREADS + "upstream", 1, true))
                .handle((request, response) -> request.receive().then(response
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .sendByteArray(Mono.just(HarnessBodies.STATUS)).then()))
                .bindNow();
        try {
            String upstreamUrl = "http://127.0.0.1:" + upstream.port();
            measure("reactor-netty", List.of("floor-netty-"), nettyProxy(upstreamUrl), rates, step, warmUp);
            measure("spring-cloud-gateway", GATEWAY_THREADS, springCloudGateway(upstreamUrl, true), rates, step,
                    warmUp);
            measure("spring-cloud-gateway, no observation", GATEWAY_THREADS, springCloudGateway(upstreamUrl, false),
                    rates, step, warmUp);
        } finally {
            upstream.disposeNow();
        }
    }

    private static Proxy nettyProxy(String upstreamUrl) {
        LoopResources loops = LoopResources.create("floor-netty-loop", 4, true);
        HttpClient client = HttpClient.create(ConnectionProvider.builder("floor-netty-pool").maxConnections(500)
                        .pendingAcquireMaxCount(-1).build()).runOn(loops)
                .baseUrl(upstreamUrl);
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).runOn(loops)
                .handle((request, response) -> client
                        .headers(headers -> headers.set(request.requestHeaders()))
                        .request(request.method()).uri(request.uri())
                        .send(request.receive().retain())
                        .response((answer, body) -> response.status(answer.status())
                                .headers(answer.responseHeaders()).send(body.retain()))
                        .then())
                .bindNow();
        return new Proxy(server.port(), () -> {
            server.disposeNow();
            loops.disposeLater().block();
        });
    }

    private static Proxy springCloudGateway(String upstreamUrl, boolean observed) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FloorGateway.class)
                .web(WebApplicationType.REACTIVE)
                .properties(Map.ofEntries(
                        // not the gateway's application.yml, which sits on this class path too
                        Map.entry("spring.config.name", "floor-gateway"),
                        Map.entry("server.port", "0"),
                        Map.entry("spring.application.name", "floor-gateway"),
                        Map.entry("spring.main.banner-mode", "off"),
                        Map.entry("logging.level.root", "warn"),
                        Map.entry("management.tracing.sampling.probability", "0.1"),
                        Map.entry("management.observations.enable.http.server.requests", String.valueOf(observed)),
                        Map.entry("spring.cloud.gateway.server.webflux.routes[0].id", "floor"),
                        Map.entry("spring.cloud.gateway.server.webflux.routes[0].uri", upstreamUrl),
                        Map.entry("spring.cloud.gateway.server.webflux.routes[0].predicates[0]", "Path=/api/**")))
                .run();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Proxy(port, context::close);
    }

    private static void measure(String name, List<String> threadPrefixes, Proxy proxy, List<Integer> rates,
                                Duration step, Duration warmUp) throws InterruptedException {
        try (proxy) {
            LoopResources clientLoops = LoopResources.create(LOAD_THREADS + "client", 1, true);
            HttpClient client = HttpClient.create(ConnectionProvider.builder(LOAD_THREADS + "pool")
                            .maxConnections(2_000).pendingAcquireMaxCount(-1)
                            .pendingAcquireTimeout(Duration.ofSeconds(60)).build())
                    .runOn(clientLoops)
                    .baseUrl("http://127.0.0.1:" + proxy.port());
            Map<String, OpenLoad.Request> requests = Map.of(
                    "GET status", n -> client.headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, AUTHORIZATION))
                            .get().uri("/api/queue/7/status"),
                    "POST hold", n -> client.headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, AUTHORIZATION)
                                    .set(HttpHeaderNames.CONTENT_TYPE, "application/json"))
                            .post().uri("/api/reservations")
                            .send(ByteBufFlux.fromString(Mono.just(HarnessBodies.HOLD))));
            for (var request : requests.values()) {
                OpenLoad.run(request, 1_500, warmUp, SENDER);
            }
            Snapshot idleStart = Snapshot.take(threadPrefixes);
            Thread.sleep(5_000);
            Snapshot idleEnd = Snapshot.take(threadPrefixes);
            double idlePerSecond = idleEnd.outsideLoad(idleStart) / ((idleEnd.wallNanos - idleStart.wallNanos) / 1e9);
            System.out.printf("%n== %s (idle %.1f ms/s)%n", name, idlePerSecond / 1e6);
            System.out.println("request      rate  not-200  p50 ms  p99 ms   proxy threads ms/req   process ms/req");
            for (var request : List.of("GET status", "POST hold")) {
                for (int rate : rates) {
                    Snapshot before = Snapshot.take(threadPrefixes);
                    OpenLoad.Step result = OpenLoad.run(requests.get(request), rate, step, SENDER);
                    Snapshot after = Snapshot.take(threadPrefixes);
                    int sent = result.sent();
                    double wallSeconds = (after.wallNanos - before.wallNanos) / 1e9;
                    System.out.printf("%-10s %6d %8d %7.1f %7.1f %22.3f %16.3f%n", request, rate, result.failed(),
                            result.percentile(50), result.percentile(99),
                            after.proxyThreads(before) / 1e6 / sent,
                            (after.outsideLoad(before) - result.senderNanos() - idlePerSecond * wallSeconds)
                                    / 1e6 / sent);
                    Thread.sleep(2_000);
                }
            }
            clientLoops.disposeLater().block();
        }
    }

    /** Spring Cloud Gateway with the auto-configuration Spring Boot gives it, less what this tool leaves out. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration"})
    static class FloorGateway {
    }

    private record Proxy(int port, Runnable stop) implements AutoCloseable {
        @Override
        public void close() {
            stop.run();
        }
    }

    /** CPU of the whole process, of the load's threads and of the proxy's threads at one moment. */
    private record Snapshot(long process, long load, long proxy, long wallNanos) {

        static Snapshot take(List<String> proxyPrefixes) {
            var threads = ManagementFactory.getThreadMXBean();
            long load = 0;
            long proxy = 0;
            for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long cpu = Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                if (info.getThreadName().startsWith(LOAD_THREADS)) {
                    load += cpu;
                } else if (proxyPrefixes.stream().anyMatch(info.getThreadName()::startsWith)) {
                    proxy += cpu;
                }
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Snapshot(os.getProcessCpuTime(), load, proxy, System.nanoTime());
        }

        long outsideLoad(Snapshot before) {
            return process - before.process - (load - before.load);
        }

        long proxyThreads(Snapshot before) {
            return proxy - before.proxy;
        }
    }
}
