package dev.tiketi.reservation.hold;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * Hold seats of one event. Sizes are checked again by {@link HoldRules}; the bounds here only keep absurd
 * bodies away from the services behind.
 *
 * @param admissionToken the {@code qr_…} token the waiting room gave the buyer
 */
record HoldRequest(@NotNull UUID eventId, @NotNull @Size(min = 1, max = 4) List<@NotNull UUID> seatIds,
                   @NotBlank @Size(max = 64) String admissionToken) {
}
