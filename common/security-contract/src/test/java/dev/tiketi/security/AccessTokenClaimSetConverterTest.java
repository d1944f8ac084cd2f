package dev.tiketi.security;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenClaimSetConverterTest {

    private static final Instant ISSUED = Instant.parse("2026-12-07T01:00:00Z");

    private final AccessTokenClaimSetConverter converter = new AccessTokenClaimSetConverter();

    /** Claims as Nimbus hands them over after parsing a token: times as {@link Date}s. */
    private static Map<String, Object> parsed(JWTClaimsSet.Builder claims) {
        return claims.build().getClaims();
    }

    @Test
    void aTokensClaimsComeOutAsSpringSecuritysDefaultConversionWithAPlainIssuerMakesThem() {
        Map<String, Object> claims = parsed(new JWTClaimsSet.Builder()
                .issuer("tiketi").subject("5b0c5a4e-8f1e-4c7e-9d43-1a2b3c4d5e6f").jwtID("j-1")
                .audience(List.of("tiketi-web", "tiketi-admin"))
                .issueTime(Date.from(ISSUED)).notBeforeTime(Date.from(ISSUED))
                .expirationTime(Date.from(ISSUED.plusSeconds(900)))
                .claim(TokenClaims.ROLE, TokenClaims.ROLE_USER).claim(TokenClaims.EMAIL, "buyer@tiketi.dev"));
        var spring = MappedJwtClaimSetConverter.withDefaults(Map.of(JwtClaimNames.ISS, String::valueOf));

        Map<String, Object> converted = converter.convert(claims);

        assertThat(converted).isEqualTo(spring.convert(claims));
        assertThat(converted.get(JwtClaimNames.EXP)).isEqualTo(ISSUED.plusSeconds(900));
        assertThat(converted.get(JwtClaimNames.AUD)).isEqualTo(List.of("tiketi-web", "tiketi-admin"));
        assertThat(converted.get(JwtClaimNames.ISS)).isEqualTo("tiketi");
    }

    @Test
    void oneAudienceBecomesAListAndSecondsSinceTheEpochATime() {
        Map<String, Object> converted = converter.convert(Map.of(JwtClaimNames.AUD, "tiketi-web",
                JwtClaimNames.EXP, 1_796_000_000L, JwtClaimNames.SUB, 42));

        assertThat(converted).containsEntry(JwtClaimNames.AUD, List.of("tiketi-web"))
                .containsEntry(JwtClaimNames.EXP, Instant.ofEpochSecond(1_796_000_000L))
                .containsEntry(JwtClaimNames.SUB, "42");
    }

    @Test
    void aTimeClaimThatIsNoTimeIsLeftOutSoTheValidatorsFindNoExpiry() {
        Map<String, Object> converted = converter.convert(Map.of(JwtClaimNames.EXP, "never", "role", "USER"));

        assertThat(converted).doesNotContainKey(JwtClaimNames.EXP).containsEntry("role", "USER");
    }
}
