package dev.tiketi.payment.gateway;

import java.time.Instant;

/** The PG charged the order. {@code transactionId} is what cancelling it needs (Toss: its paymentKey). */
public record Approved(String transactionId, Instant approvedAt) implements ApprovalResult, InquiryResult {
}
