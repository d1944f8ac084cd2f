package dev.tiketi.user.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The refresh token as a cookie for browsers: HttpOnly so scripts cannot read it, SameSite=Strict so other
 * sites cannot make the browser send it, and scoped to /api/auth so no other request carries it.
 */
@Component
class RefreshCookies {

    static final String PATH = "/api/auth";

    private final AuthProperties.RefreshCookie settings;

    RefreshCookies(AuthProperties properties) {
        this.settings = properties.refreshCookie();
    }

    ResponseCookie issue(String refreshToken, Duration lifetime) {
        return cookie(refreshToken, lifetime);
    }

    ResponseCookie clear() {
        return cookie("", Duration.ZERO);
    }

    Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> settings.name().equals(cookie.getName()))
                .map(Cookie::getValue)
                .filter(value -> !value.isBlank())
                .findFirst();
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(settings.name(), value)
                .httpOnly(true)
                .secure(settings.secure())
                .sameSite("Strict")
                .path(PATH)
                .maxAge(maxAge)
                .build();
    }
}
