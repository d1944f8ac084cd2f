package dev.tiketi.bench;

import java.time.Duration;

/** Waiting between polls of the platform during set-up or after a run, where an interrupt means: give up. */
final class Pause {

    private Pause() {
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the platform", e);
        }
    }
}
