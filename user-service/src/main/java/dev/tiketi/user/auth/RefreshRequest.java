package dev.tiketi.user.auth;

import jakarta.validation.constraints.Size;

/** Optional: browsers send the refresh token as a cookie instead. */
public record RefreshRequest(@Size(max = 128) String refreshToken) {
}
