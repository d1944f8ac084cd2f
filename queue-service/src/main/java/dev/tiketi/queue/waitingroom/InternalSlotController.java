package dev.tiketi.queue.waitingroom;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * For reservation-service only (the gateway never routes /internal). Tokens need no endpoint here: the buyer's
 * admission token is signed and checked where it is shown (dev.tiketi.serviceauth.BuyerTokens).
 */
@RestController
class InternalSlotController {

    private final WaitingRoom waitingRoom;

    InternalSlotController(WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
    }

    record ReleaseSlot(@NotNull UUID userId) {
    }

    /** The user paid or gave up their hold: their admission ends (its token is refused) and a capacity slot returns. */
    @PostMapping("/internal/queue/{eventId}/slots/release")
    ResponseEntity<Void> releaseSlot(@PathVariable UUID eventId, @Valid @RequestBody ReleaseSlot request) {
        waitingRoom.leave(eventId, request.userId());
        return ResponseEntity.noContent().build();
    }
}
