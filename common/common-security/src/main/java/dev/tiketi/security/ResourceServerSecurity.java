package dev.tiketi.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

import java.util.List;

/**
 * The part of every service's security filter chain that does not depend on the service: stateless bearer
 * tokens checked by the service itself (never a gateway header alone), problem-details 401/403, and open
 * health and metrics endpoints. A service adds its own authorization rules after calling
 * {@link #apply(HttpSecurity)}: {@link #OPEN_PATHS} open, {@link #OPERATOR_PATHS} for ADMIN, its
 * {@code /internal/**} endpoints only for the platform services that call them
 * ({@link dev.tiketi.serviceauth.InternalCallers}), then its API.
 */
public class ResourceServerSecurity {

    /** Paths every service answers without a token: probes, metrics, the error dispatch, its OpenAPI description. */
    public static final String[] OPEN_PATHS = {
            "/error", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**"};

    /**
     * Operator endpoints: every other actuator endpoint (dead-letter counts and replay among them) needs ADMIN.
     * Put after {@link #OPEN_PATHS}, whose actuator paths stay open.
     */
    public static final String[] OPERATOR_PATHS = {"/actuator", "/actuator/**"};

    private final ProblemAuthenticationHandlers problemHandlers;
    private final BearerTokens bearerTokens = new BearerTokens();

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
                        .bearerTokenResolver(bearerTokens)
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

    /** The {@code role} claim becomes the single authority {@code ROLE_<role>}; the principal name is the user id. */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        String role = jwt.getClaimAsString(TokenClaims.ROLE);
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + role)), jwt.getSubject());
    }

}
