package dev.tiketi.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The objects {@code kubectl kustomize} renders from one directory of k8s/, rendered once per test run. */
record Manifests(String directory, List<Map<String, Object>> objects) {

    static final List<String> OVERLAYS = List.of("k8s/base", "k8s/overlays/local", "k8s/overlays/production");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    static Manifests of(String directory) {
        return RENDERED.computeIfAbsent(directory, Manifests::render);
    }

    private static Manifests render(String directory) {
        String yaml = Tools.run(List.of(Tools.kubectl(), "kustomize", directory));
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (document != null) {
                objects.add(Yamls.map(document));
            }
        }
        return new Manifests(directory, List.copyOf(objects));
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name.equals(Yamls.string(object, "metadata.name"))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(directory + " renders no " + kind + " " + name));
    }

    /** The service's only container. */
    Map<String, Object> container(String service) {
        List<Map<String, Object>> containers = Yamls.list(get("Deployment", service), "spec.template.spec.containers");
        if (containers.size() != 1) {
            throw new AssertionError(service + " should run one container, runs " + containers.size());
        }
        return containers.getFirst();
    }

    /**
     * Every environment variable the service's container gets, by name: its env entries and the keys of the
     * ConfigMaps it takes whole (envFrom). The value is the literal, or "secret:name/key" for a Secret reference.
     */
    Map<String, String> environment(String service) {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        Map<String, Object> container = container(service);
        for (Map<String, Object> source : Yamls.list(container, "envFrom")) {
            String configMap = Yamls.string(source, "configMapRef.name");
            Yamls.map(get("ConfigMap", configMap).get("data"))
                    .forEach((key, value) -> environment.put(key, String.valueOf(value)));
        }
        for (Map<String, Object> variable : Yamls.list(container, "env")) {
            String name = Yamls.string(variable, "name");
            Object secret = Yamls.find(variable, "valueFrom.secretKeyRef").orElse(null);
            environment.put(name, secret == null ? String.valueOf(variable.get("value"))
                    : "secret:" + withoutHash(Yamls.string(Yamls.map(secret), "name")) + "/"
                    + Yamls.string(Yamls.map(secret), "key"));
        }
        return environment;
    }

    /** A generated Secret's name without the content hash kustomize appends (user-service-db-5b75hhdt62). */
    static String withoutHash(String name) {
        return name.replaceFirst("-[bcdfghkmt2-9]{10}$", "");
    }
}
