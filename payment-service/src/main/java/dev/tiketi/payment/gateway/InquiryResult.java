package dev.tiketi.payment.gateway;

/**
 * What the PG knows of an order: approved (and still charged), not approved (declined, never received,
 * aborted, or cancelled since — either way no money is held), or not decided yet.
 */
public sealed interface InquiryResult permits Approved, Declined, InquiryResult.InProgress {

    /** The PG has the order but has not decided it; ask again later. */
    record InProgress(String state) implements InquiryResult {
    }
}
