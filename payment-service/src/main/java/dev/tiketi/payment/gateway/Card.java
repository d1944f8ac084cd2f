package dev.tiketi.payment.gateway;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Card details for a PG that charges cards directly. Never stored: only the last four digits are kept, and
 * {@link #toString()} masks the number so that no log line can carry it.
 */
public record Card(
        @NotNull @Pattern(regexp = "\\d{12,19}", message = "must be 12 to 19 digits") String number,
        @Min(1) @Max(12) Integer expiryMonth,
        @Min(2000) @Max(2100) Integer expiryYear,
        @Pattern(regexp = "\\d{3,4}", message = "must be 3 or 4 digits") String cvc,
        @Size(max = 100) String holderName) {

    public String last4() {
        return number == null || number.length() < 4 ? null : number.substring(number.length() - 4);
    }

    @Override
    public String toString() {
        return "Card[****" + last4() + "]";
    }
}
