package dev.tiketi.payment.query;

import dev.tiketi.payment.core.PaymentStatus;
import dev.tiketi.payment.core.PaymentView;
import dev.tiketi.web.problem.ApiException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** A buyer's payments, and the admin lookup over everyone's. */
@RestController
class PaymentQueryController {

    private final PaymentQueries queries;

    PaymentQueryController(PaymentQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/payments")
    PageView<PaymentView> mine(@AuthenticationPrincipal Jwt jwt,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.mine(UUID.fromString(jwt.getSubject()), page, size);
    }

    @GetMapping("/api/payments/{id}")
    PaymentView one(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return queries.findOwn(UUID.fromString(jwt.getSubject()), id)
                .orElseThrow(() -> ApiException.notFound("payment-not-found", "There is no such payment."));
    }

    @GetMapping("/api/admin/payments")
    PageView<PaymentView> search(@RequestParam(required = false) UUID reservationId,
                                 @RequestParam(required = false) UUID userId,
                                 @RequestParam(required = false) PaymentStatus status,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.search(new PaymentQueries.Filter(reservationId, userId, status), page, size);
    }
}
