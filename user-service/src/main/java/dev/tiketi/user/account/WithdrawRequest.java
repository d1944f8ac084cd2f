package dev.tiketi.user.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record WithdrawRequest(@NotNull @Size(max = 256) String password) {
}
