package dev.tiketi.gateway.security;

import dev.tiketi.security.AccessTokenClaimSetConverter;
import dev.tiketi.security.HeaderText;
import dev.tiketi.security.KeyConvertingOnceSelector;
import dev.tiketi.security.RevocationMirror;
import dev.tiketi.security.TokenClaims;
import dev.tiketi.gateway.problem.ProblemWriter;
import dev.tiketi.gateway.ratelimit.RequestLimits;
import dev.tiketi.security.VerifiedTokenCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;

import java.util.List;
import java.util.Set;

/**
 * The gateway's token check: the first line only, as every service checks the token again. Stateless
 * (no session, no CSRF: the API takes bearer tokens, not cookies). CORS and security headers are plain
 * web filters outside this chain so that they also cover its 401/403 answers.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final Set<String> ROLES = Set.of(TokenClaims.ROLE_USER, TokenClaims.ROLE_ADMIN);

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                                  ProblemAuthenticationHandlers problemHandlers) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login", "/api/auth/refresh")
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/auth/jwks",
                                "/api/events", "/api/events/**", "/api/venues", "/api/venues/**",
                                "/api/notices", "/api/notices/**", "/api/queue/*/progress")
                        .permitAll()
                        .pathMatchers("/api/admin", "/api/admin/**").hasRole(TokenClaims.ROLE_ADMIN)
                        .pathMatchers("/api", "/api/**").authenticated()
                        // the SPA, its files, /fallback/** and unknown paths (which end as 404 problems)
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerTokenConverter())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(SecurityConfig::authentication))
                        .authenticationEntryPoint(problemHandlers)
                        .accessDeniedHandler(problemHandlers))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problemHandlers)
                        .accessDeniedHandler(problemHandlers))
                .build();
    }

    /**
     * Spring Security's own observations of every filter of its chain and of every authorization decision: a
     * span and a timer each, several per request, for what the request's own observation covers already. They
     * were a tenth of the gateway's CPU per request (GatewayCpuHarness); nothing reads them.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The revocations user-service records, followed in memory so that a request's check reads no Redis. */
    @Bean
    RevocationMirror revocationMirror(StringRedisTemplate redis, TokenSettings settings) {
        return new RevocationMirror(redis, settings.revocations());
    }

    /**
     * RS256 only (no alg confusion, no "none"), expiry, issuer, identity claims, verified once per token; then,
     * per request, the revocations and the rate limits (RequestLimits#checkToken).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(TokenSettings settings, RequestLimits limits) {
        // bounded JWKS fetches: a hanging user-service must not hang every request with a new key id
        HttpClient jwksClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .responseTimeout(Duration.ofSeconds(5));
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(jwksClient)).build())
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(KeyConvertingOnceSelector.rs256Replacing(
                        processor.getJWSKeySelector())))
                .build();
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()),
                SecurityConfig::hasIdentityClaims));
        nimbus.setClaimSetConverter(new AccessTokenClaimSetConverter());
        return new RevocationCheckingJwtDecoder(nimbus, new VerifiedTokenCache(settings.verifiedTokenCacheSize()), limits);
    }

    /**
     * The default firewall with its header rules checked by a loop ({@link HeaderText}) instead of the regular
     * expressions it runs over every header it hands out, the bearer token's few hundred characters included.
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderText.NAMES);
        firewall.setAllowedHeaderValues(HeaderText.VALUES);
        return firewall;
    }

    /** Requests the firewall refuses (encoded slashes, "..", odd characters) get a 400 problem, not an empty body. */
    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "request-rejected",
                "The request address is not acceptable.");
    }

    private static OAuth2TokenValidatorResult hasIdentityClaims(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getId() == null || jwt.getExpiresAt() == null) {
            return invalid("The access token lacks sub, jti or exp.");
        }
        if (!ROLES.contains(jwt.getClaimAsString(TokenClaims.ROLE))) {
            return invalid("The access token has no valid role.");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }

    /** The {@code role} claim becomes the single authority ROLE_&lt;role&gt;; the principal name is the user id. */
    private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
        String role = jwt.getClaimAsString(TokenClaims.ROLE);
        return Mono.just(new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + role)),
                jwt.getSubject()));
    }
}
