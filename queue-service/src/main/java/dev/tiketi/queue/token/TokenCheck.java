package dev.tiketi.queue.token;

import java.time.Instant;

/**
 * The answer to "may this user act for this event with this token": {@code kind} and {@code expiresAt} when
 * valid, a {@code reason} ({@code expired-or-unknown}, {@code revoked}, {@code wrong-user}, {@code wrong-event})
 * when not.
 */
public record TokenCheck(boolean valid, TokenKind kind, Instant expiresAt, String reason) {

    static TokenCheck valid(TokenKind kind, Instant expiresAt) {
        return new TokenCheck(true, kind, expiresAt, null);
    }

    static TokenCheck invalid(String reason) {
        return new TokenCheck(false, null, null, reason);
    }
}
