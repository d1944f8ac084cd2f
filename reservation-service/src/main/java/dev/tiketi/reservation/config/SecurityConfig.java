package dev.tiketi.reservation.config;

import dev.tiketi.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every /api call needs a user token (the seat map too: it is part of buying), /api/admin needs ADMIN, and
 * /internal is open for payment-service; see {@link ResourceServerSecurity#signedInApi}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ResourceServerSecurity resourceServer) throws Exception {
        return resourceServer.signedInApi(http);
    }
}
