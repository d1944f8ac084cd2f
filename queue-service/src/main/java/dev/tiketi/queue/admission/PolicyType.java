package dev.tiketi.queue.admission;

/** How an event's waiting room lets people in. */
public enum PolicyType {
    /** A steady number of users per second (seed: 10/s). */
    FIXED_RATE,
    /** Keep at most N admitted shoppers at once; a slot returns when one finishes, leaves or expires. */
    CAPACITY
}
