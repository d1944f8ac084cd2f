package dev.tiketi.event.browse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param listTtl         how long a list page may be served from the cache; bounds staleness if an
 *                        invalidation is lost (Redis unreachable at the time)
 * @param detailTtl       the same for an event's detail
 * @param summaryTtl      the same for an event's per-grade seat summary
 * @param sharedMaxAge    how long a visitor, the gateway or a CDN may reuse a catalog read without asking again
 *                        ({@code Cache-Control: public, max-age}): how late a change may reach visitors
 * @param wordSimilarity  pg_trgm word similarity (0..1) above which a keyword word matches a word of an
 *                        event despite typos; 0.5 lets "musicla" find "musical" and keeps unrelated words out
 */
@ConfigurationProperties("tiketi.catalog")
public record BrowseSettings(
        @DefaultValue("30s") Duration listTtl,
        @DefaultValue("60s") Duration detailTtl,
        @DefaultValue("30s") Duration summaryTtl,
        @DefaultValue("1s") Duration sharedMaxAge,
        @DefaultValue("0.5") double wordSimilarity) {
}
