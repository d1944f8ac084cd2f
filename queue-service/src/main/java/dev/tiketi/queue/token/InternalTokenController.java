package dev.tiketi.queue.token;

import dev.tiketi.queue.waitingroom.WaitingRoom;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** For reservation- and payment-service only: the gateway never routes /internal. */
@RestController
class InternalTokenController {

    private final QueueTokens tokens;
    private final WaitingRoom waitingRoom;

    InternalTokenController(QueueTokens tokens, WaitingRoom waitingRoom) {
        this.tokens = tokens;
        this.waitingRoom = waitingRoom;
    }

    @PostMapping("/internal/queue/tokens/validate")
    TokenCheck validate(@Valid @RequestBody TokenRequests.Validate request) {
        return tokens.validate(request.token(), request.userId(), request.eventId());
    }

    @PostMapping("/internal/queue/tokens/payment")
    TokenRequests.PaymentToken payment(@Valid @RequestBody TokenRequests.IssuePayment request) {
        return tokens.issuePayment(request.admissionToken(), request.userId(), request.eventId());
    }

    /** reservation-service rebuilding Redis: the payment token of a hold that is still live. */
    @PostMapping("/internal/queue/tokens/payment/restore")
    TokenRequests.Restored restorePayment(@Valid @RequestBody TokenRequests.RestorePayment request) {
        return new TokenRequests.Restored(tokens.restorePayment(request.paymentToken(), request.userId(),
                request.eventId(), request.expiresAt()));
    }

    @PostMapping("/internal/queue/tokens/revoke")
    ResponseEntity<Void> revoke(@Valid @RequestBody TokenRequests.Revoke request) {
        tokens.revoke(request.token());
        return ResponseEntity.noContent().build();
    }

    /** The user paid or gave up their hold: their admission ends and a capacity slot returns. */
    @PostMapping("/internal/queue/{eventId}/slots/release")
    ResponseEntity<Void> releaseSlot(@PathVariable UUID eventId, @Valid @RequestBody TokenRequests.ReleaseSlot request) {
        waitingRoom.leave(eventId, request.userId());
        return ResponseEntity.noContent().build();
    }
}
