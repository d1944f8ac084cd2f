package dev.tiketi.queue.admin;

import dev.tiketi.queue.admission.PolicyType;
import dev.tiketi.queue.admission.QueuePolicies;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Admins watch a waiting room, pause and resume admissions and change the policy (ADMIN only, see SecurityConfig). */
@RestController
@RequestMapping("/api/admin/queue/{eventId}")
class AdminQueueController {

    private final QueuePolicies policies;

    AdminQueueController(QueuePolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    QueueStats stats(@PathVariable UUID eventId) {
        var state = policies.current(eventId);
        double rate = state.paused() ? 0 : state.policy().type() == PolicyType.FIXED_RATE
                ? state.policy().ratePerSecond() : state.observedRate();
        return new QueueStats(policies.waiting(eventId), state.admittedTotal(), policies.active(eventId),
                state.policy(), state.paused(), rate);
    }

    @PostMapping("/pause")
    QueueStats pause(@PathVariable UUID eventId) {
        policies.pause(eventId, true);
        return stats(eventId);
    }

    @PostMapping("/resume")
    QueueStats resume(@PathVariable UUID eventId) {
        policies.pause(eventId, false);
        return stats(eventId);
    }

    @PutMapping("/policy")
    QueueStats policy(@PathVariable UUID eventId, @Valid @RequestBody PolicyRequest request) {
        policies.change(eventId, request.over(policies.current(eventId).policy()));
        return stats(eventId);
    }
}
