package dev.tiketi.user.token;

import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;

/** The access token a request came with, as much of it as revoking it needs. */
public record CurrentAccessToken(String jti, Instant expiresAt) {

    public static CurrentAccessToken from(Jwt jwt) {
        return new CurrentAccessToken(jwt.getId(), jwt.getExpiresAt());
    }
}
