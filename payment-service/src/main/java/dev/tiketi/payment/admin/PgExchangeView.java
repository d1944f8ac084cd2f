package dev.tiketi.payment.admin;

import java.time.Instant;

/**
 * One request to a payment gateway and its answer, as logged ({@code pg_exchanges}; secrets were redacted before
 * it was written: card numbers to their last four digits, no keys or Authorization headers).
 *
 * @param operation e.g. APPROVE, INQUIRE, CANCEL
 * @param outcome   how the call ended, e.g. APPROVED, DECLINED, TIMEOUT
 */
record PgExchangeView(long id, String provider, String operation, String request, String response, Integer httpStatus,
                      String outcome, long durationMs, Instant createdAt) {
}
