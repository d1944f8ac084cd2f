package dev.tiketi.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finds the token exactly where Spring Security's DefaultBearerTokenResolver (its regular expression) finds it. */
class BearerTokensTest {

    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
    private final BearerTokens loop = new BearerTokens();

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.def.ghi", "bearer abc", "BEARER a-b_c~d+e/f.g==", "Bearer x=", "Bearer ==",
            "Bearer", "Bearer ", "Bearerabc", "Bearer  abc", "Bearer abc def", "Bearer abc\n", "Bearer abc=x",
            "Bearer a\u00e9b", "Bearer a,b", "Bearer a%2Fb", "Bearer\tabc", "Basic abc", "", "bear abc", "Bearer a=b=",
            "Bearer \u0000", "Bearer a\u212Ab", "bEaReR Zz09"})
    void agreesWithSpringSecuritysResolver(String authorization) {
        for (String method : new String[] {"GET", "POST", "PUT", "DELETE", "PATCH"}) {
            MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/holds");
            request.setContentType("application/json");
            request.addHeader("Authorization", authorization);
            String expected;
            try {
                expected = spring.resolve(request);
            } catch (OAuth2AuthenticationException e) {
                assertThatThrownBy(() -> loop.resolve(request)).isInstanceOf(OAuth2AuthenticationException.class)
                        .hasMessage(e.getMessage());
                continue;
            }
            assertThat(loop.resolve(request)).as(method).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void aRequestThatMayCarryAnAccessTokenParameterIsLeftToSpring(String method) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/x");
        request.setContentType("application/x-www-form-urlencoded");
        request.addHeader("Authorization", "Bearer abc");
        request.addParameter("access_token", "def");
        request.setQueryString("access_token=def");

        assertThat(loop.resolve(request)).isEqualTo(spring.resolve(request));
    }
}
