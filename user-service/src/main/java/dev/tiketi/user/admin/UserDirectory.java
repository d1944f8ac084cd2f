package dev.tiketi.user.admin;

import dev.tiketi.web.problem.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The administrators' view of all accounts, withdrawn ones included (they show only placeholders), oldest first.
 * A search term matches a fragment of the e-mail address or the name, case-insensitively; an exact address is
 * found through the unique index on {@code lower(email)}, a fragment by scanning (admin use, not a buyer's path).
 */
@Service
class UserDirectory {

    static final int HISTORY = 50;

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Count and rows from one snapshot, so that totals and content agree. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    UserPage page(String query, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = "";
        if (query != null && !query.isBlank()) {
            String term = query.strip().toLowerCase();
            where = " WHERE lower(email) = :exact OR lower(email) LIKE :fragment ESCAPE '\\' "
                    + "OR lower(name) LIKE :fragment ESCAPE '\\'";
            params.put("exact", term);
            params.put("fragment", "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM users" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<AdminUserSummary> content = jdbc.sql("""
                        SELECT id, email, name, role, status, admin_locked_at IS NOT NULL AS locked, created_at
                          FROM users""" + where + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new AdminUserSummary(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("name"), rs.getString("role"), rs.getString("status"), rs.getBoolean("locked"),
                        instant(rs, "created_at")))
                .list();
        return new UserPage(content, page, size, total, (total + size - 1) / size);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    AdminUserDetail detail(UUID userId) {
        List<AdminUserDetail.LoginAttempt> history = jdbc.sql("""
                        SELECT attempted_at, success, failure_reason, ip, user_agent FROM login_history
                         WHERE user_id = :id ORDER BY attempted_at DESC, id DESC LIMIT :limit""")
                .param("id", userId).param("limit", HISTORY)
                .query((rs, n) -> new AdminUserDetail.LoginAttempt(instant(rs, "attempted_at"), rs.getBoolean("success"),
                        rs.getString("failure_reason"), rs.getString("ip"), rs.getString("user_agent")))
                .list();
        return jdbc.sql("""
                        SELECT id, email, name, phone, role, status, failed_login_count, locked_until, admin_locked_at,
                               admin_lock_reason, created_at, updated_at
                          FROM users WHERE id = :id""")
                .param("id", userId)
                .query((rs, n) -> new AdminUserDetail(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("name"), rs.getString("phone"), rs.getString("role"), rs.getString("status"),
                        rs.getInt("failed_login_count"), instant(rs, "locked_until"), instant(rs, "admin_locked_at"),
                        rs.getString("admin_lock_reason"), instant(rs, "created_at"), instant(rs, "updated_at"), history))
                .optional().orElseThrow(UserDirectory::notFound);
    }

    static ApiException notFound() {
        return ApiException.notFound("user-not-found", "There is no such user.");
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
