package dev.tiketi.payment.gateway;

/**
 * @param orderId       our payment id
 * @param transactionId the PG's id of the approved charge
 * @param amount        in KRW: the whole payment (no partial refunds)
 * @param reason        why, for the PG's records
 */
public record CancelRequest(String orderId, String transactionId, long amount, String reason) {
}
