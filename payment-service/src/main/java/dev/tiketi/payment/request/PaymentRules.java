package dev.tiketi.payment.request;

import dev.tiketi.payment.core.Payment;
import dev.tiketi.payment.gateway.PaymentGateway;
import dev.tiketi.payment.reservation.CopiedReservation;
import dev.tiketi.web.problem.ApiException;

import java.time.Instant;
import java.util.UUID;

/** When a payment may be made, and when a repeated request is the same payment. Plain rules, no I/O. */
final class PaymentRules {

    private PaymentRules() {
    }

    /**
     * Another buyer's reservation is 404, nothing about it revealed. (One the copy does not know is 503 after a wait,
     * see {@link KnownReservations}: that much tells a caller who already has a reservation's random id that it is
     * real, nothing more.)
     */
    static void requireOwner(CopiedReservation reservation, UUID userId) {
        if (!reservation.userId().equals(userId)) {
            throw ApiException.notFound("reservation-not-found", "There is no such reservation.");
        }
    }

    /** A PENDING reservation whose hold has not run out, for the amount the client expects (if it says). */
    static void requirePayable(CopiedReservation reservation, Long clientAmount, Instant now) {
        if (reservation.status() != CopiedReservation.Status.PENDING) {
            throw ApiException.conflict("reservation-not-payable",
                    "The reservation is " + reservation.status() + "; only a held (PENDING) reservation can be paid.");
        }
        if (reservation.holdExpiresAt() == null || !reservation.holdExpiresAt().isAfter(now)) {
            throw ApiException.conflict("reservation-expired", "The seat hold has expired; hold the seats again.");
        }
        requireAmount(clientAmount, reservation.totalAmount());
    }

    /**
     * A request repeating an existing payment's key must be the same request: same reservation, and no
     * different amount.
     */
    static void requireSameRequest(Payment existing, PaymentRequest request) {
        if (!existing.reservationId().equals(request.reservationId())) {
            throw ApiException.unprocessable("payment-key-reused",
                    "This payment key was already used for another reservation; use a new key.");
        }
        requireAmount(request.amount(), existing.amount());
    }

    /** The request carries what the configured PG needs to charge the buyer. */
    static void requireInstrument(PaymentRequest request, PaymentGateway.Instrument instrument) {
        switch (instrument) {
            case CARD -> {
                if (request.card() == null) {
                    throw ApiException.invalidField("card", "NotNull", "card details are required");
                }
            }
            case PROVIDER_PAYMENT_KEY -> {
                if (request.providerPaymentKey() == null) {
                    throw ApiException.invalidField("providerPaymentKey", "NotNull",
                            "the payment widget's paymentKey is required");
                }
            }
        }
    }

    private static void requireAmount(Long clientAmount, long amount) {
        if (clientAmount != null && clientAmount != amount) {
            throw ApiException.unprocessable("amount-mismatch",
                    "The amount does not match the reservation's total of " + amount + " KRW.");
        }
    }
}
