package dev.tiketi.user.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record AgreementInput(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 32) String version,
        @NotNull Boolean agreed) {
}
