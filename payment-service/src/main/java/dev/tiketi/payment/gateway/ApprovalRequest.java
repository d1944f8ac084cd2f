package dev.tiketi.payment.gateway;

/**
 * @param orderId            our payment id
 * @param amount             in KRW, from the reservation
 * @param orderName          what the buyer sees on their statement (the event title)
 * @param card               for a PG that takes card details ({@link PaymentGateway.Instrument#CARD})
 * @param providerPaymentKey for a PG whose widget authorised the payment (Toss' paymentKey)
 */
public record ApprovalRequest(String orderId, long amount, String orderName, Card card, String providerPaymentKey) {

    @Override
    public String toString() {
        return "ApprovalRequest[orderId=" + orderId + ", amount=" + amount + ", card=" + card + "]";
    }
}
