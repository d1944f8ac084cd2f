package dev.tiketi.payment.admin;

import dev.tiketi.payment.core.PaymentView;

import java.util.List;

/** A payment and every exchange with the payment gateway about it, oldest first. */
record AdminPaymentDetail(PaymentView payment, List<PgExchangeView> exchanges) {
}
