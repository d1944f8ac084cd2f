package dev.tiketi.event.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one keyword alternative is matched against {@code events.search_text}; every condition can use the
 * trigram index {@code events_search_trgm_idx}.
 * <ul>
 *   <li>a substring (ILIKE), for any term of three characters or more and for every Korean term, since
 *       Korean attaches particles to words ("아이유의");</li>
 *   <li>a whole word (regex word boundaries) for short Latin terms, so that "iu" does not match "stadium";</li>
 *   <li>a word similar enough (pg_trgm {@code <%}) for terms of four characters or more, which forgives
 *       small typos ("musicla").</li>
 * </ul>
 */
final class KeywordMatch {

    static final int MIN_SUBSTRING_LENGTH = 3;
    static final int MIN_FUZZY_LENGTH = 4;

    private KeywordMatch() {
    }

    /** The alternative's conditions (to be OR-ed), with their parameters added under {@code name}. */
    static List<String> conditions(String term, String name, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (term.length() >= MIN_SUBSTRING_LENGTH || !isAscii(term)) {
            conditions.add("e.search_text ILIKE :" + name + "_like");
            params.put(name + "_like", "%" + escapeLike(term) + "%");
        } else {
            conditions.add("e.search_text ~ :" + name + "_word");
            params.put(name + "_word", "\\m" + escapeRegex(term) + "\\M");
        }
        if (term.length() >= MIN_FUZZY_LENGTH) {
            conditions.add(":" + name + "_fuzzy <% e.search_text");
            params.put(name + "_fuzzy", term);
        }
        return conditions;
    }

    static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String escapeRegex(String term) {
        return term.replaceAll("[\\\\.^$|?*+()\\[\\]{}-]", "\\\\$0");
    }

    private static boolean isAscii(String term) {
        return term.chars().allMatch(c -> c < 128);
    }
}
