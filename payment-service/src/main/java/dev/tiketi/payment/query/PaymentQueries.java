package dev.tiketi.payment.query;

import dev.tiketi.payment.core.PaymentStatus;
import dev.tiketi.payment.core.PaymentStore;
import dev.tiketi.payment.core.PaymentView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Read side: a buyer's own payments, and the admin lookup. Newest first. */
@Service
class PaymentQueries {

    /** Filters of the admin lookup; null means any. */
    record Filter(UUID reservationId, UUID userId, PaymentStatus status) {
    }

    private final JdbcClient jdbc;

    PaymentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The payment if it is the user's; someone else's is as absent as an unknown one. */
    Optional<PaymentView> findOwn(UUID userId, UUID paymentId) {
        return jdbc.sql("SELECT * FROM payments WHERE id = :id AND user_id = :userId")
                .param("id", paymentId)
                .param("userId", userId)
                .query(PaymentStore::map).optional().map(PaymentView::of);
    }

    PageView<PaymentView> mine(UUID userId, int page, int size) {
        return search(new Filter(null, userId, null), page, size);
    }

    PageView<PaymentView> search(Filter filter, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.reservationId() != null) {
            conditions.add("reservation_id = :reservationId");
            params.put("reservationId", filter.reservationId());
        }
        if (filter.userId() != null) {
            conditions.add("user_id = :userId");
            params.put("userId", filter.userId());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            params.put("status", filter.status().name());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT count(*) FROM payments" + where).params(params).query(Long.class).single();
        List<PaymentView> content = jdbc.sql("SELECT * FROM payments" + where
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(PaymentStore::map).list().stream().map(PaymentView::of).toList();
        return PageView.of(content, page, size, total);
    }
}
