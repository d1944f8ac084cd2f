package dev.tiketi.event.browse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text rules of keyword search, free of any database: how a keyword is normalised, which of its
 * phrases are looked up in the Korean/English dictionary, and how it splits into segments that must all
 * match, each through any of its alternatives.
 */
public final class SearchTerms {

    /** The longest dictionary phrase in words ("phantom of the opera"). */
    static final int MAX_PHRASE_WORDS = 4;

    private SearchTerms() {
    }

    /** Lower case (locale-neutral), trimmed, inner whitespace collapsed to one space. */
    public static String normalize(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    public static List<String> words(String normalized) {
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }

    /** Every run of one to {@link #MAX_PHRASE_WORDS} consecutive words: what the dictionary may know. */
    public static Set<String> candidatePhrases(String normalized) {
        List<String> words = words(normalized);
        Set<String> phrases = new LinkedHashSet<>();
        for (int start = 0; start < words.size(); start++) {
            for (int end = start + 1; end <= Math.min(words.size(), start + MAX_PHRASE_WORDS); end++) {
                phrases.add(String.join(" ", words.subList(start, end)));
            }
        }
        return phrases;
    }

    /**
     * Splits the keyword into segments, left to right, taking the longest phrase the dictionary knows at
     * each position ("오페라의 유령 부산" gives [오페라의 유령] [부산]); each segment comes with its
     * synonyms. An event matches when every segment matches through at least one of its alternatives, so
     * "아이유 콘서트" finds "IU Concert" and an extra word narrows the result rather than widening it.
     *
     * @param synonyms synonyms per dictionary phrase, for (at least) the keyword's candidate phrases
     */
    public static List<Set<String>> segments(String normalized, Map<String, Set<String>> synonyms) {
        List<String> words = words(normalized);
        List<Set<String>> segments = new ArrayList<>();
        int start = 0;
        while (start < words.size()) {
            int end = Math.min(words.size(), start + MAX_PHRASE_WORDS);
            while (end > start + 1 && !synonyms.containsKey(String.join(" ", words.subList(start, end)))) {
                end--;
            }
            String phrase = String.join(" ", words.subList(start, end));
            Set<String> alternatives = new LinkedHashSet<>();
            alternatives.add(phrase);
            alternatives.addAll(synonyms.getOrDefault(phrase, Set.of()));
            segments.add(alternatives);
            start = end;
        }
        return segments;
    }
}
