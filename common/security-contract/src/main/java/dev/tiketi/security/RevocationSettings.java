package dev.tiketi.security;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a {@link RevocationMirror} follows the revocations ({@code tiketi.security.revocations.*}, read by the
 * services and the gateway alike).
 *
 * @param pollInterval how often the revocation stream is read
 * @param maxStaleness the longest a revocation may go unseen: past it without a successful read, Redis is asked
 *                     per request
 * @param resyncEvery  how often all revocations are copied afresh (dropping the expired ones)
 */
public record RevocationSettings(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("1500ms") Duration maxStaleness,
        @DefaultValue("5m") Duration resyncEvery) {
}
