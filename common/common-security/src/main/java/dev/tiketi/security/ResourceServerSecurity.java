package dev.tiketi.security;

import jakarta.servlet.DispatcherType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

/**
 * The part of every service's security filter chain that does not depend on the service: stateless bearer
 * tokens checked by the service itself (never a gateway header alone), problem-details 401/403, and open
 * health and metrics endpoints. A service adds its own authorization rules after calling
 * {@link #apply(HttpSecurity)}.
 */
public class ResourceServerSecurity {

    /** Paths every service answers without a token: probes, metrics, the error dispatch, its OpenAPI description. */
    public static final String[] OPEN_PATHS = {
            "/error", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**"};

    private final ProblemAuthenticationHandlers problemHandlers;

    public ResourceServerSecurity(ProblemAuthenticationHandlers problemHandlers) {
        this.problemHandlers = problemHandlers;
    }

    public HttpSecurity apply(HttpSecurity http) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(server -> server
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problemHandlers);
                                return filter;
                            }
                        })
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(ResourceServerSecurity::authentication))
                        .authenticationEntryPoint(problemHandlers)
                        .accessDeniedHandler(problemHandlers))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problemHandlers)
                        .accessDeniedHandler(problemHandlers));
    }

    /**
     * The whole filter chain of a service whose API is for signed-in users: the open paths; {@code /internal/**},
     * which the gateway never routes and only the platform's services reach; the async dispatch that writes an
     * SSE stream (the same, already authorized request); ADMIN for {@code /api/admin/**}; a valid token for
     * everything else.
     */
    public SecurityFilterChain signedInApi(HttpSecurity http) throws Exception {
        apply(http).authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                .requestMatchers(OPEN_PATHS).permitAll()
                .requestMatchers("/internal/**").permitAll()
                .requestMatchers("/api/admin/**").hasRole(TokenClaims.ROLE_ADMIN)
                .anyRequest().authenticated());
        return http.build();
    }

    /** The {@code role} claim becomes the single authority {@code ROLE_<role>}; the principal name is the user id. */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        String role = jwt.getClaimAsString(TokenClaims.ROLE);
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + role)), jwt.getSubject());
    }

}
