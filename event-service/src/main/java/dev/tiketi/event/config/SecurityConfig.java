package dev.tiketi.event.config;

import dev.tiketi.security.ResourceServerSecurity;
import dev.tiketi.security.TokenClaims;
import dev.tiketi.serviceauth.InternalCallers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Public catalog reads are open; everything under /api/admin and the operator endpoints need ADMIN.
 * /internal/events answers only queue-service (an event's status for its waiting rooms) and reservation-service's
 * identity (the SOLD seats, which tests and operators read with it), each showing its service token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ResourceServerSecurity resourceServer, InternalCallers internalCallers)
            throws Exception {
        resourceServer.apply(http).authorizeHttpRequests(requests -> requests
                .requestMatchers(ResourceServerSecurity.OPEN_PATHS).permitAll()
                .requestMatchers(ResourceServerSecurity.OPERATOR_PATHS).hasRole(TokenClaims.ROLE_ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/events/**", "/api/venues/**", "/api/notices/**").permitAll()
                .requestMatchers("/internal/events/**")
                .access(internalCallers.only("reservation-service", "queue-service"))
                .requestMatchers("/internal/**").denyAll()
                .requestMatchers("/api/admin/**").hasRole(TokenClaims.ROLE_ADMIN)
                .anyRequest().authenticated());
        return http.build();
    }
}
