package dev.tiketi.payment.request;

import dev.tiketi.payment.core.PaymentStatus;
import dev.tiketi.payment.core.PaymentView;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * {@code POST /api/payments}: 201 with the payment when this request made it and the PG decided (SUCCESS or
 * FAILED — a decline is a payment too), 202 while it is PENDING (the PG's answer was lost or late;
 * reconciliation settles it), 200 when the key repeats an existing payment.
 */
@RestController
class PaymentController {

    private final PaymentRequests payments;

    PaymentController(PaymentRequests payments) {
        this.payments = payments;
    }

    @PostMapping("/api/payments")
    ResponseEntity<PaymentView> pay(@AuthenticationPrincipal Jwt jwt,
                                    @RequestHeader(name = PaymentTokenClient.HEADER, required = false) String paymentToken,
                                    @Valid @RequestBody PaymentRequest request) {
        var outcome = payments.pay(UUID.fromString(jwt.getSubject()), paymentToken, request);
        var view = PaymentView.of(outcome.payment());
        HttpStatus status = outcome.payment().status() == PaymentStatus.PENDING ? HttpStatus.ACCEPTED
                : outcome.created() ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).location(URI.create("/api/payments/" + view.id())).body(view);
    }
}
