package dev.tiketi.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;

/**
 * RFC 6750's {@code Authorization: Bearer <b64token>} read with a loop, for the gateway and every service alike:
 * Spring's resolvers run a regular expression over every character of every token on every request.
 */
public final class BearerTokenSyntax {

    private static final String SCHEME = "Bearer ";

    /** RFC 6750's b64token characters but the trailing '=': [a-zA-Z0-9-._~+/]. */
    private static final boolean[] TOKEN_CHARACTERS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            TOKEN_CHARACTERS[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
        }
    }

    private BearerTokenSyntax() {
    }

    /**
     * The token, null if the header names no bearer token at all.
     *
     * @throws OAuth2AuthenticationException for a bearer token that is malformed: invalid_token, as Spring's
     *                                       resolvers refuse it
     */
    public static String token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer", 0, 6)) {
            return null;
        }
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw malformed();
        }
        int end = authorization.length();
        int i = SCHEME.length();
        while (i < end && isTokenCharacter(authorization.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            throw malformed();
        }
        while (i < end && authorization.charAt(i) == '=') {
            i++;
        }
        if (i != end) {
            throw malformed();
        }
        return authorization.substring(SCHEME.length());
    }

    private static OAuth2AuthenticationException malformed() {
        return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
    }

    private static boolean isTokenCharacter(char c) {
        return c < 128 && TOKEN_CHARACTERS[c];
    }
}
