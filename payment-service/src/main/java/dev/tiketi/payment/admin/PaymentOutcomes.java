package dev.tiketi.payment.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payments started in a period (by creation time), by where they are now, and why the failed ones failed.
 *
 * @param eventId  null for every event
 * @param to       inclusive
 * @param today    the same for today alone
 * @param byStatus every status, zeros included, in a fixed order: PENDING, SUCCESS, FAILED, REFUND_PENDING,
 *                 REFUNDED
 * @param failures failure codes of FAILED payments, most frequent first
 */
record PaymentOutcomes(String timezone, UUID eventId, LocalDate from, LocalDate to, List<StatusCount> today,
                       List<StatusCount> byStatus, List<FailureCount> failures) {

    /** @param amount in KRW, the sum of those payments' amounts */
    record StatusCount(String status, long payments, long amount) {
    }

    record FailureCount(String failureCode, long payments) {
    }
}
