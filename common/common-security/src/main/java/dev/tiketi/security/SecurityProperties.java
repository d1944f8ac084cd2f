package dev.tiketi.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How services check access tokens.
 *
 * @param jwkSetUri where user-service publishes its public keys (defaulted in tiketi-runtime.yml: a
 *                  {@code @DefaultValue} would not resolve the placeholder in it)
 * @param issuer    the {@code iss} every token must carry
 * @param verifiedTokenCacheSize how many verified tokens are remembered (about 2 KB each), so that a token is
 *                  verified once rather than per request
 * @param revocations how the revocations are mirrored in memory
 */
@ConfigurationProperties("tiketi.security")
public record SecurityProperties(
        String jwkSetUri,
        @DefaultValue(TokenClaims.ISSUER) String issuer,
        @DefaultValue("10000") long verifiedTokenCacheSize,
        @DefaultValue RevocationSettings revocations) {
}
