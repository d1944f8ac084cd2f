import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The health check of the service images, which have no shell and no curl: exits 0 when the URL answers
 * 200 within three seconds, 1 otherwise. docker-compose runs it as
 * {@code java -cp /opt/tiketi HealthCheck http://127.0.0.1:<port>/actuator/health/readiness}; Kubernetes
 * probes the same URL with its own HTTP probes.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: HealthCheck <url>");
            System.exit(2);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0])).timeout(Duration.ofSeconds(3)).GET().build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            System.exit(status == 200 ? 0 : 1);
        } catch (java.io.IOException e) {
            System.err.println(args[0] + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
