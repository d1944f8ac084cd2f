package dev.tiketi.user.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The password is checked by {@link PasswordPolicy}, which needs the email too; only its presence is checked here. */
public record RegisterRequest(
        @NotBlank @Size(max = 254) @Email(regexp = ".+@.+\\..+") String email,
        @NotNull @Size(max = 256) String password,
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Pattern(regexp = PhoneNumbers.PATTERN) String phone,
        @NotNull @Size(max = 10) List<@NotNull @Valid AgreementInput> agreements) {
}
