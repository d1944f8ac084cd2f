package dev.tiketi.reservation.admin;

import dev.tiketi.reservation.booking.ReservationStatus;
import dev.tiketi.web.problem.ApiException;
import dev.tiketi.web.time.ReportZone;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Admins' view of bookings (ADMIN only: /api/admin/** in the security chain). Buyers are looked up by user id:
 * reservation-service keeps no e-mail addresses — user-service resolves an address to an id
 * ({@code GET /api/admin/users?query=}), so personal data stays where it can be corrected and erased.
 */
@RestController
class AdminReservationController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ReservationLookup lookup;
    private final SalesReport sales;
    private final BookingsCsv csv;

    AdminReservationController(ReservationLookup lookup, SalesReport sales, BookingsCsv csv) {
        this.lookup = lookup;
        this.sales = sales;
        this.csv = csv;
    }

    @GetMapping("/api/admin/reservations")
    AdminPage<AdminReservationView> search(
            @RequestParam(required = false) UUID eventId,
            @RequestParam(required = false) UUID userId,
            @RequestParam(name = "status", required = false) List<String> statuses,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalidField("from", "Range", "must be before to");
        }
        return lookup.page(ReservationFilter.of(eventId, userId, statuses(statuses), from, to), page, size);
    }

    private static List<ReservationStatus> statuses(List<String> names) {
        if (names == null) {
            return List.of();
        }
        try {
            return names.stream().map(String::strip).map(ReservationStatus::valueOf).toList();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("status", "TypeMismatch",
                    "one or more of " + Arrays.toString(ReservationStatus.values()));
        }
    }

    @GetMapping("/api/admin/reservations/{id}")
    AdminReservationView detail(@PathVariable UUID id) {
        return lookup.detail(id);
    }

    /** Sales today and over a period, per day and per hour, in {@code tz} (an IANA region such as Asia/Seoul). */
    @GetMapping("/api/admin/reservations/sales")
    SalesDashboard sales(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) String tz,
                         @RequestParam(required = false) UUID eventId) {
        return sales.dashboard(ReportZone.parse(tz), from, to, eventId);
    }

    /** Every booking (every reservation with its seats, whatever its status) of the event, as a CSV download. */
    @GetMapping("/api/admin/reservations/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam UUID eventId) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("reservations-" + eventId + ".csv").build().toString())
                .body(out -> csv.write(eventId, out));
    }
}
