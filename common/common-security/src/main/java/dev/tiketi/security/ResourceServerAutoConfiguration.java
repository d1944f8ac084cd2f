package dev.tiketi.security;

import dev.tiketi.web.problem.ProblemResponseWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Token checking for servlet services: signature against user-service's JWKS (RS256 only, so alg=none or
 * HS256 with the public key as secret are refused), expiry, issuer, identity claims, verified once per token, and
 * the blacklist on every request, read from memory ({@link RevocationMirror}) rather than Redis. The JWKS is fetched on first use and cached, so a service starts before user-service does.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class ResourceServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RevocationMirror revocationMirror(StringRedisTemplate redis, SecurityProperties properties) {
        return new RevocationMirror(redis, properties.revocations());
    }

    @Bean
    @ConditionalOnMissingBean
    AccessTokenBlacklist accessTokenBlacklist(StringRedisTemplate redis, RevocationMirror mirror) {
        return new AccessTokenBlacklist(redis, mirror);
    }

    /** Signature and claims verified once per token; the blacklist on every request, from memory. */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties, AccessTokenBlacklist blacklist) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(KeyConvertingOnceSelector.rs256Replacing(
                        processor.getJWSKeySelector())))
                .build();
        decoder.setJwtValidator(AccessTokenValidators.verifying(properties.issuer()));
        decoder.setClaimSetConverter(new AccessTokenClaimSetConverter());
        return new VerifiedTokenJwtDecoder(decoder, new VerifiedTokenCache(properties.verifiedTokenCacheSize()),
                blacklist);
    }

    @Bean
    ProblemAuthenticationHandlers problemAuthenticationHandlers(ProblemResponseWriter writer) {
        return new ProblemAuthenticationHandlers(writer);
    }

    @Bean
    ResourceServerSecurity resourceServerSecurity(ProblemAuthenticationHandlers handlers) {
        return new ResourceServerSecurity(handlers);
    }

    /**
     * Spring Security's own observations of every filter of the chain and of every authentication and
     * authorization: a timer and a span each, a dozen per request, for what the request's own observation
     * (http.server.requests) covers already. Nothing reads them; they were most of what a service's security
     * chain cost per request (docs/benchmarks.md). The gateway turns them off the same way.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The default firewall with its header rules checked by a loop rather than a regular expression ({@link HeaderText}). */
    @Bean
    WebSecurityCustomizer headerTextFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderText.NAMES);
        firewall.setAllowedHeaderValues(HeaderText.VALUES);
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    SecurityProblemAdvice securityProblemAdvice() {
        return new SecurityProblemAdvice();
    }

    /** For a service with no rules of its own yet: open paths open, everything else needs a valid token. */
    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain authenticatedByDefault(HttpSecurity http, ResourceServerSecurity resourceServer)
            throws Exception {
        resourceServer.apply(http).authorizeHttpRequests(requests -> requests
                .requestMatchers(ResourceServerSecurity.OPEN_PATHS).permitAll()
                .requestMatchers(ResourceServerSecurity.OPERATOR_PATHS).hasRole(TokenClaims.ROLE_ADMIN)
                .anyRequest().authenticated());
        return http.build();
    }
}
