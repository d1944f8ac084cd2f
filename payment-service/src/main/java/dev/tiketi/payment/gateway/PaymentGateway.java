package dev.tiketi.payment.gateway;

/**
 * A payment company (PG) as payment-service uses it: approve (Toss: confirm) a charge, cancel (refund) it,
 * and ask what became of an order. The order id is always our payment id.
 * <p>
 * Implementations answer a PG's decision as a value ({@link Approved}, {@link Declined}, ...) and throw
 * {@link GatewayException} when there is no decision: the PG could not be reached, did not answer in time,
 * failed, or answered something unreadable. After such an exception the outcome of an approval is unknown:
 * the PG may have charged, and only {@link #inquire} can tell.
 */
public interface PaymentGateway {

    /** {@code SIMULATED}, {@code TOSS}, ...: stored with each payment and carried by PaymentSucceeded. */
    String provider();

    /** What the buyer must hand over for this PG to charge them. */
    Instrument instrument();

    ApprovalResult approve(ApprovalRequest request);

    /** Idempotent at the PG: cancelling a cancelled charge again is a success. */
    CancelResult cancel(CancelRequest request);

    /** Idempotent, so the only call that is retried at once. */
    InquiryResult inquire(String orderId);

    /** What identifies the buyer's means of payment in a payment request. */
    enum Instrument {
        /** card details, charged by the PG directly (the simulated PG) */
        CARD,
        /** the PG's own key for a payment the buyer authorised in its widget (Toss: paymentKey) */
        PROVIDER_PAYMENT_KEY
    }
}
