package dev.tiketi.payment.config;

import dev.tiketi.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Every payment call needs a buyer's token; /api/admin and the operator endpoints need ADMIN. There is no /internal API (yet). */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ResourceServerSecurity resourceServer) throws Exception {
        resourceServer.apply(http).authorizeHttpRequests(requests -> requests
                .requestMatchers(ResourceServerSecurity.OPEN_PATHS).permitAll()
                .requestMatchers(ResourceServerSecurity.OPERATOR_PATHS).hasRole("ADMIN")
                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated());
        return http.build();
    }
}
