package dev.tiketi.user.admin;

import jakarta.validation.constraints.Size;

/** @param reason optional, shown to administrators only */
record LockRequest(@Size(max = 200) String reason) {
}
