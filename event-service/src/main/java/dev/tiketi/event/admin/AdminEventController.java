package dev.tiketi.event.admin;

import dev.tiketi.event.status.EventStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Access is restricted to ADMIN by the security filter chain (/api/admin/**). */
@RestController
class AdminEventController {

    private final EventAdmin admin;

    AdminEventController(EventAdmin admin) {
        this.admin = admin;
    }

    @PostMapping("/api/admin/events")
    @ResponseStatus(HttpStatus.CREATED)
    EventView create(@Valid @RequestBody EventRequest request) {
        return admin.create(request);
    }

    @GetMapping("/api/admin/events")
    PageView<EventView> list(@RequestParam(required = false) EventStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return admin.page(status, page, size);
    }

    @GetMapping("/api/admin/events/{id}")
    EventView event(@PathVariable UUID id) {
        return admin.event(id);
    }

    @PutMapping("/api/admin/events/{id}")
    EventView update(@PathVariable UUID id, @Valid @RequestBody EventRequest request) {
        return admin.update(id, request);
    }

    @PostMapping("/api/admin/events/{id}/cancel")
    EventView cancel(@PathVariable UUID id) {
        return admin.cancel(id);
    }

    @PostMapping("/api/admin/events/{id}/open-sale")
    EventView openSale(@PathVariable UUID id) {
        return admin.openSale(id);
    }

    @PostMapping("/api/admin/events/{id}/close-sale")
    EventView closeSale(@PathVariable UUID id) {
        return admin.closeSale(id);
    }
}
