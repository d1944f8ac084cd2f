package dev.tiketi.serviceauth;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Service tokens for every service: {@link ServiceCredentials} for its clients, {@link InternalCallers} for its
 * internal endpoints; and {@link BuyerTokens}, the admission and payment tokens a buyer carries between services. The secret is required ({@code TIKETI_INTERNAL_SECRET}); a service without one does not
 * start, rather than run with internal endpoints nobody can call or everybody can.
 */
@AutoConfiguration
public class ServiceAuthAutoConfiguration {

    @Bean
    ServiceTokens serviceTokens(@Value("${tiketi.internal.secret:}") String secret) {
        return new ServiceTokens(secret);
    }

    @Bean
    BuyerTokens buyerTokens(@Value("${tiketi.internal.secret:}") String secret) {
        return new BuyerTokens(secret);
    }

    @Bean
    ServiceCredentials serviceCredentials(@Value("${spring.application.name}") String serviceName, ServiceTokens tokens) {
        return new ServiceCredentials(serviceName, tokens, Clock.systemUTC());
    }

    @Bean
    InternalCallers internalCallers(ServiceTokens tokens) {
        return new InternalCallers(tokens, Clock.systemUTC());
    }
}
