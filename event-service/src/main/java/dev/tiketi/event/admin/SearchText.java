package dev.tiketi.event.admin;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code events.search_text} holds: title, artist, venue name and city, lower-cased and with runs of
 * blanks collapsed, so that a trigram or substring match works the same whichever side wrote it. Every
 * write of an event or of its venue goes through here.
 */
public final class SearchText {

    private SearchText() {
    }

    public static String of(String title, String artist, String venueName, String city) {
        return Stream.of(title, artist, venueName, city)
                .filter(Objects::nonNull)
                .map(part -> part.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
    }
}
