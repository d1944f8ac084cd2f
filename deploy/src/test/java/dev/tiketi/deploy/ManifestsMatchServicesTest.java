package dev.tiketi.deploy;

import dev.tiketi.events.Topics;
import dev.tiketi.infra.ServiceDatabase;
import dev.tiketi.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests agree with the code they run: ports and health groups with the topology and each service's
 * application.yml, environment names with the properties the services read, topics with common-events, roles
 * and schemas with the launcher's database bootstrap, network policies with who calls whom.
 */
class ManifestsMatchServicesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** Spring Boot's own properties set through the environment (not in any TIKETI configuration file). */
    private static final Set<String> SPRING_BOOT_PROPERTIES = Set.of(
            "SERVER_ADDRESS", "SPRING_DATA_REDIS_PASSWORD", "SPRING_DATA_REDIS_SSL_ENABLED");

    /**
     * The shared credential of service-to-service /internal/** calls: common/service-auth reads it with
     * {@code @Value("${tiketi.internal.secret}")}, which the configuration scan does not see.
     */
    private static final Set<String> INTERNAL_CREDENTIAL = Set.of("TIKETI_INTERNAL_SECRET");

    private static final Topology TOPOLOGY = Topology.load();
    private static final Map<String, Object> RUNTIME_DEFAULTS = Yamls.map(new Yaml(new LoaderOptions())
            .load(Repository.read("common/common-runtime/src/main/resources/tiketi-runtime.yml")));

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceListensOnItsTopologyPortAndIsProbedOnItsActuatorHealthGroups(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String service : Topology.SERVICES) {
            int port = TOPOLOGY.port(service);
            int healthPort = service.equals("gateway") ? TOPOLOGY.port("gateway-management") : port;
            Map<String, Integer> containerPorts = Yamls.list(manifests.container(service), "ports").stream()
                    .collect(Collectors.toMap(p -> Yamls.string(p, "name"), p -> (Integer) p.get("containerPort")));
            assertThat(containerPorts).as(service).containsEntry("http", port);
            assertThat(containerPorts).as(service).containsValue(healthPort);
            Map<String, Integer> servicePorts = Yamls.list(manifests.get("Service", service), "spec.ports").stream()
                    .collect(Collectors.toMap(p -> Yamls.string(p, "name"), p -> (Integer) p.get("port")));
            assertThat(servicePorts).as(service + " Service").isEqualTo(containerPorts);

            Map<String, Object> container = manifests.container(service);
            assertProbe(container, "startupProbe", "/actuator/health/liveness", containerPorts, healthPort);
            assertProbe(container, "livenessProbe", "/actuator/health/liveness", containerPorts, healthPort);
            assertProbe(container, "readinessProbe", "/actuator/health/readiness", containerPorts, healthPort);
            assertThat(Yamls.find(ServiceConfiguration.of(service).applicationYml(),
                    "management.endpoint.health.group.readiness.include"))
                    .as(service + " defines the readiness group the probe asks for").isPresent();
        }
        assertThat(Yamls.find(RUNTIME_DEFAULTS, "management.endpoint.health.probes.enabled")).contains(true);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyEnvironmentVariableIsOneTheServiceReads(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String service : Topology.SERVICES) {
            ServiceConfiguration configuration = ServiceConfiguration.of(service);
            Map<String, String> environment = manifests.environment(service);
            Set<String> unknown = new TreeSet<>();
            for (String name : environment.keySet()) {
                if (!configuration.reads(name) && !SPRING_BOOT_PROPERTIES.contains(name)
                        && !INTERNAL_CREDENTIAL.contains(name)) {
                    unknown.add(name);
                }
            }
            assertThat(unknown).as(service + " in " + overlay + ": variables no configuration reads").isEmpty();
            assertThat(environment).as(service).containsEntry("SERVER_ADDRESS", "0.0.0.0");
            if (service.equals("gateway")) {
                // the gateway calls no /internal/** endpoint, so it is not given the credential
                assertThat(environment).as(service).doesNotContainKey("TIKETI_INTERNAL_SECRET");
            } else {
                assertThat(environment).as(service).containsEntry("TIKETI_INTERNAL_SECRET", "secret:tiketi-internal/secret");
            }
            for (String neighbour : Topology.SERVICES) {
                if (!neighbour.equals("gateway")) {
                    assertThat(environment).as(service + " finds " + neighbour + " by its Service name")
                            .containsEntry(ServiceConfiguration.environmentName("tiketi.hosts." + neighbour), neighbour);
                }
            }
            assertThat(environment).as(service + " keeps the topology's service ports")
                    .doesNotContainKeys(TOPOLOGY.ports().keySet().stream()
                            .filter(name -> !Set.of("postgres", "redis", "kafka").contains(name))
                            .map(name -> ServiceConfiguration.environmentName("tiketi.ports." + name)).toArray(String[]::new));
            if (configuration.hasDatabase()) {
                String role = service.replace('-', '_');
                assertThat(ServiceDatabase.forRole(role).schema()).isEqualTo(role);
                assertThat(environment).as(service).containsEntry("DB_PASSWORD", "secret:" + service + "-db/password");
                assertThat(Repository.read(service + "/src/main/resources/application.yml"))
                        .as("the database role defaults to the service's own").contains("${DB_USERNAME:" + role + "}");
            } else {
                assertThat(environment).as(service + " has no database").doesNotContainKey("DB_PASSWORD");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceRunsNonRootReadOnlyWithoutPrivilegesAndBoundedResources(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String service : Topology.SERVICES) {
            Map<String, Object> pod = Yamls.map(Yamls.get(manifests.get("Deployment", service), "spec.template.spec"));
            Map<String, Object> container = manifests.container(service);
            assertThat(Yamls.find(pod, "securityContext.runAsNonRoot")).as(service).contains(true);
            assertThat((Integer) Yamls.get(pod, "securityContext.runAsUser")).as(service).isPositive();
            assertThat(Yamls.find(container, "securityContext.readOnlyRootFilesystem")).as(service).contains(true);
            assertThat(Yamls.find(container, "securityContext.allowPrivilegeEscalation")).as(service).contains(false);
            assertThat(Yamls.find(container, "securityContext.capabilities.drop")).as(service).contains(List.of("ALL"));
            assertThat(Yamls.find(pod, "automountServiceAccountToken")).as(service).contains(false);
            assertThat(Yamls.list(container, "volumeMounts")).as(service + " has a writable /tmp")
                    .anyMatch(mount -> "/tmp".equals(mount.get("mountPath")));
            for (String resource : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                assertThat(Yamls.find(Yamls.map(container.get("resources")), resource)).as(service + " " + resource).isPresent();
            }
            assertThat(Yamls.string(container, "resources.limits.memory"))
                    .as("memory limit = request: the JVM sizes its heap from the limit").isEqualTo(
                            Yamls.string(container, "resources.requests.memory"));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsOutliveTheServicesGracefulShutdownAndNothingSticksToOnePod(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        assertThat(Yamls.find(RUNTIME_DEFAULTS, "server.shutdown")).contains("graceful");
        long phase = seconds(Yamls.string(RUNTIME_DEFAULTS, "spring.lifecycle.timeout-per-shutdown-phase"));
        for (String service : Topology.SERVICES) {
            Map<String, Object> pod = Yamls.map(Yamls.get(manifests.get("Deployment", service), "spec.template.spec"));
            int preStop = (Integer) Yamls.get(manifests.container(service), "lifecycle.preStop.sleep.seconds");
            assertThat((Integer) pod.get("terminationGracePeriodSeconds"))
                    .as(service + ": preStop + the web server's graceful phase + the other beans' phase")
                    .isGreaterThanOrEqualTo((int) (preStop + 2 * phase));
            assertThat(Yamls.find(manifests.get("Service", service), "spec.sessionAffinity").orElse("None"))
                    .as("any replica serves any request (SSE state is shared through Redis)").isEqualTo("None");
        }
        for (Map<String, Object> ingress : manifests.ofKind("Ingress")) {
            assertThat(Yamls.find(ingress, "metadata.annotations").map(Object::toString).orElse(""))
                    .doesNotContain("affinity").contains("proxy-buffering");
            assertThat(Yamls.string(ingress, "spec.rules").replace(" ", "")).contains("name=gateway")
                    .contains("port={name=http}");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceScalesHorizontallyAndKeepsReplicasThroughDisruptions(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String service : Topology.SERVICES) {
            Map<String, Object> hpa = manifests.get("HorizontalPodAutoscaler", service);
            assertThat(Yamls.string(hpa, "spec.scaleTargetRef.name")).isEqualTo(service);
            assertThat(Yamls.find(manifests.get("Deployment", service), "spec.replicas"))
                    .as(service + ": the HPA owns the replica count; an apply must not reset a pre-scaled Deployment")
                    .isEmpty();
            List<Map<String, Object>> metrics = Yamls.list(hpa, "spec.metrics");
            assertThat(metrics).as(service + " scales on CPU")
                    .anyMatch(metric -> "cpu".equals(Yamls.find(metric, "resource.name").orElse(null)));
            if (service.equals("gateway") || service.equals("queue-service")) {
                assertThat(metrics).as(service + " also scales on requests").anyMatch(metric -> "Pods".equals(metric.get("type")));
            }
            if (!overlay.endsWith("local")) {
                assertThat((Integer) Yamls.get(hpa, "spec.minReplicas")).as(service + " runs several replicas")
                        .isGreaterThanOrEqualTo(2);
            }
            Map<String, Object> pdb = manifests.get("PodDisruptionBudget", service);
            assertThat(Yamls.get(pdb, "spec.selector.matchLabels"))
                    .isEqualTo(Yamls.get(manifests.get("Deployment", service), "spec.selector.matchLabels"));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheGatewayAndTheServicesThatCallAServiceReachItsPort(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String service : Topology.SERVICES) {
            Map<String, Object> policy = manifests.get("NetworkPolicy", service);
            assertThat(Yamls.get(policy, "spec.podSelector.matchLabels"))
                    .isEqualTo(Map.of("app.kubernetes.io/name", service));
            Set<String> podPeers = new TreeSet<>();
            for (Map<String, Object> rule : Yamls.list(policy, "spec.ingress")) {
                List<Map<String, Object>> ports = Yamls.list(rule, "ports");
                assertThat(ports).as(service + ": every rule names its ports").isNotEmpty();
                for (Map<String, Object> peer : Yamls.list(rule, "from")) {
                    Yamls.find(peer, "podSelector.matchLabels").map(Yamls::map).ifPresent(labels -> {
                        podPeers.add(String.valueOf(labels.get("app.kubernetes.io/name")));
                        assertThat(ports).extracting(port -> port.get("port")).containsExactly(TOPOLOGY.port(service));
                    });
                }
            }
            assertThat(podPeers).as(service + ": the pods allowed in are exactly its callers").isEqualTo(callersOf(service));
        }
    }

    @Test
    void theDataStoresEnvironmentPointsAtTheOverlaysDataStores() {
        Manifests local = Manifests.of("k8s/overlays/local");
        Map<String, String> environment = local.environment("reservation-service");
        for (String store : List.of("postgres", "redis", "kafka")) {
            String host = environment.get(ServiceConfiguration.environmentName("tiketi.hosts." + store));
            int port = Integer.parseInt(environment.get(ServiceConfiguration.environmentName("tiketi.ports." + store)));
            assertThat(Yamls.list(local.get("Service", host), "spec.ports")).as(store)
                    .anyMatch(servicePort -> Integer.valueOf(port).equals(servicePort.get("port")));
            assertThat(local.get("StatefulSet", host)).as(store).isNotNull();
        }

        Manifests production = Manifests.of("k8s/overlays/production");
        Map<String, String> live = production.environment("reservation-service");
        String cluster = Yamls.string(production.ofKind("Cluster").getFirst(), "metadata.name");
        assertThat(live).containsEntry("TIKETI_HOSTS_POSTGRES", cluster + "-rw").containsEntry("TIKETI_PORTS_POSTGRES", "5432");
        Map<String, Object> kafka = production.ofKind("Kafka").getFirst();
        assertThat(live).containsEntry("TIKETI_HOSTS_KAFKA", Yamls.string(kafka, "metadata.name") + "-kafka-bootstrap");
        assertThat(Yamls.list(kafka, "spec.kafka.listeners")).extracting(listener -> String.valueOf(listener.get("port")))
                .contains(live.get("TIKETI_PORTS_KAFKA"));
        assertThat(Yamls.string(production.get("Service", live.get("TIKETI_HOSTS_REDIS")), "spec.type")).isEqualTo("ExternalName");
    }

    @Test
    void productionKafkaHasThreeBrokersAndEveryTopicThreeReplicasTheDeadLetterTopicsIncluded() {
        Manifests production = Manifests.of("k8s/overlays/production");
        Set<String> expected = Set.of(Topics.RESERVATION_EVENTS, Topics.PAYMENT_EVENTS, Topics.EVENT_EVENTS,
                Topics.dlq(Topics.RESERVATION_EVENTS), Topics.dlq(Topics.PAYMENT_EVENTS), Topics.dlq(Topics.EVENT_EVENTS));
        List<Map<String, Object>> topics = production.ofKind("KafkaTopic");
        assertThat(topics).extracting(topic -> Yamls.string(topic, "spec.topicName"))
                .containsExactlyInAnyOrderElementsOf(expected);
        String topology = Repository.read("common/common-messaging/src/main/java/dev/tiketi/messaging/KafkaTopologyProperties.java");
        for (Map<String, Object> topic : topics) {
            String name = Yamls.string(topic, "spec.topicName");
            assertThat(Yamls.get(topic, "spec.replicas")).as(name).isEqualTo(3);
            assertThat(Yamls.map(Yamls.get(topic, "spec.config")).get("min.insync.replicas")).as(name).isEqualTo(2);
            String partitions = name.startsWith("dlq.") ? "dlqPartitions" : "partitions";
            assertThat(topology).as("the partitions the services would create " + name + " with")
                    .contains("@DefaultValue(\"" + Yamls.get(topic, "spec.partitions") + "\") int " + partitions);
        }
        // reservation-service's copy of the catalog is rebuilt from event.events' first offset
        Map<String, Object> catalog = topics.stream()
                .filter(topic -> Topics.EVENT_EVENTS.equals(Yamls.string(topic, "spec.topicName"))).findFirst().orElseThrow();
        assertThat(Yamls.map(Yamls.get(catalog, "spec.config")).get("retention.ms")).isEqualTo(-1);
        assertThat(Yamls.get(production.ofKind("KafkaNodePool").getFirst(), "spec.replicas")).isEqualTo(3);
        assertThat(Yamls.map(Yamls.get(production.ofKind("Kafka").getFirst(), "spec.kafka.config"))
                .get("default.replication.factor")).isEqualTo(3);
        assertThat(production.environment("payment-service")).containsEntry("TIKETI_KAFKA_REPLICATION_FACTOR", "3");
    }

    @Test
    void theDatabasesRolesAndSchemasAreTheLaunchersInBothOverlays() {
        String localSql = Repository.read("k8s/overlays/local/postgres/init-tiketi.sql");
        Map<String, Object> cluster = Manifests.of("k8s/overlays/production").ofKind("Cluster").getFirst();
        String productionSql = String.join("\n", Yamls.find(cluster, "spec.bootstrap.initdb.postInitApplicationSQL")
                .map(value -> (List<String>) value).orElseThrow());
        Manifests local = Manifests.of("k8s/overlays/local");
        for (String sql : List.of(localSql, productionSql)) {
            assertThat(sql).contains("REVOKE ALL ON SCHEMA public FROM PUBLIC",
                    "REVOKE ALL ON DATABASE " + ServiceDatabase.DATABASE_NAME + " FROM PUBLIC");
        }
        Set<String> roles = new HashSet<>();
        for (ServiceDatabase database : ServiceDatabase.ALL) {
            roles.add(database.role());
            String service = database.role().replace('_', '-');
            assertThat(localSql).contains("CREATE ROLE " + database.role() + " LOGIN PASSWORD '" + database.localPassword() + "'");
            assertThat(productionSql).contains("CREATE ROLE " + database.role() + " LOGIN");
            for (String sql : List.of(localSql, productionSql)) {
                assertThat(sql).contains(
                        "GRANT CONNECT, TEMPORARY ON DATABASE " + ServiceDatabase.DATABASE_NAME + " TO " + database.role(),
                        "CREATE SCHEMA " + database.schema() + " AUTHORIZATION " + database.role(),
                        "ALTER ROLE " + database.role() + " SET search_path = " + database.schema());
                database.extensions().forEach(extension -> assertThat(sql)
                        .contains("CREATE EXTENSION IF NOT EXISTS " + extension + " SCHEMA " + database.schema()));
            }
            Map<String, Object> secret = local.ofKind("Secret").stream()
                    .filter(s -> Manifests.withoutHash(Yamls.string(s, "metadata.name")).equals(service + "-db"))
                    .findFirst().orElseThrow();
            assertThat(decoded(secret, "password")).isEqualTo(database.localPassword());
            assertThat(decoded(secret, "username")).isEqualTo(database.role());
        }
        assertThat(Yamls.list(cluster, "spec.managed.roles")).extracting(role -> Yamls.string(role, "name"))
                .containsExactlyInAnyOrderElementsOf(roles);
        assertThat(Yamls.list(cluster, "spec.managed.roles")).allMatch(role -> Yamls.string(role, "passwordSecret.name")
                .equals(Yamls.string(role, "name").replace('_', '-') + "-db"));
        assertThat(Repository.read("docker-compose.yml")).contains("./k8s/overlays/local/postgres/init-tiketi.sql");
    }

    @Test
    void everySecretAServiceNeedsExistsInEveryOverlayWithTheKeysItReads() {
        Manifests base = Manifests.of("k8s/base");
        Manifests local = Manifests.of("k8s/overlays/local");
        Manifests production = Manifests.of("k8s/overlays/production");
        for (String service : Topology.SERVICES) {
            for (Map.Entry<String, Set<String>> needed : secretsNeeded(base, service).entrySet()) {
                String secret = needed.getKey();
                Map<String, Object> external = production.get("ExternalSecret", secret);
                assertThat(Yamls.list(external, "spec.data")).extracting(data -> Yamls.string(data, "secretKey"))
                        .as("production " + secret).containsAll(needed.getValue());
                if (secret.equals("jwt-signing-key")) {
                    continue; // created by hand locally, never generated into the repository (docs/operations.md)
                }
                Map<String, Object> generated = local.ofKind("Secret").stream()
                        .filter(s -> Manifests.withoutHash(Yamls.string(s, "metadata.name")).equals(secret))
                        .findFirst().orElseThrow(() -> new AssertionError("local overlay lacks Secret " + secret));
                assertThat(Yamls.map(generated.get("data")).keySet()).as("local " + secret).containsAll(needed.getValue());
            }
        }
    }

    private static Map<String, Set<String>> secretsNeeded(Manifests manifests, String service) {
        Map<String, Set<String>> needed = new java.util.TreeMap<>();
        for (Map<String, Object> variable : Yamls.list(manifests.container(service), "env")) {
            Yamls.find(variable, "valueFrom.secretKeyRef").map(Yamls::map)
                    .filter(reference -> !Boolean.TRUE.equals(reference.get("optional")))
                    .ifPresent(reference -> needed.computeIfAbsent(Manifests.withoutHash(String.valueOf(reference.get("name"))),
                                    k -> new TreeSet<>())
                            .add(String.valueOf(reference.get("key"))));
        }
        Map<String, Object> pod = Yamls.map(Yamls.get(manifests.get("Deployment", service), "spec.template.spec"));
        for (Map<String, Object> volume : Yamls.list(pod, "volumes")) {
            Yamls.find(volume, "secret.secretName").ifPresent(name ->
                    needed.computeIfAbsent(String.valueOf(name), k -> new TreeSet<>())
                            .add(Path.of(String.valueOf(manifests.environment(service)
                                    .getOrDefault("TIKETI_AUTH_SIGNING_KEY_FILE", "/none"))).getFileName().toString()));
        }
        return needed;
    }

    /**
     * The services whose code calls this one: the gateway routes to every service, a service calls a neighbour
     * whose {@code tiketi.urls.<name>} it uses, and every service (and the gateway) reads user-service's JWKS.
     */
    private static Set<String> callersOf(String service) {
        Set<String> callers = new TreeSet<>();
        String reference = "tiketi.urls." + service;
        boolean everyone = Repository.read("common/common-runtime/src/main/resources/tiketi-runtime.yml").contains(reference);
        for (String caller : Topology.SERVICES) {
            if (!caller.equals(service) && (everyone || mentions(Repository.path(caller + "/src/main"), reference))) {
                callers.add(caller);
            }
        }
        return callers;
    }

    private static boolean mentions(Path directory, String text) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return Files.readString(file).contains(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertProbe(Map<String, Object> container, String probe, String path,
                                    Map<String, Integer> ports, int port) {
        assertThat(Yamls.string(container, probe + ".httpGet.path")).as(probe).isEqualTo(path);
        Object probePort = Yamls.get(container, probe + ".httpGet.port");
        assertThat(probePort instanceof Integer number ? number : ports.get(String.valueOf(probePort)))
                .as(probe + " port").isEqualTo(port);
    }

    private static String decoded(Map<String, Object> secret, String key) {
        return new String(java.util.Base64.getDecoder().decode(String.valueOf(Yamls.map(secret.get("data")).get(key))));
    }

    private static long seconds(String duration) {
        Matcher matcher = Pattern.compile("(\\d+)s").matcher(duration);
        assertThat(matcher.matches()).as("a duration in seconds: " + duration).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
