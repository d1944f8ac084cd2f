package dev.tiketi.event.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Access is restricted to ADMIN by the security filter chain (/api/admin/**). */
@RestController
class AdminVenueController {

    private final VenueAdmin admin;

    AdminVenueController(VenueAdmin admin) {
        this.admin = admin;
    }

    @PostMapping("/api/admin/venues")
    @ResponseStatus(HttpStatus.CREATED)
    VenueView create(@Valid @RequestBody VenueRequest request) {
        return admin.create(request);
    }

    @GetMapping("/api/admin/venues")
    PageView<VenueView> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return admin.venues(page, size);
    }

    @GetMapping("/api/admin/venues/{id}")
    VenueView venue(@PathVariable UUID id) {
        return admin.venue(id);
    }

    @PutMapping("/api/admin/venues/{id}")
    VenueView update(@PathVariable UUID id, @Valid @RequestBody VenueRequest request) {
        return admin.update(id, request);
    }

    @DeleteMapping("/api/admin/venues/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        admin.deleteVenue(id);
    }

    @PostMapping("/api/admin/venues/{venueId}/halls")
    @ResponseStatus(HttpStatus.CREATED)
    HallView createHall(@PathVariable UUID venueId, @Valid @RequestBody HallRequest request) {
        return admin.createHall(venueId, request);
    }

    @GetMapping("/api/admin/venues/{venueId}/halls")
    List<HallView> halls(@PathVariable UUID venueId) {
        return admin.halls(venueId);
    }

    @GetMapping("/api/admin/halls/{id}")
    HallView hall(@PathVariable UUID id) {
        return admin.hall(id);
    }

    @PutMapping("/api/admin/halls/{id}")
    HallView updateHall(@PathVariable UUID id, @Valid @RequestBody HallRequest request) {
        return admin.updateHall(id, request);
    }

    @DeleteMapping("/api/admin/halls/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteHall(@PathVariable UUID id) {
        admin.deleteHall(id);
    }
}
