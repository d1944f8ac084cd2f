package dev.tiketi.user.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Access is restricted to ADMIN by the security filter chain (/api/admin/**). */
@RestController
class AdminUserController {

    private final UserDirectory directory;

    AdminUserController(UserDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/admin/users")
    UserPage list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return directory.page(page, size);
    }
}
