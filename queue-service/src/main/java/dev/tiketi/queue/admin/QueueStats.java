package dev.tiketi.queue.admin;

import dev.tiketi.queue.admission.AdmissionPolicy;

/**
 * An event's waiting room at a glance. {@code admitted} counts every admission ever issued; {@code active}
 * those not yet finished or expired. {@code admissionsPerSecond} is what the policy lets in now: the fixed
 * rate, or for a CAPACITY policy the rate observed over the last few seconds; 0 while paused.
 */
record QueueStats(long waiting, long admitted, long active, AdmissionPolicy policy, boolean paused,
                  double admissionsPerSecond) {
}
