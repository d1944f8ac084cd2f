package dev.tiketi.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the outbox relay publishes ({@code tiketi.outbox.*}).
 *
 * @param pollInterval   how often the relay looks for rows nobody woke it for (written by another instance,
 *                       or left by a failed send); rows this instance commits wake it at once
 * @param batchSize      rows claimed per transaction
 * @param sendTimeout    how long a batch waits for the broker's acknowledgements before it is rolled back and
 *                       tried again
 * @param failureBackoff pause after a failed batch, so an unreachable broker is not hammered
 * @param retention      how long published rows are kept (for inspection) before they are deleted
 * @param gatherWindow   how long the relay waits, once a commit woke it, before it claims: the rows other
 *                       transactions commit meanwhile go out in the same batch. Under a sale's load that is one
 *                       claim, one update, one commit and one produce request for several events instead of for
 *                       each (a batch was about one hold); it adds at most this much to an event's way out.
 *                       Zero claims at once.
 */
@ConfigurationProperties("tiketi.outbox")
public record OutboxProperties(
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("1s") Duration failureBackoff,
        @DefaultValue("1d") Duration retention,
        @DefaultValue("20ms") Duration gatherWindow) {

    public OutboxProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("tiketi.outbox.batch-size must be at least 1");
        }
        if (gatherWindow.isNegative()) {
            throw new IllegalArgumentException("tiketi.outbox.gather-window must not be negative");
        }
    }
}
