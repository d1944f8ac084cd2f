package dev.tiketi.reservation.config;

import dev.tiketi.security.ResourceServerSecurity;
import dev.tiketi.security.TokenClaims;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every /api call needs a user token (the seat map too: it is part of buying), /api/admin and the operator
 * endpoints need ADMIN. There is no /internal API: payment-service keeps its own copy of the reservations it
 * charges, fed by reservation.events. The async dispatch that writes an SSE stream is the same, already
 * authorized request.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ResourceServerSecurity resourceServer) throws Exception {
        resourceServer.apply(http).authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                .requestMatchers(ResourceServerSecurity.OPEN_PATHS).permitAll()
                .requestMatchers(ResourceServerSecurity.OPERATOR_PATHS).hasRole(TokenClaims.ROLE_ADMIN)
                .requestMatchers("/internal/**").denyAll()
                .requestMatchers("/api/admin/**").hasRole(TokenClaims.ROLE_ADMIN)
                .anyRequest().authenticated());
        return http.build();
    }
}
