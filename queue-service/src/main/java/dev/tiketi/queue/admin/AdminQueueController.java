package dev.tiketi.queue.admin;

import dev.tiketi.queue.admission.PolicyType;
import dev.tiketi.queue.admission.QueuePolicies;
import dev.tiketi.web.problem.ApiException;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Admins watch a waiting room, pause and resume admissions and change the policy (ADMIN only, see SecurityConfig). */
@RestController
@RequestMapping("/api/admin/queue")
class AdminQueueController {

    /** One MGET of 60 keys per event: a dashboard of this many events stays one cheap call. */
    private static final int MAX_OVERVIEW_EVENTS = 100;

    private final QueuePolicies policies;
    private final QueueOverview overview;

    AdminQueueController(QueuePolicies policies, QueueOverview overview) {
        this.policies = policies;
        this.overview = overview;
    }

    /** The dashboard's waiting rooms: the given events ({@code eventId}, repeatable), or every one with people waiting. */
    @GetMapping("/overview")
    List<EventQueueFigures> overview(@RequestParam(name = "eventId", required = false) List<UUID> eventIds) {
        List<UUID> events = eventIds == null ? List.of() : eventIds.stream().distinct().toList();
        if (events.size() > MAX_OVERVIEW_EVENTS) {
            throw ApiException.invalidField("eventId", "Size", "at most " + MAX_OVERVIEW_EVENTS + " events");
        }
        return overview.overview(events);
    }

    @GetMapping("/{eventId}")
    QueueStats stats(@PathVariable UUID eventId) {
        var state = policies.current(eventId);
        double rate = state.paused() ? 0 : state.policy().type() == PolicyType.FIXED_RATE
                ? state.policy().ratePerSecond() : state.observedRate();
        return new QueueStats(policies.waiting(eventId), state.admittedTotal(), policies.active(eventId),
                state.policy(), state.paused(), rate);
    }

    @PostMapping("/{eventId}/pause")
    QueueStats pause(@PathVariable UUID eventId) {
        policies.pause(eventId, true);
        return stats(eventId);
    }

    @PostMapping("/{eventId}/resume")
    QueueStats resume(@PathVariable UUID eventId) {
        policies.pause(eventId, false);
        return stats(eventId);
    }

    @PutMapping("/{eventId}/policy")
    QueueStats policy(@PathVariable UUID eventId, @Valid @RequestBody PolicyRequest request) {
        policies.change(eventId, request.over(policies.current(eventId).policy()));
        return stats(eventId);
    }
}
