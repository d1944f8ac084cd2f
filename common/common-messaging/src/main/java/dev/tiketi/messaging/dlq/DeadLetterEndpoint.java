package dev.tiketi.messaging.dlq;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /actuator/dlq}: dead letters waiting per consumed topic; {@code POST /actuator/dlq/{topic}}:
 * replays this service's dead letters of that topic (see {@link DeadLetterTopics}). On the actuator, which
 * the gateway does not route: an operator's tool.
 */
@Endpoint(id = "dlq")
public class DeadLetterEndpoint {

    private final DeadLetterTopics deadLetters;
    private final Supplier<Set<String>> consumedTopics;

    public DeadLetterEndpoint(DeadLetterTopics deadLetters, Supplier<Set<String>> consumedTopics) {
        this.deadLetters = deadLetters;
        this.consumedTopics = consumedTopics;
    }

    @ReadOperation
    public Map<String, Long> waiting() {
        Map<String, Long> waiting = new TreeMap<>();
        for (String topic : consumedTopics.get()) {
            waiting.put(topic, deadLetters.waiting(topic));
        }
        return waiting;
    }

    /** @return null (404) for a topic this service does not consume */
    @WriteOperation
    public DeadLetterTopics.Replay replay(@Selector String topic) {
        if (!consumedTopics.get().contains(topic)) {
            return null;
        }
        return deadLetters.replay(topic);
    }
}
