package dev.tiketi.user.token;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Repository
class RefreshTokenRepository {

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID userId, UUID familyId, byte[] hash, Instant createdAt, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at)
                        VALUES (:id, :userId, :familyId, :hash, :createdAt, :expiresAt)""")
                .param("id", id).param("userId", userId).param("familyId", familyId).param("hash", hash)
                .param("createdAt", timestamp(createdAt)).param("expiresAt", timestamp(expiresAt))
                .update();
    }

    /**
     * Marks a live token used and returns it, or nothing if it is unknown, used, revoked or expired. Of
     * concurrent callers presenting the same token exactly one gets it: the others wait for the row lock and
     * then no longer match {@code used_at IS NULL}.
     */
    Optional<ClaimedToken> claim(byte[] hash, Instant now) {
        return jdbc.sql("""
                        UPDATE refresh_tokens SET used_at = :now
                        WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                        RETURNING id, user_id, family_id""")
                .param("hash", hash).param("now", timestamp(now))
                .query((rs, row) -> new ClaimedToken(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getObject("family_id", UUID.class)))
                .optional();
    }

    void setReplacedBy(UUID id, UUID replacement) {
        jdbc.sql("UPDATE refresh_tokens SET replaced_by = :replacement WHERE id = :id")
                .param("id", id).param("replacement", replacement).update();
    }

    Optional<StoredToken> findByHash(byte[] hash) {
        return jdbc.sql("""
                        SELECT id, user_id, family_id, expires_at, used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked
                        FROM refresh_tokens WHERE token_hash = :hash""")
                .param("hash", hash)
                .query((rs, row) -> new StoredToken(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getObject("family_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
                        rs.getBoolean("used"), rs.getBoolean("revoked")))
                .optional();
    }

    int revokeFamily(UUID familyId, RevokeReason reason, Instant now) {
        return jdbc.sql("""
                        UPDATE refresh_tokens SET revoked_at = :now, revoke_reason = :reason
                        WHERE family_id = :familyId AND revoked_at IS NULL""")
                .param("familyId", familyId).param("reason", reason.name()).param("now", timestamp(now))
                .update();
    }

    int revokeAllOfUser(UUID userId, RevokeReason reason, Instant now) {
        return jdbc.sql("""
                        UPDATE refresh_tokens SET revoked_at = :now, revoke_reason = :reason
                        WHERE user_id = :userId AND revoked_at IS NULL""")
                .param("userId", userId).param("reason", reason.name()).param("now", timestamp(now))
                .update();
    }

    private static java.sql.Timestamp timestamp(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    record ClaimedToken(UUID id, UUID userId, UUID familyId) {
    }

    record StoredToken(UUID id, UUID userId, UUID familyId, Instant expiresAt, boolean used, boolean revoked) {
    }
}
