package dev.tiketi.queue.config;

import dev.tiketi.security.ResourceServerSecurity;
import dev.tiketi.security.TokenClaims;
import dev.tiketi.serviceauth.InternalCallers;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every /api/queue call but an event's public progress figure needs a user token; /api/admin and the operator
 * endpoints need ADMIN. /internal answers service tokens only: reservation-service releases slots (buyers' tokens
 * are checked where they are shown, with no call here). The async dispatch that writes an SSE stream is the same,
 * already authorized request, so it is not checked again.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ResourceServerSecurity resourceServer, InternalCallers internalCallers)
            throws Exception {
        resourceServer.apply(http).authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                .requestMatchers(ResourceServerSecurity.OPEN_PATHS).permitAll()
                .requestMatchers(HttpMethod.GET, "/api/queue/*/progress").permitAll()
                .requestMatchers(ResourceServerSecurity.OPERATOR_PATHS).hasRole(TokenClaims.ROLE_ADMIN)
                .requestMatchers("/internal/queue/**").access(internalCallers.only("reservation-service"))
                .requestMatchers("/internal/**").denyAll()
                .requestMatchers("/api/admin/**").hasRole(TokenClaims.ROLE_ADMIN)
                .anyRequest().authenticated());
        return http.build();
    }
}
