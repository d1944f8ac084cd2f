package dev.tiketi.event.layout;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The seat layout of an event ({@link SeatLayoutDocument}), public and cacheable.
 *
 * <p>{@code Cache-Control: public, max-age=60, must-revalidate}: the layout of an event never changes, but a
 * deployment may add fields, so it is not marked immutable; for a minute a browser reopening the map and a
 * CDN facing a sale's opening rush reuse their copy without asking, after that they revalidate with the ETag
 * and get a 304 of a few hundred bytes instead of the megabyte (Spring MVC answers a GET whose If-None-Match
 * names the ETag of the response with 304 and no body). {@code Vary: Accept-Encoding} because the
 * gzipped and the plain answer are different representations with different ETags.
 */
@RestController
class SeatLayoutController {

    private final SeatLayouts layouts;
    private final CacheControl cacheControl;

    SeatLayoutController(SeatLayouts layouts, SeatLayoutSettings settings) {
        this.layouts = layouts;
        this.cacheControl = CacheControl.maxAge(settings.maxAge()).cachePublic().mustRevalidate();
    }

    @GetMapping("/api/events/{id}/seat-layout")
    ResponseEntity<byte[]> layout(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        EncodedSeatLayout layout = layouts.layout(id);
        boolean gzip = AcceptEncoding.acceptsGzip(acceptEncoding);
        String etag = gzip ? layout.gzipEtag() : layout.identityEtag();
        var response = ResponseEntity.ok().eTag(etag).cacheControl(cacheControl).varyBy(HttpHeaders.ACCEPT_ENCODING)
                .contentType(MediaType.APPLICATION_JSON);
        return gzip
                ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(layout.gzipped())
                : response.body(layout.json());
    }
}
