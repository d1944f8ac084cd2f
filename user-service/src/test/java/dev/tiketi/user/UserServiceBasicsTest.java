package dev.tiketi.user;

import dev.tiketi.security.AccessTokenBlacklist;
import dev.tiketi.security.AccessTokenValidators;
import dev.tiketi.security.SecurityProperties;
import dev.tiketi.testsupport.ServiceBasicsContract;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import dev.tiketi.testsupport.TestTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.util.List;

/**
 * The platform-wide contract. Its tokens come from {@link TestTokens}, whose private key user-service cannot
 * hold, so this context alone checks tokens against the TestTokens JWKS (exactly as every other service
 * does) instead of user-service's own key.
 */
@ServiceIntegrationTest
@Import(UserServiceBasicsTest.TestTokensDecoder.class)
class UserServiceBasicsTest extends ServiceBasicsContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("db", "redis");
    }

    @Override
    protected String applicationName() {
        return "user-service";
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestTokensDecoder {

        @Bean
        @Primary
        JwtDecoder testTokensJwtDecoder(SecurityProperties security, AccessTokenBlacklist blacklist) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(TestTokens.instance().jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .build();
            decoder.setJwtValidator(AccessTokenValidators.create(security.issuer(), blacklist));
            return decoder;
        }
    }
}
