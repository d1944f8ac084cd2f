package dev.tiketi.user.token;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.tiketi.security.TokenClaims;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import dev.tiketi.user.UserApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class JwksTest {

    @LocalServerPort
    int port;

    @Test
    void publishedKeyVerifiesIssuedTokensAndHoldsNoPrivatePart() throws Exception {
        UserApi api = new UserApi(port);
        var session = api.session(api.newUser(), UserApi.PASSWORD);

        var wellKnown = api.get("/.well-known/jwks.json", null);
        var alias = api.get("/api/auth/jwks", null);

        assertThat(wellKnown.statusCode()).isEqualTo(200);
        assertThat(alias.body()).isEqualTo(wellKnown.body());
        assertThat(wellKnown.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
        JWKSet jwks = JWKSet.parse(wellKnown.body());
        SignedJWT jwt = SignedJWT.parse(session.accessToken());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(TokenClaims.ISSUER);
        assertThat(claims.getSubject()).isEqualTo(session.userId());
        assertThat(claims.getStringClaim(TokenClaims.ROLE)).isEqualTo("USER");
        assertThat(claims.getStringClaim(TokenClaims.EMAIL)).endsWith("@example.com");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(claims.getIssueTime()).isCloseTo(new Date(), 10_000);
    }
}
