package dev.tiketi.user.config;

import dev.tiketi.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ResourceServerSecurity resourceServer) throws Exception {
        resourceServer.apply(http).authorizeHttpRequests(requests -> requests
                .requestMatchers(ResourceServerSecurity.OPEN_PATHS).permitAll()
                .requestMatchers(ResourceServerSecurity.OPERATOR_PATHS).hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login", "/api/auth/refresh")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/api/auth/jwks").permitAll()
                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated());
        return http.build();
    }
}
