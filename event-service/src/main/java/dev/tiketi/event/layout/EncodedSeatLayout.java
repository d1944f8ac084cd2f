package dev.tiketi.event.layout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A seat layout document ready to send: its JSON gzipped once, and one strong entity tag per representation.
 * The tag is a hash of the JSON, so every instance that builds the same document gives the same tag; the gzip
 * representation's tag differs from the identity one's because their bytes differ (RFC 9110 8.8.3).
 */
record EncodedSeatLayout(byte[] gzipped, String identityEtag, String gzipEtag) {

    static EncodedSeatLayout of(byte[] json) {
        String hash = hash(json);
        return new EncodedSeatLayout(gzip(json), "\"" + hash + "\"", "\"" + hash + "-gzip\"");
    }

    /** The plain JSON, for the rare client that does not accept gzip. */
    byte[] json() {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] json) {
        var bytes = new ByteArrayOutputStream(json.length / 2);
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String hash(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
