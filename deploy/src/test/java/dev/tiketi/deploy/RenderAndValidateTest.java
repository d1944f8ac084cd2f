package dev.tiketi.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kustomize directory renders, and every object it renders is valid against the Kubernetes API. */
class RenderAndValidateTest {

    static final List<String> DIRECTORIES = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("DIRECTORIES")
    void everyRenderedObjectIsAValidKubernetesObject(String directory) {
        Manifests manifests = Manifests.of(directory);

        assertThat(manifests.objects()).as(directory).hasSizeGreaterThan(30);
        for (Map<String, Object> object : manifests.objects()) {
            if (KubernetesApiSchema.isCustomResource(object)) {
                assertThat(Yamls.find(object, "metadata.name")).as("custom resource name").isPresent();
                assertThat(object).as("custom resource " + object.get("kind")).containsKey("spec");
            } else {
                KubernetesApiSchema.validate(object);
            }
            assertThat(Yamls.string(object, "metadata.name")).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
        }
    }

    @Test
    void theBaseHoldsNoDataStoreAndNoSecretWhileEachOverlayBringsItsOwn() {
        assertThat(Manifests.of("k8s/base").ofKind("StatefulSet")).isEmpty();
        assertThat(Manifests.of("k8s/base").ofKind("Secret")).isEmpty();
        assertThat(Manifests.of("k8s/overlays/local").ofKind("StatefulSet"))
                .extracting(object -> Yamls.string(object, "metadata.name"))
                .containsExactlyInAnyOrder("postgres", "redis", "kafka");
        assertThat(Manifests.of("k8s/overlays/production").ofKind("StatefulSet")).isEmpty();
        assertThat(Manifests.of("k8s/overlays/production").ofKind("Secret"))
                .as("production Secrets come from External Secrets only").isEmpty();
    }

    @Test
    void theValidatorRefusesAMisspeltFieldAMisplacedFieldAndAMissingRequiredOne() {
        Map<String, Object> deployment = new LinkedHashMap<>(Manifests.of("k8s/base").get("Deployment", "gateway"));
        Map<String, Object> spec = new LinkedHashMap<>(Yamls.map(deployment.get("spec")));
        spec.put("replica", 2);
        deployment.put("spec", spec);
        assertThatThrownBy(() -> KubernetesApiSchema.validate(deployment)).hasMessageContaining("replica");

        Map<String, Object> service = new LinkedHashMap<>(Manifests.of("k8s/base").get("Service", "gateway"));
        Map<String, Object> serviceSpec = new LinkedHashMap<>(Yamls.map(service.get("spec")));
        serviceSpec.put("containerPort", 8080);
        service.put("spec", serviceSpec);
        assertThatThrownBy(() -> KubernetesApiSchema.validate(service)).hasMessageContaining("containerPort");

        Map<String, Object> hpa = new LinkedHashMap<>(Manifests.of("k8s/base").get("HorizontalPodAutoscaler", "gateway"));
        Map<String, Object> hpaSpec = new LinkedHashMap<>(Yamls.map(hpa.get("spec")));
        hpaSpec.remove("scaleTargetRef");
        hpa.put("spec", hpaSpec);
        assertThatThrownBy(() -> KubernetesApiSchema.validate(hpa)).hasMessageContaining("scaleTargetRef");

        Map<String, Object> nested = new org.yaml.snakeyaml.Yaml().load(new org.yaml.snakeyaml.Yaml().dump(
                Manifests.of("k8s/base").get("Deployment", "queue-service")));
        Yamls.map(Yamls.list(nested, "spec.template.spec.containers").getFirst().get("securityContext"))
                .put("readOnlyRootFileSystem", true);
        assertThatThrownBy(() -> KubernetesApiSchema.validate(nested)).as("deep inside the pod template")
                .hasMessageContaining("readOnlyRootFileSystem");
    }
}
