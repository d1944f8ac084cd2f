package dev.tiketi.event.sales;

import dev.tiketi.event.status.EventStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The dashboard's sell-through (ADMIN only: /api/admin/** in the security chain). */
@RestController
class AdminSellThroughController {

    private final SellThroughQueries queries;

    AdminSellThroughController(SellThroughQueries queries) {
        this.queries = queries;
    }

    /** Events in {@code status} (repeatable; default ON_SALE and SOLD_OUT), soonest first, totals only. */
    @GetMapping("/api/admin/events/sell-through")
    List<SellThrough> list(@RequestParam(name = "status", required = false) List<EventStatus> statuses,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        List<EventStatus> wanted = statuses == null || statuses.isEmpty()
                ? List.of(EventStatus.ON_SALE, EventStatus.SOLD_OUT) : statuses;
        return queries.list(wanted.stream().map(Enum::name).distinct().toList(), limit);
    }

    /** One event with its grades. */
    @GetMapping("/api/admin/events/{id}/sell-through")
    SellThrough event(@PathVariable UUID id) {
        return queries.ofEvent(id);
    }
}
