package dev.tiketi.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.UUID;

/** The verified caller of a request, taken from its access token. */
public record AuthenticatedUser(UUID id, String email, String role, String tokenId) {

    public static AuthenticatedUser from(Jwt jwt) {
        return new AuthenticatedUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString(TokenClaims.EMAIL),
                jwt.getClaimAsString(TokenClaims.ROLE), jwt.getId());
    }

    public boolean isAdmin() {
        return TokenClaims.ROLE_ADMIN.equals(role);
    }
}
