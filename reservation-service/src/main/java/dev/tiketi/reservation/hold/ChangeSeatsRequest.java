package dev.tiketi.reservation.hold;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** The seats a hold should have from now on: kept seats stay, others are given back, new ones taken. */
record ChangeSeatsRequest(@NotNull @Size(min = 1, max = 4) List<@NotNull UUID> seatIds) {
}
