package dev.tiketi.queue.config;

import java.util.UUID;

/**
 * Every Redis key the waiting room uses, in one place because the Lua scripts build some of them too
 * (from {@link #PREFIX}). All live on one Redis node: the admission script touches per-user keys it
 * cannot declare up front, so the keys are deliberately not spread over a cluster.
 */
public final class QueueKeys {

    public static final String PREFIX = "queue:";
    /** Events whose waiting room has people in it: what the admission scheduler walks. */
    public static final String OPEN_QUEUES = PREFIX + "open";
    public static final String ADMISSION_LOCK = PREFIX + "admission-lock";
    /** Pub/sub channel: who a tick just admitted, so every instance can tell its own streams at once. */
    public static final String ADMISSIONS_CHANNEL = PREFIX + "admissions";

    /** Pub/sub channel: the id of an event whose waiting room was just closed for good. */
    public static final String CLOSED_CHANNEL = PREFIX + "closed";

    private QueueKeys() {
    }

    /** Waiting users of an event, scored by arrival time in microseconds. */
    public static String queue(UUID eventId) {
        return PREFIX + eventId;
    }

    /** The one event a user waits for. */
    public static String userQueue(UUID userId) {
        return PREFIX + "user:" + userId;
    }

    /**
     * The user's admission: {@code <token id>.<expiry epoch seconds>}, from which their signed token is made
     * (AdmissionTokens). Ending it early leaves the tombstone {@code BuyerTokens.admissionRevokedKey} (leave.lua).
     */
    public static String admitted(UUID eventId, UUID userId) {
        return PREFIX + "admitted:" + eventId + ":" + userId;
    }

    /** Admitted users holding a capacity slot, scored by when their admission expires (epoch ms). */
    public static String active(UUID eventId) {
        return PREFIX + "active:" + eventId;
    }

    public static String lastScore(UUID eventId) {
        return PREFIX + "last:" + eventId;
    }

    /** The last ticket handed out in the event's line: tickets are 1, 2, 3… in the order people entered. */
    public static String lastTicket(UUID eventId) {
        return PREFIX + "last-ticket:" + eventId;
    }

    /** The ticket of each waiting user of the event (userId to ticket), gone when they are admitted or leave. */
    public static String tickets(UUID eventId) {
        return PREFIX + "tickets:" + eventId;
    }

    /**
     * The highest ticket admitted so far: every waiting ticket at or below it has been let in, since the line is
     * admitted in ticket order. What the public progress figure is made of.
     */
    public static String servedThrough(UUID eventId) {
        return PREFIX + "served:" + eventId;
    }

    public static String policy(UUID eventId) {
        return PREFIX + "policy:" + eventId;
    }

    public static String stats(UUID eventId) {
        return PREFIX + "stats:" + eventId;
    }

    /** Set while an event's waiting room is closed for good; its value is why (e.g. {@code EVENT_CANCELLED}). */
    public static String closed(UUID eventId) {
        return PREFIX + "closed:" + eventId;
    }

    /** Admissions of an event in one minute ({@code epochMillis / 60,000}), kept a little over an hour. */
    public static String admissionsInMinute(UUID eventId, long epochMinute) {
        return PREFIX + "admissions:" + eventId + ":" + epochMinute;
    }
}
