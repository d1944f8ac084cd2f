package dev.tiketi.event.browse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Expands text through the Korean/English dictionary in {@code search_keywords}: for a search query into
 * segments of alternatives ({@link SearchTerms#segments}), and for an event's own text into that text plus
 * the synonyms of every phrase in it, so that the event can also be found by the other language's name.
 * Only the phrases of the text are looked up (primary-key probes), never the whole dictionary.
 */
@Component
public class KeywordExpansion {

    private final JdbcClient jdbc;

    public KeywordExpansion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Segments of alternatives for a search keyword; empty for a blank one. */
    public List<Set<String>> expand(String keyword) {
        String normalized = SearchTerms.normalize(keyword);
        return SearchTerms.segments(normalized, synonymsOf(SearchTerms.candidatePhrases(normalized)));
    }

    /**
     * The normalised text followed by the synonyms of its phrases in the order of the phrases, e.g.
     * "IU Concert" gives "iu concert 아이유 공연 콘서트": what an event's {@code search_text} can hold to be
     * found in both languages.
     */
    public String withSynonyms(String text) {
        String normalized = SearchTerms.normalize(text);
        Set<String> phrases = SearchTerms.candidatePhrases(normalized);
        Map<String, Set<String>> known = synonymsOf(phrases);
        Set<String> synonyms = new LinkedHashSet<>();
        phrases.forEach(phrase -> synonyms.addAll(known.getOrDefault(phrase, Set.of())));
        synonyms.removeIf(synonym -> (" " + normalized + " ").contains(" " + synonym + " "));
        return synonyms.isEmpty() ? normalized : normalized + " " + String.join(" ", synonyms);
    }

    private Map<String, Set<String>> synonymsOf(Set<String> phrases) {
        Map<String, Set<String>> synonyms = new TreeMap<>();
        if (phrases.isEmpty()) {
            return synonyms;
        }
        jdbc.sql("SELECT term, synonym FROM search_keywords WHERE term IN (:phrases) ORDER BY term, synonym")
                .param("phrases", List.copyOf(phrases))
                .query((rs, rowNum) -> Map.entry(rs.getString("term"), rs.getString("synonym")))
                .list()
                .forEach(entry -> synonyms.computeIfAbsent(entry.getKey(), term -> new LinkedHashSet<>())
                        .add(entry.getValue()));
        return synonyms;
    }
}
