package dev.tiketi.user.auth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

@Repository
public class LoginHistoryRepository {

    private final JdbcClient jdbc;

    LoginHistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID userId, String email, ClientInfo client, LoginFailure failure, Instant at) {
        jdbc.sql("""
                        INSERT INTO login_history (user_id, email_attempted, ip, user_agent, success, failure_reason, attempted_at)
                        VALUES (:userId, :email, :ip, :userAgent, :success, :reason, :at)""")
                .param("userId", userId).param("email", email).param("ip", client.ip())
                .param("userAgent", client.userAgent()).param("success", failure == null)
                .param("reason", failure == null ? null : failure.name()).param("at", Timestamp.from(at))
                .update();
    }

    /** Withdrawal: the attempts stay for security statistics, but no longer say who or from where. */
    public void scrub(UUID userId, String placeholderEmail) {
        jdbc.sql("""
                        UPDATE login_history SET email_attempted = :placeholder, ip = NULL, user_agent = NULL
                        WHERE user_id = :userId""")
                .param("userId", userId).param("placeholder", placeholderEmail).update();
    }

    enum LoginFailure {
        UNKNOWN_EMAIL, BAD_PASSWORD, ACCOUNT_LOCKED, RATE_LIMITED_IP, RATE_LIMITED_ACCOUNT
    }
}
