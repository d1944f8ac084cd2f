package dev.tiketi.payment.core;

/**
 * A payment a background job took for one attempt.
 *
 * @param attempts the job's attempts on it so far (reconciliation: earlier inquiries; refunds: including this one)
 */
public record Claimed(Payment payment, int attempts) {
}
