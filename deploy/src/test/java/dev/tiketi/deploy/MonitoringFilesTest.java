package dev.tiketi.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards, alert rules and autoscaling metrics hang together: every dashboard file is provisioned, every
 * panel queries something, every alert links to a runbook section that exists, every custom metric an HPA asks
 * for is served by a prometheus-adapter rule. (That every metric they name is exported is checked against the
 * running platform by e2e-tests' MonitoringMetricsE2ETest.)
 */
class MonitoringFilesTest {

    private static final Manifests PRODUCTION = Manifests.of("k8s/overlays/production");

    @Test
    void everyDashboardIsProvisionedAndEveryPanelQueriesPrometheus() throws IOException {
        Path directory = Repository.path("k8s/components/monitoring/dashboards");
        Set<String> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.map(path -> path.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Map<String, Object> configMap = PRODUCTION.get("ConfigMap", "tiketi-grafana-dashboards");
        assertThat(Yamls.map(configMap.get("data")).keySet()).isEqualTo(files);
        assertThat(Yamls.string(configMap, "metadata.labels.grafana_dashboard")).isEqualTo("1");

        Set<String> uids = new HashSet<>();
        for (String file : files) {
            JsonObject dashboard = JsonParser.parseString(Files.readString(directory.resolve(file))).getAsJsonObject();
            assertThat(uids.add(dashboard.get("uid").getAsString())).as("unique uid " + file).isTrue();
            assertThat(dashboard.get("title").getAsString()).as(file).startsWith("TIKETI ");
            int queries = 0;
            for (JsonElement element : dashboard.getAsJsonArray("panels")) {
                JsonObject panel = element.getAsJsonObject();
                if (panel.get("type").getAsString().equals("row")) {
                    continue;
                }
                JsonArray targets = panel.getAsJsonArray("targets");
                assertThat(targets).as(file + " " + panel.get("title")).isNotEmpty();
                for (JsonElement target : targets) {
                    assertThat(target.getAsJsonObject().get("expr").getAsString()).isNotBlank();
                    queries++;
                }
            }
            assertThat(queries).as(file).isGreaterThan(3);
        }
        assertThat(files).contains("tiketi-traffic.json", "tiketi-sales.json", "tiketi-saga.json", "tiketi-jvm.json");
    }

    @Test
    void everyAlertHasASeverityAndARunbookSectionThatExists() {
        Set<String> anchors = anchors(Repository.read("docs/operations.md"));
        List<Map<String, Object>> rules = PRODUCTION.ofKind("PrometheusRule").stream()
                .flatMap(rule -> Yamls.list(rule, "spec.groups").stream())
                .flatMap(group -> Yamls.list(group, "rules").stream()).toList();
        assertThat(rules).extracting(rule -> rule.get("alert")).contains(
                "TiketiDeadLettersWaiting", "TiketiOutboxLagging", "TiketiCircuitBreakerOpen", "TiketiHighErrorRate",
                "TiketiGatewaySheddingLoad");
        for (Map<String, Object> rule : rules) {
            assertThat(Yamls.string(rule, "labels.severity")).isIn("critical", "warning");
            String runbook = Yamls.string(rule, "annotations.runbook_url");
            assertThat(runbook).as(rule.get("alert") + "").startsWith("docs/operations.md#");
            assertThat(anchors).as(rule.get("alert") + " runbook").contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    @Test
    void everyCustomMetricAnAutoscalerUsesIsServedByAnAdapterRule() {
        Map<String, Object> rules = Yamls.map(new Yaml(new LoaderOptions()).load(String.valueOf(
                Yamls.map(PRODUCTION.get("ConfigMap", "tiketi-prometheus-adapter-rules").get("data")).get("rules.yaml"))));
        Set<String> served = Yamls.list(rules, "rules").stream().map(rule -> Yamls.string(rule, "name.as"))
                .collect(Collectors.toSet());
        Set<String> used = PRODUCTION.ofKind("HorizontalPodAutoscaler").stream()
                .flatMap(hpa -> Yamls.list(hpa, "spec.metrics").stream())
                .filter(metric -> "Pods".equals(metric.get("type")))
                .map(metric -> Yamls.string(metric, "pods.metric.name")).collect(Collectors.toSet());
        assertThat(used).hasSize(2);
        assertThat(served).containsAll(used);
    }

    /** GitHub's heading anchors: lower case, spaces to hyphens, punctuation other than - and _ dropped. */
    static Set<String> anchors(String markdown) {
        return markdown.lines().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase()
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
