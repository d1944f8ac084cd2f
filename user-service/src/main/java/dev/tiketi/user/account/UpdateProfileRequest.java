package dev.tiketi.user.account;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Absent fields stay as they are. */
public record UpdateProfileRequest(@Size(min = 1, max = 50) @Pattern(regexp = ".*\\S.*") String name,
        @Pattern(regexp = PhoneNumbers.PATTERN) String phone) {
}
