package dev.tiketi.e2e;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(PlatformExtension.class)
class ObservabilityE2ETest {

    @Test
    void everyServiceLogsJsonLines(PlatformUnderTest platform) throws IOException {
        for (String service : platform.platform().services()) {
            List<String> lines = Files.readAllLines(platform.platform().logFile(service)).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
            assertThat(lines).as(service).isNotEmpty();
            for (String line : lines) {
                assertThat(line).as(service + " log line").startsWith("{");
                assertThat(JsonPath.<String>read(line, "$.log.level")).isNotBlank();
            }
        }
    }

    @Test
    void theCallersTraceIdCrossesTheGatewayAndLandsInTheServiceLog(PlatformUnderTest platform) {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String parentSpan = HexFormat.of().formatHex(randomBytes(8));
        String token = platform.token(UUID.randomUUID(), "USER");

        // a method user-service does not support: it answers 405 and logs a warning inside the request's trace
        var reply = platform.gateway().call("PATCH", "/api/auth/jwks").bearer(token)
                .header("traceparent", "00-" + traceId + "-" + parentSpan + "-01").send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(405);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Files.readString(platform.platform().logFile("user-service"))).contains(traceId));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] = (byte) (bytes[0] | 1);
        return bytes;
    }
}
