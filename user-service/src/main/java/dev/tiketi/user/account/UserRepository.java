package dev.tiketi.user.account;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class UserRepository {

    private static final String COLUMNS = """
            id, email, password_hash, name, phone, role, status, failed_login_count, locked_until, created_at, updated_at""";

    private static final RowMapper<UserAccount> MAPPER = (rs, row) -> new UserAccount(
            rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
            rs.getString("name"), rs.getString("phone"), UserAccount.Role.valueOf(rs.getString("role")),
            UserAccount.Status.valueOf(rs.getString("status")), rs.getInt("failed_login_count"),
            instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("updated_at")));

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the account unless its email is taken in any letter case. Conflicts are settled by the unique
     * index, not by a prior lookup, so two concurrent registrations (or two instances creating the first
     * admin) cannot both succeed; and ON CONFLICT leaves the surrounding transaction usable.
     */
    public boolean insertIfEmailFree(UserAccount user) {
        return jdbc.sql("""
                        INSERT INTO users (id, email, password_hash, name, phone, role, status, created_at, updated_at)
                        VALUES (:id, :email, :hash, :name, :phone, :role, :status, :createdAt, :updatedAt)
                        ON CONFLICT ((lower(email))) DO NOTHING""")
                .param("id", user.id()).param("email", user.email()).param("hash", user.passwordHash())
                .param("name", user.name()).param("phone", user.phone()).param("role", user.role().name())
                .param("status", user.status().name()).param("createdAt", timestamp(user.createdAt()))
                .param("updatedAt", timestamp(user.updatedAt()))
                .update() == 1;
    }

    public Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id").param("id", id).query(MAPPER).optional();
    }

    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(:email)")
                .param("email", email).query(MAPPER).optional();
    }

    public boolean existsByEmail(String email) {
        return jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(:email)")
                .param("email", email).query(Long.class).single() > 0;
    }

    /** Locks the row for the rest of the transaction, so that read-check-write sequences on one account serialize. */
    public Optional<UserAccount> findActiveByIdForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id AND status = 'ACTIVE' FOR UPDATE")
                .param("id", id).query(MAPPER).optional();
    }

    public void updateProfile(UUID id, String name, String phone, Instant now) {
        jdbc.sql("UPDATE users SET name = :name, phone = :phone, updated_at = :now WHERE id = :id")
                .param("id", id).param("name", name).param("phone", phone).param("now", timestamp(now)).update();
    }

    public void updatePasswordHash(UUID id, String hash, Instant now) {
        jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
                .param("id", id).param("hash", hash).param("now", timestamp(now)).update();
    }

    /** Counts one more consecutive failure and returns the new count; atomic under concurrent attempts. */
    public int incrementFailedLogins(UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE users SET failed_login_count = failed_login_count + 1, updated_at = :now
                        WHERE id = :id RETURNING failed_login_count""")
                .param("id", id).param("now", timestamp(now)).query(Integer.class).single();
    }

    /** Whether an administrator locked the account (until they unlock it); see the admin package. */
    public boolean isLockedByAdmin(UUID id) {
        return jdbc.sql("SELECT admin_locked_at IS NOT NULL FROM users WHERE id = :id")
                .param("id", id).query(Boolean.class).optional().orElse(false);
    }

    public void lockUntil(UUID id, Instant until) {
        jdbc.sql("UPDATE users SET locked_until = :until WHERE id = :id")
                .param("id", id).param("until", timestamp(until)).update();
    }

    public void resetFailedLogins(UUID id) {
        jdbc.sql("""
                        UPDATE users SET failed_login_count = 0, locked_until = NULL
                        WHERE id = :id AND (failed_login_count <> 0 OR locked_until IS NOT NULL)""")
                .param("id", id).update();
    }

    /**
     * Withdrawal: the account row stays (other services refer to its id) but nothing in it identifies the
     * person any more. The placeholder address must be unique to the account; it frees the real address for
     * a new registration.
     */
    public void withdraw(UUID id, String placeholderEmail, Instant now) {
        jdbc.sql("""
                        UPDATE users SET status = 'WITHDRAWN', withdrawn_at = :now, updated_at = :now,
                            email = :placeholder,
                            password_hash = NULL, name = NULL, phone = NULL,
                            failed_login_count = 0, locked_until = NULL
                        WHERE id = :id""")
                .param("id", id).param("placeholder", placeholderEmail).param("now", timestamp(now)).update();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
