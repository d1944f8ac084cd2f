package dev.tiketi.reservation.config;

import dev.tiketi.serviceauth.ServiceCredentials;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * HTTP clients for the platform's internal endpoints. Short timeouts: a hold waits on these calls, and a
 * service that does not answer within seconds is better reported (503) than waited for.
 */
public final class ServiceClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private ServiceClients() {
    }

    /** A client that shows this service's token on every call, as the internal endpoints require. */
    public static RestClient to(String baseUrl, ServiceCredentials credentials) {
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
        requests.setReadTimeout(READ_TIMEOUT);
        return RestClient.builder().baseUrl(baseUrl).requestFactory(requests)
                .requestInterceptor(credentials.interceptor()).build();
    }
}
