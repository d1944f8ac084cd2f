package dev.tiketi.payment.core;

/** How the buyer pays. Cards only for now; easy-pay wallets would be further values. */
public enum PaymentMethod {
    CARD
}
