package dev.tiketi.user.auth;

import dev.tiketi.user.account.UserProfile;

/** A login or refresh result; lifetimes in seconds. */
public record AuthTokens(String accessToken, String tokenType, long expiresIn, String refreshToken,
        long refreshExpiresIn, UserProfile user) {
}
