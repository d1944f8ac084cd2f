package dev.tiketi.payment.admin;

import dev.tiketi.web.time.ReportZone;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/** A payment's details with its PG log, and the dashboard's payment outcomes (ADMIN only: /api/admin/**). */
@RestController
class AdminPaymentController {

    private final PaymentAdmin admin;

    AdminPaymentController(PaymentAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/api/admin/payments/{id}")
    AdminPaymentDetail detail(@PathVariable UUID id) {
        return admin.detail(id);
    }

    @GetMapping("/api/admin/payments/outcomes")
    PaymentOutcomes outcomes(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(required = false) String tz,
                             @RequestParam(required = false) UUID eventId) {
        return admin.outcomes(ReportZone.parse(tz), from, to, eventId);
    }
}
