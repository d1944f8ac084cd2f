package dev.tiketi.user.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tiketi.security.AccessTokenBlacklist;
import dev.tiketi.security.AccessTokenValidators;
import dev.tiketi.security.SecurityProperties;
import dev.tiketi.user.auth.AuthProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class TokenConfig {

    @Bean
    RSAKey accessTokenSigningKey(AuthProperties properties) {
        return SigningKeys.load(properties.signingKeyFile(), properties.generateMissingKey());
    }

    @Bean
    AccessTokenIssuer accessTokenIssuer(RSAKey accessTokenSigningKey, AuthProperties properties, Clock clock) {
        return new AccessTokenIssuer(accessTokenSigningKey, properties.accessTokenTtl(), clock);
    }

    /**
     * Checks tokens against the local public key rather than the JWKS URL the other services use: the
     * service would otherwise fetch its own endpoint over HTTP. Same validators as everywhere else.
     */
    @Bean
    JwtDecoder jwtDecoder(RSAKey accessTokenSigningKey, SecurityProperties security, AccessTokenBlacklist blacklist)
            throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(accessTokenSigningKey.toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(AccessTokenValidators.create(security.issuer(), blacklist));
        return decoder;
    }
}
