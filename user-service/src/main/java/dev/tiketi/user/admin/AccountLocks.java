package dev.tiketi.user.admin;

import dev.tiketi.security.AccessTokenBlacklist;
import dev.tiketi.user.auth.AuthProperties;
import dev.tiketi.user.token.RefreshTokenService;
import dev.tiketi.user.token.RevokeReason;
import dev.tiketi.web.problem.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Administrators lock and unlock accounts. A locked account cannot sign in (423 {@code account-disabled}); every
 * refresh token it has is revoked ({@code ADMIN_LOCKED}), so no session can be renewed; and every access token
 * issued until now is revoked by the per-user cutoff every service and the gateway check, so a live session ends
 * at its next request. Unlocking lets the user sign in again; revoked tokens stay revoked.
 */
@Service
class AccountLocks {

    private final JdbcClient jdbc;
    private final RefreshTokenService refreshTokens;
    private final AccessTokenBlacklist blacklist;
    private final Duration accessTokenTtl;
    private final Clock clock;

    AccountLocks(JdbcClient jdbc, RefreshTokenService refreshTokens, AccessTokenBlacklist blacklist,
                 AuthProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.refreshTokens = refreshTokens;
        this.blacklist = blacklist;
        this.accessTokenTtl = properties.accessTokenTtl();
        this.clock = clock;
    }

    /** Locking a locked account changes nothing but the reason; a withdrawn one cannot be locked. */
    @Transactional
    void lock(UUID userId, UUID adminId, String reason) {
        if (userId.equals(adminId)) {
            throw ApiException.conflict("cannot-lock-self", "Administrators cannot lock their own account.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int locked = jdbc.sql("""
                        UPDATE users SET admin_locked_at = coalesce(admin_locked_at, :now), admin_lock_reason = :reason,
                                         updated_at = :now
                         WHERE id = :id AND status = 'ACTIVE'""")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("reason", reason).param("id", userId).update();
        if (locked == 0) {
            throw UserDirectory.notFound();
        }
        refreshTokens.revokeAll(userId, RevokeReason.ADMIN_LOCKED);
        // iat has whole seconds: a cutoff after this second also revokes a token issued in it, just before the lock
        // (no token can be issued after the lock, sign-in is refused)
        blacklist.revokeAllIssuedBefore(userId.toString(), now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1),
                accessTokenTtl);
    }

    @Transactional
    void unlock(UUID userId) {
        int unlocked = jdbc.sql("""
                        UPDATE users SET admin_locked_at = NULL, admin_lock_reason = NULL, updated_at = :now
                         WHERE id = :id AND status = 'ACTIVE'""")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("id", userId).update();
        if (unlocked == 0) {
            throw UserDirectory.notFound();
        }
    }
}
