package dev.tiketi.e2e;

import dev.tiketi.e2e.Api.Reply;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app's API types are generated from committed snapshots of each service's OpenAPI description
 * ({@code frontend/src/shared/api/openapi/<service>.json}). A service whose live description no longer matches
 * its snapshot would leave the web app compiled against an API that is not there any more.
 */
@ExtendWith(PlatformExtension.class)
class OpenApiSnapshotE2ETest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SNAPSHOTS = Path.of(System.getProperty("tiketi.root", ".."))
            .resolve("frontend/src/shared/api/openapi");

    @ParameterizedTest
    @ValueSource(strings = {"user-service", "event-service", "queue-service", "reservation-service", "payment-service"})
    void theWebAppsSnapshotMatchesTheLiveDescription(String service, PlatformUnderTest platform) throws IOException {
        Reply live = platform.service(service).get("/v3/api-docs", null);
        assertThat(live.status()).as(live.body()).isEqualTo(200);

        JsonNode snapshot = withoutServers(JSON.readTree(Files.readString(SNAPSHOTS.resolve(service + ".json"))));
        JsonNode current = withoutServers(JSON.readTree(live.body()));

        // object members compare regardless of order; the snapshot is written with sorted keys
        assertThat(current)
                .as("%s's OpenAPI description differs from frontend/src/shared/api/openapi/%s.json: start the platform "
                        + "(./tiketi start) and run `cd frontend && npm run api:types` (or `node scripts/api-types.mjs "
                        + "--%s <port>` against any running %s), then commit the snapshot and the types",
                        service, service, service, service)
                .isEqualTo(snapshot);
    }

    private static JsonNode withoutServers(JsonNode description) {
        ((ObjectNode) description).remove("servers");
        return description;
    }
}
