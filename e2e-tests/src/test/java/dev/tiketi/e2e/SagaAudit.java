package dev.tiketi.e2e;

import dev.tiketi.infra.ServiceDatabase;
import dev.tiketi.platform.RunningPlatform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads reservation-service's and payment-service's tables directly (each with its own database role) to check
 * the saga's invariants across the two services, the way an operator's reconciliation report would.
 */
final class SagaAudit {

    private final RunningPlatform platform;

    SagaAudit(RunningPlatform platform) {
        this.platform = platform;
    }

    /** reservation id → "STATUS/version" of every reservation: a fingerprint of reservation-service's state. */
    Map<String, String> reservationStates() {
        return query("reservation_service", "SELECT id, status || '/' || version FROM reservations");
    }

    /** payment id → "STATUS/version" of every payment. */
    Map<String, String> paymentStates() {
        return query("payment_service", "SELECT id, status || '/' || version FROM payments");
    }

    /** reservation id → status of every reservation payment-service's copy knows (fed by reservation.events). */
    Map<String, String> reservationCopy() {
        return query("payment_service", "SELECT id, status FROM reservation_copy");
    }

    /**
     * The SPEC's convergence rule, as a list of violations (empty when it holds): each SUCCESS payment belongs to
     * exactly one CONFIRMED booking, a payment that was refunded (or is being) belongs to a booking that is not
     * CONFIRMED, and no booking is CONFIRMED without a SUCCESS payment.
     */
    List<String> violations() {
        Map<String, String> reservationStatus = query("reservation_service", "SELECT id, status FROM reservations");
        Map<String, String> confirmedBy = query("reservation_service",
                "SELECT id, payment_id FROM reservations WHERE status = 'CONFIRMED'");
        Map<String, String> paymentStatus = query("payment_service", "SELECT id, status FROM payments");
        Map<String, String> paymentReservation = query("payment_service", "SELECT id, reservation_id FROM payments");
        List<String> violations = new ArrayList<>();
        paymentStatus.forEach((payment, status) -> {
            String reservation = paymentReservation.get(payment);
            String booking = reservationStatus.get(reservation);
            if (status.equals("SUCCESS") && !(payment.equals(confirmedBy.get(reservation)))) {
                violations.add("payment " + payment + " is SUCCESS but reservation " + reservation + " is " + booking);
            }
            if ((status.equals("REFUNDED") || status.equals("REFUND_PENDING")) && "CONFIRMED".equals(booking)) {
                violations.add("payment " + payment + " is " + status + " but reservation " + reservation + " is CONFIRMED");
            }
        });
        confirmedBy.forEach((reservation, payment) -> {
            if (!"SUCCESS".equals(paymentStatus.get(payment))) {
                violations.add("reservation " + reservation + " is CONFIRMED by payment " + payment + " which is "
                        + paymentStatus.get(payment));
            }
        });
        return violations;
    }

    /** email → how many accounts user-service has with it (in any letter case), for the emails given. */
    Map<String, Integer> accountsPerEmail(List<String> emails) {
        String list = emails.stream().map(email -> "'" + email.toLowerCase(Locale.ROOT).replace("'", "''") + "'")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        Map<String, Integer> counts = new HashMap<>();
        query("user_service", "SELECT lower(email), count(*) FROM users WHERE lower(email) IN (" + list + ") GROUP BY 1")
                .forEach((email, count) -> counts.put(email, Integer.parseInt(count)));
        return counts;
    }

    private Map<String, String> query(String role, String sql) {
        ServiceDatabase database = ServiceDatabase.forRole(role);
        try (Connection connection = DriverManager.getConnection(platform.infrastructure().databaseUrl(),
                database.role(), database.localPassword());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            Map<String, String> result = new HashMap<>();
            while (rows.next()) {
                result.put(rows.getString(1), rows.getString(2));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + role + ": " + e.getMessage(), e);
        }
    }
}
