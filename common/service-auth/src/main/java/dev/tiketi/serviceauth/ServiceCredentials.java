package dev.tiketi.serviceauth;

import org.springframework.http.client.ClientHttpRequestInterceptor;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What this service shows when it calls another: a {@link ServiceTokens} token in {@link #HEADER}, naming this
 * service ({@code spring.application.name}). A token is reused until half its lifetime has passed, so a busy
 * caller signs about once every 30 seconds rather than per call. Every client of an internal endpoint adds
 * {@link #interceptor()} to its RestClient.
 */
public class ServiceCredentials {

    /** The request header that carries the service token. */
    public static final String HEADER = "X-Service-Token";

    private final String serviceName;
    private final ServiceTokens tokens;
    private final Clock clock;
    private final AtomicReference<Issued> current = new AtomicReference<>();

    public ServiceCredentials(String serviceName, ServiceTokens tokens, Clock clock) {
        this.serviceName = serviceName;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A current token naming this service. */
    public String token() {
        Instant now = clock.instant();
        Issued issued = current.get();
        if (issued == null || !now.isBefore(issued.renewAt())) {
            issued = new Issued(tokens.issue(serviceName, now), now.plus(ServiceTokens.LIFETIME.dividedBy(2)));
            current.set(issued);
        }
        return issued.token();
    }

    /** Adds this service's token to every request a RestClient sends. */
    public ClientHttpRequestInterceptor interceptor() {
        return (request, body, execution) -> {
            request.getHeaders().set(HEADER, token());
            return execution.execute(request, body);
        };
    }

    private record Issued(String token, Instant renewAt) {
    }
}
