package dev.tiketi.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** A count that is expensive to take (it asks the broker), taken at most once per {@code refresh}; NaN when it cannot be taken. */
final class CachedCount implements Supplier<Number> {

    private static final Logger log = LoggerFactory.getLogger(CachedCount.class);

    private final Supplier<Long> source;
    private final Duration refresh;
    private double value = Double.NaN;
    private Instant validUntil = Instant.MIN;

    CachedCount(Supplier<Long> source, Duration refresh) {
        this.source = source;
        this.refresh = refresh;
    }

    @Override
    public synchronized Number get() {
        Instant now = Instant.now();
        if (now.isBefore(validUntil)) {
            return value;
        }
        try {
            value = source.get();
        } catch (RuntimeException e) {
            log.debug("Count unavailable: {}", e.toString());
            value = Double.NaN;
        }
        validUntil = now.plus(refresh);
        return value;
    }
}
