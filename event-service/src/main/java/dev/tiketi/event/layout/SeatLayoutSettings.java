package dev.tiketi.event.layout;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * @param maxCached how many gzipped layouts' bytes an instance keeps (a 50,000-seat layout is about 1 MB);
 *                  the least used are rebuilt from the database when asked again
 * @param maxAge    how long a browser or CDN may reuse a layout without asking again; after that it
 *                  revalidates with its ETag and gets a 304
 */
@ConfigurationProperties("tiketi.seat-layout")
record SeatLayoutSettings(
        @DefaultValue("64MB") DataSize maxCached,
        @DefaultValue("60s") Duration maxAge) {
}
