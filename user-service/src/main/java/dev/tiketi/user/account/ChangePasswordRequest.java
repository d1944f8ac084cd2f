package dev.tiketi.user.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ChangePasswordRequest(@NotNull @Size(max = 256) String currentPassword,
        @NotNull @Size(max = 256) String newPassword) {
}
