package dev.tiketi.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finds the token exactly where Spring Security's converter (its regular expression, below) finds it. */
class BearerTokenSyntaxTest {

    /** ServerBearerTokenAuthenticationConverter's, verbatim. */
    private static final Pattern SPRING = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
            Pattern.CASE_INSENSITIVE);

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.def.ghi", "bearer abc", "BEARER a-b_c~d+e/f.g==", "Bearer x=", "Bearer ==",
            "Bearer", "Bearer ", "Bearerabc", "Bearer  abc", "Bearer abc def", "Bearer abc\n", "Bearer abc=x",
            "Bearer a\u00e9b", "Bearer a,b", "Bearer a%2Fb", "Bearer\tabc", "Basic abc", "", "bear abc", "Bearer a=b=",
            "Bearer \u0000", "Bearer a\u212Ab", "bEaReR Zz09"})
    void agreesWithSpringSecuritysExpression(String authorization) {
        boolean bearer = authorization.regionMatches(true, 0, "bearer", 0, 6);
        Matcher spring = SPRING.matcher(authorization);
        if (!bearer) {
            assertThat(BearerTokenSyntax.token(authorization)).isNull();
        } else if (spring.matches()) {
            assertThat(BearerTokenSyntax.token(authorization)).isEqualTo(spring.group("token"));
        } else {
            assertThatThrownBy(() -> BearerTokenSyntax.token(authorization))
                    .isInstanceOf(OAuth2AuthenticationException.class)
                    .hasMessageContaining("malformed");
        }
    }
}
