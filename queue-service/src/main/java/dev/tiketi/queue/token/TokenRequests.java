package dev.tiketi.queue.token;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

    /** A payment token reservation-service handed out with a hold that is still live, lost by Redis. */
    record RestorePayment(@NotBlank @Size(max = 64) @Pattern(regexp = "qp_[A-Za-z0-9_-]+") String paymentToken,
                          @NotNull UUID userId, @NotNull UUID eventId, @NotNull @Future Instant expiresAt) {
    }

    record Restored(String outcome) {
    }

    record Revoke(@NotBlank @Size(max = 64) String token) {
    }

    record ReleaseSlot(@NotNull UUID userId) {
    }

    record PaymentToken(String paymentToken, Instant expiresAt) {
    }
}
