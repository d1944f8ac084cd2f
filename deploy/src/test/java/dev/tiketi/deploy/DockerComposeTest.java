package dev.tiketi.deploy;

import dev.tiketi.topology.Topology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml is valid (docker-compose's own {@code config}, which needs no Docker engine) and runs the
 * services as k8s/ does: the topology's ports, the same environment names, the readiness health group, the
 * images the images profile builds, the same data-store versions and database bootstrap.
 */
class DockerComposeTest {

    private static final Topology TOPOLOGY = Topology.load();
    private static Map<String, Object> services;

    @BeforeAll
    static void normalise() {
        List<String> command = new ArrayList<>(Tools.dockerCompose());
        command.addAll(List.of("-f", "docker-compose.yml", "config"));
        Map<String, Object> compose = Yamls.map(new Yaml(new LoaderOptions()).load(Tools.run(command)));
        services = Yamls.map(compose.get("services"));
    }

    @Test
    void itRunsTheDataStoresAndEveryService() {
        Set<String> expected = new TreeSet<>(Topology.SERVICES);
        expected.addAll(List.of("postgres", "redis", "kafka"));
        assertThat(new TreeSet<>(services.keySet())).isEqualTo(expected);
    }

    @Test
    void everyServicePublishesItsTopologyPortAndChecksItsReadinessGroup() {
        for (String service : Topology.SERVICES) {
            Map<String, Object> definition = Yamls.map(services.get(service));
            int port = TOPOLOGY.port(service);
            int healthPort = service.equals("gateway") ? TOPOLOGY.port("gateway-management") : port;
            List<String> published = Yamls.list(definition, "ports").stream()
                    .map(mapping -> mapping.get("published") + ":" + mapping.get("target")).toList();
            assertThat(published).as(service).contains(port + ":" + port, healthPort + ":" + healthPort);
            String check = String.join(" ", (List<String>) Yamls.get(definition, "healthcheck.test"));
            assertThat(check).as(service).endsWith("http://127.0.0.1:" + healthPort + "/actuator/health/readiness");
            Map<String, Object> k8s = Manifests.of("k8s/base").get("Deployment", service);
            assertThat(definition.get("image")).as("the image the images profile builds, as k8s/base names it")
                    .isEqualTo(Yamls.string(Yamls.list(k8s, "spec.template.spec.containers").getFirst(), "image"));
            assertThat(definition).as(service).containsEntry("read_only", true).containsEntry("user", "65532:65532");
        }
    }

    @Test
    void everyServiceGetsTheEnvironmentNamesOfTheManifests() {
        for (String service : Topology.SERVICES) {
            Map<String, Object> environment = Yamls.map(Yamls.get(Yamls.map(services.get(service)), "environment"));
            Map<String, String> k8s = Manifests.of("k8s/overlays/local").environment(service);
            assertThat(k8s.keySet()).as(service + ": names compose sets that k8s does not").containsAll(environment.keySet());
            assertThat(environment).as(service).containsEntry("SERVER_ADDRESS", "0.0.0.0");
            // the gateway calls no /internal endpoint, so only the services get the service-to-service credential
            assertThat(environment.containsKey("TIKETI_INTERNAL_SECRET")).as(service).isEqualTo(!service.equals("gateway"));
            for (String name : k8s.keySet()) {
                if (name.startsWith("TIKETI_HOSTS_") || name.startsWith("TIKETI_PORTS_") || name.equals("DB_PASSWORD")) {
                    assertThat(environment).as(service + " " + name).containsKey(name);
                    if (!k8s.get(name).startsWith("secret:")) {
                        assertThat(String.valueOf(environment.get(name))).as(service + " " + name).isEqualTo(k8s.get(name));
                    }
                }
            }
            for (String store : List.of("postgres", "redis", "kafka")) {
                assertThat(services).as("the host " + service + " is given is a compose service")
                        .containsKey(String.valueOf(environment.get(ServiceConfiguration.environmentName("tiketi.hosts." + store))));
            }
        }
    }

    @Test
    void theDataStoresAreTheLocalOverlaysVersionsAndStartBeforeTheServices() {
        Manifests local = Manifests.of("k8s/overlays/local");
        for (String store : List.of("postgres", "redis", "kafka")) {
            String k8sImage = Yamls.string(Yamls.list(local.get("StatefulSet", store), "spec.template.spec.containers")
                    .getFirst(), "image");
            assertThat(Yamls.string(Yamls.map(services.get(store)), "image")).as(store).isEqualTo(k8sImage);
            assertThat(Yamls.find(Yamls.map(services.get(store)), "healthcheck.test")).as(store).isPresent();
        }
        assertThat(Yamls.string(Yamls.map(services.get("postgres")), "image")).isEqualTo("postgres:18");
        for (String service : Topology.SERVICES) {
            Map<String, Object> dependsOn = Yamls.map(Yamls.get(Yamls.map(services.get(service)), "depends_on"));
            for (String store : List.of("postgres", "redis", "kafka")) {
                assertThat(Yamls.string(dependsOn, store + ".condition")).as(service).isEqualTo("service_healthy");
            }
        }
    }

    @Test
    void theImagesAreTaggedWithTheProjectVersion() {
        Matcher version = Pattern.compile("<artifactId>tiketi</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Repository.read("pom.xml"));
        assertThat(version.find()).isTrue();
        for (String service : Topology.SERVICES) {
            assertThat(Yamls.string(Yamls.map(services.get(service)), "image")).isEqualTo("tiketi/" + service + ":" + version.group(1));
        }
    }
}
