package dev.tiketi.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric the Grafana dashboards, the alert rules and the autoscalers' adapter rules (k8s/components/monitoring)
 * query is one the running services export on /actuator/prometheus: a renamed meter fails here instead of
 * leaving an empty panel or an alert that can never fire.
 */
@ExtendWith(PlatformExtension.class)
class MonitoringMetricsE2ETest {

    private static final Path MONITORING = Path.of(System.getProperty("tiketi.root", "..")).toAbsolutePath().normalize()
            .resolve("k8s/components/monitoring");

    /** Series Prometheus makes itself for every scrape target, not exported by a service. */
    private static final Set<String> SCRAPE_SERIES = Set.of("up");

    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");

    @Test
    void everyMetricTheDashboardsAlertsAndAutoscalersQueryIsExported(PlatformUnderTest platform) throws IOException {
        Set<String> queried = queriedMetrics();
        assertThat(queried).as("the extraction finds the metrics of every area")
                .contains("tiketi_queue_waiting", "tiketi_reservation_holds_total", "tiketi_payments_total",
                        "tiketi_outbox_lag_seconds", "tiketi_kafka_dlq_size", "hikaricp_connections_pending",
                        "tiketi_gateway_requests_in_flight", "http_server_requests_seconds_bucket");

        // a purchase through the gateway makes the meters that only appear on first use (payments by outcome,
        // the gateway's per-route timers, the consumers' fetch metrics)
        Sale sale = Sale.open(platform);
        Sale.Hold hold = sale.hold(1);
        assertThat(hold.pay(platform.gateway(), Sale.APPROVED_CARD).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> exported = exported(platform);
            Set<String> missing = new TreeSet<>(queried);
            missing.removeAll(exported);
            missing.removeAll(SCRAPE_SERIES);
            assertThat(missing).as("queried by k8s/components/monitoring but exported by no service").isEmpty();
        });
    }

    @Test
    void theExtractionReadsMetricNamesAndSkipsFunctionsLabelsAndKeywords() {
        assertThat(metricsIn("histogram_quantile(0.99, sum by (application, le) "
                + "(rate(http_server_requests_seconds_bucket{namespace=\"$namespace\",status=~\"5..\"}[5m]))) "
                + "/ on (application) group_left max(up) > bool 0.5 and tiketi_queue_waiting offset 5m"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "up", "tiketi_queue_waiting");
    }

    private static Set<String> exported(PlatformUnderTest platform) {
        Set<String> names = new HashSet<>();
        for (String service : platform.platform().services()) {
            // the gateway's actuator listens on its management port only
            String base = platform.platform().serviceUrl(service.equals("gateway") ? "gateway-management" : service);
            Api.Reply scrape = new Api(base).get("/actuator/prometheus", null);
            assertThat(scrape.status()).as(service).isEqualTo(200);
            scrape.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        }
        return names;
    }

    private static Set<String> queriedMetrics() throws IOException {
        Set<String> metrics = new TreeSet<>();
        Pattern jsonExpr = Pattern.compile("\"expr\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
        try (Stream<Path> dashboards = Files.list(MONITORING.resolve("dashboards"))) {
            for (Path dashboard : dashboards.toList()) {
                Matcher expr = jsonExpr.matcher(Files.readString(dashboard));
                while (expr.find()) {
                    metrics.addAll(metricsIn(expr.group(1).replace("\\\"", "\"")));
                }
            }
        }
        Matcher alert = Pattern.compile("expr: >-\\s*\\n\\s*(.+)").matcher(Files.readString(MONITORING.resolve("alert-rules.yaml")));
        while (alert.find()) {
            metrics.addAll(metricsIn(alert.group(1)));
        }
        Matcher series = Pattern.compile("seriesQuery: '([^']+)'")
                .matcher(Files.readString(MONITORING.resolve("prometheus-adapter-rules.yaml")));
        while (series.find()) {
            metrics.addAll(metricsIn(series.group(1)));
        }
        return metrics;
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, labels, keywords or durations. */
    static Set<String> metricsIn(String promql) {
        String stripped = promql
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> metrics = new TreeSet<>();
        Matcher identifier = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(stripped);
        while (identifier.find()) {
            String name = identifier.group(1);
            if (identifier.group(2) == null && !PROMQL_WORDS.contains(name.toLowerCase())) {
                metrics.add(name);
            }
        }
        return metrics;
    }
}
