package dev.tiketi.bench;

import java.time.Duration;

/** Sizing the feeders of Gatling's open injection profiles. */
final class OpenInjection {

    private OpenInjection() {
    }

    /**
     * How many users an open injection from {@code from}/s to {@code to}/s over {@code duration} starts, with a
     * margin: a queue feeder that runs dry stops the whole simulation.
     */
    static int arrivals(double from, double to, Duration duration) {
        return (int) Math.ceil((from + to) / 2 * duration.toSeconds() * 1.02) + 10;
    }
}
