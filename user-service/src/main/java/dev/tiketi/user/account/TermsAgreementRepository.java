package dev.tiketi.user.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Repository
class TermsAgreementRepository {

    private final JdbcClient jdbc;

    TermsAgreementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID userId, AgreementInput agreement, Instant at) {
        jdbc.sql("""
                        INSERT INTO terms_agreements (id, user_id, terms_code, version, agreed, agreed_at)
                        VALUES (:id, :userId, :code, :version, :agreed, :at)""")
                .param("id", UUID.randomUUID()).param("userId", userId).param("code", agreement.code())
                .param("version", agreement.version()).param("agreed", agreement.agreed())
                .param("at", UserRepository.timestamp(at))
                .update();
    }

    List<UserProfile.Agreement> findByUser(UUID userId) {
        return jdbc.sql("""
                        SELECT terms_code, version, agreed, agreed_at FROM terms_agreements
                        WHERE user_id = :userId ORDER BY terms_code, agreed_at""")
                .param("userId", userId)
                .query((rs, row) -> new UserProfile.Agreement(rs.getString("terms_code"), rs.getString("version"),
                        rs.getBoolean("agreed"), rs.getTimestamp("agreed_at").toInstant()))
                .list();
    }
}
