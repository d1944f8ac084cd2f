package dev.tiketi.queue.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** Bodies of the internal token endpoints. Tokens are short; a long one is refused before touching Redis. */
final class TokenRequests {

    private TokenRequests() {
    }

    record Validate(@NotBlank @Size(max = 64) String token, @NotNull UUID userId, @NotNull UUID eventId) {
    }

    record IssuePayment(@NotBlank @Size(max = 64) String admissionToken, @NotNull UUID userId,
                        @NotNull UUID eventId) {
    }

    record Revoke(@NotBlank @Size(max = 64) String token) {
    }

    record ReleaseSlot(@NotNull UUID userId) {
    }

    record PaymentToken(String paymentToken, Instant expiresAt) {
    }
}
