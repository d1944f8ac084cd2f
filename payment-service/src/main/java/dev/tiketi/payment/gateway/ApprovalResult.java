package dev.tiketi.payment.gateway;

/** The PG's decision on an approval. */
public sealed interface ApprovalResult permits Approved, Declined {
}
