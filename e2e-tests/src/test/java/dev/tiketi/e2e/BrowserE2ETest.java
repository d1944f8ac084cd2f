package dev.tiketi.e2e;

import dev.tiketi.e2e.Api.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app in a real browser (Debian's Chromium, driven by playwright-core from {@code frontend/e2e/*.test.mjs}),
 * served by the platform's gateway from the reactor's jars: buying seats from the waiting room to the booking, a
 * second browser watching them sell without reloading, a declined card, every main page at 375 px and under
 * axe-core. This test prepares the sales through the API and hands them to {@code node --test} in environment
 * variables; the scenarios' own output goes to the log. Every step goes through the app's own pages (register,
 * sign-in, waiting room, seat map, checkout, result, bookings); the API only checks what the pages did.
 */
@ExtendWith(PlatformExtension.class)
class BrowserE2ETest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    @Test
    void buyersInARealBrowser(PlatformUnderTest platform) throws IOException, InterruptedException {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the browser tests need Chromium at %s (apt-get install chromium; .ci/run does)", CHROMIUM).isTrue();
        Path frontend = Path.of(System.getProperty("tiketi.root", "..")).toAbsolutePath().normalize().resolve("frontend");
        assertThat(frontend.resolve("node_modules/playwright-core")).as("npm ci ran in frontend/ (the frontend module does)").isDirectory();

        Sale sale = Sale.open(platform);
        Api gateway = platform.gateway();
        String paused = Sale.createEventOnSale(gateway, sale.admin(), "Paused", 10, 90_000);
        Reply pause = gateway.post("/api/admin/queue/" + paused + "/pause", "{}", sale.admin());
        assertThat(pause.status()).as(pause.body()).isEqualTo(200);

        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-concurrency=1", "e2e/")
                .directory(frontend.toFile())
                .redirectErrorStream(true);
        node.environment().put("TIKETI_BASE_URL", platform.platform().gatewayUrl());
        node.environment().put("TIKETI_EVENT_ID", sale.eventId);
        node.environment().put("TIKETI_PAUSED_EVENT_ID", paused);
        node.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
        Process process = node.start();
        StringBuffer output = new StringBuffer();
        Thread echo = Thread.ofVirtual().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> {
                    System.out.println("[browser] " + line);
                    output.append(line).append('\n');
                });
            } catch (IOException e) {
                output.append("output lost: ").append(e.getMessage());
            }
        });
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            // the whole tree: node and the browsers it started
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        echo.join(Duration.ofSeconds(10));
        assertThat(finished).as("the browser tests ended within 15 minutes").isTrue();
        assertThat(process.exitValue()).as("node --test e2e/ failed:%n%s", output).isZero();
        assertThat(output).as("every scenario ran").contains("# fail 0").doesNotContain("# pass 0");
    }
}
