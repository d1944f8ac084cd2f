package dev.tiketi.queue.token;

/** Admission tokens ({@code qr_}) let a user hold seats; payment tokens ({@code qp_}) let them pay for a hold. */
public enum TokenKind {
    ADMISSION,
    PAYMENT
}
