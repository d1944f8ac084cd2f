package dev.tiketi.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/**
 * Validates an object against the Kubernetes API offline, with the models the official Java client generates
 * from the API's OpenAPI document: every field must exist in its type (a misspelt or misplaced field fails),
 * required fields must be present, and nested objects are checked the same way.
 * Custom resources of the operators the production overlay relies on have no such model here; they are
 * checked against {@link #CUSTOM_RESOURCES} (their kind and API version) and by the consistency tests.
 */
final class KubernetesApiSchema {

    /** Operator resources the overlays may use: Prometheus Operator, CloudNativePG, Strimzi, External Secrets. */
    static final Set<String> CUSTOM_RESOURCES = Set.of(
            "monitoring.coreos.com/v1/ServiceMonitor",
            "monitoring.coreos.com/v1/PrometheusRule",
            "postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/ScheduledBackup",
            "kafka.strimzi.io/v1beta2/Kafka",
            "kafka.strimzi.io/v1beta2/KafkaNodePool",
            "kafka.strimzi.io/v1beta2/KafkaTopic",
            "external-secrets.io/v1/ExternalSecret");

    private static final Gson GSON = new Gson();

    private KubernetesApiSchema() {
    }

    static boolean isCustomResource(Map<String, Object> object) {
        return CUSTOM_RESOURCES.contains(object.get("apiVersion") + "/" + object.get("kind"));
    }

    /** @throws IllegalArgumentException naming the offending field, or when the kind is not a Kubernetes API kind */
    static void validate(Map<String, Object> object) {
        Method validator = validatorOf(String.valueOf(object.get("apiVersion")), String.valueOf(object.get("kind")));
        JsonElement json = GSON.toJsonTree(object);
        try {
            validator.invoke(null, json);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw new IllegalArgumentException(object.get("kind") + " " + Yamls.find(object, "metadata.name")
                        .orElse("?") + ": " + failure.getMessage(), failure);
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** apps/v1 Deployment -> V1Deployment, autoscaling/v2 HorizontalPodAutoscaler -> V2HorizontalPodAutoscaler. */
    private static Method validatorOf(String apiVersion, String kind) {
        String version = apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
        String model = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0))
                + version.substring(1) + kind;
        try {
            return Class.forName(model).getMethod("validateJsonElement", JsonElement.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalArgumentException("not a Kubernetes API kind: " + apiVersion + " " + kind);
        }
    }
}
