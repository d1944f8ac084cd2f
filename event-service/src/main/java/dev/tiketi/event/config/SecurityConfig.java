package dev.tiketi.event.config;

import dev.tiketi.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Public catalog reads are open; everything under /api/admin needs ADMIN. /internal is open at the service:
 * the gateway never routes it and the NetworkPolicy lets only the platform's services reach it, and what it
 * serves (event times, seat prices, sold seats) is public on the seat map anyway.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ResourceServerSecurity resourceServer) throws Exception {
        resourceServer.apply(http).authorizeHttpRequests(requests -> requests
                .requestMatchers(ResourceServerSecurity.OPEN_PATHS).permitAll()
                .requestMatchers(HttpMethod.GET, "/api/events/**", "/api/venues/**", "/api/notices/**").permitAll()
                .requestMatchers("/internal/**").permitAll()
                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated());
        return http.build();
    }
}
