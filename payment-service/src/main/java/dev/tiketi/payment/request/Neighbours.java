package dev.tiketi.payment.request;

import dev.tiketi.payment.config.PaymentProperties;
import dev.tiketi.payment.config.RestClients;
import dev.tiketi.serviceauth.ServiceCredentials;
import dev.tiketi.web.problem.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

import java.time.Duration;

/** Calls to the platform's other services: the same timeouts, and a 503 problem when one cannot answer. */
final class Neighbours {

    /** A neighbour that cannot be reached (restarting, its breaker open) is worth asking again this soon. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private Neighbours() {
    }

    /** A client that shows payment-service's token on every call, as the internal endpoints require. */
    static RestClient client(String baseUrl, PaymentProperties properties, ServiceCredentials credentials) {
        return RestClients.builder(baseUrl, properties.clients().connectTimeout(), properties.clients().readTimeout())
                .requestInterceptor(credentials.interceptor())
                .build();
    }

    /** {@code queue-service} gives {@code queue-service-unavailable}. */
    static ApiException unavailable(String service) {
        return ApiException.retryLater(HttpStatus.SERVICE_UNAVAILABLE, service + "-unavailable",
                "A service that payments depend on cannot be reached right now; try again shortly.", RETRY_AFTER);
    }
}
