package dev.tiketi.event.browse;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTest {

    private static final Map<String, Set<String>> DICTIONARY = Map.of(
            "아이유", Set.of("iu"),
            "콘서트", Set.of("concert"),
            "오페라의 유령", Set.of("phantom of the opera"),
            "phantom of the opera", Set.of("오페라의 유령"),
            "olympic park", Set.of("올림픽공원"));

    @Test
    void normalisesCaseAndSpacing() {
        assertThat(SearchTerms.normalize("  IU\t Concert\n")).isEqualTo("iu concert");
        assertThat(SearchTerms.words("")).isEmpty();
    }

    @Test
    void candidatePhrasesAreRunsOfUpToFourWords() {
        assertThat(SearchTerms.candidatePhrases("a b c")).containsExactly("a", "a b", "a b c", "b", "b c", "c");
        assertThat(SearchTerms.candidatePhrases("a b c d e")).contains("a b c d", "b c d e").doesNotContain("a b c d e");
    }

    @Test
    void eachWordBecomesASegmentWithItsSynonyms() {
        assertThat(SearchTerms.segments("아이유 콘서트", DICTIONARY))
                .containsExactly(Set.of("아이유", "iu"), Set.of("콘서트", "concert"));
    }

    @Test
    void theLongestKnownPhraseWins() {
        assertThat(SearchTerms.segments("phantom of the opera busan", DICTIONARY))
                .containsExactly(Set.of("phantom of the opera", "오페라의 유령"), Set.of("busan"));
        assertThat(SearchTerms.segments("오페라의 유령", DICTIONARY))
                .containsExactly(Set.of("오페라의 유령", "phantom of the opera"));
        assertThat(SearchTerms.segments("near olympic park", DICTIONARY))
                .containsExactly(Set.of("near"), Set.of("olympic park", "올림픽공원"));
    }

    @Test
    void unknownWordsStandForThemselves() {
        assertThat(SearchTerms.segments("xylophone", DICTIONARY)).containsExactly(Set.of("xylophone"));
        assertThat(SearchTerms.segments("", DICTIONARY)).isEqualTo(List.of());
    }

    @Test
    void likeAndRegexMetacharactersAreEscaped() {
        assertThat(KeywordMatch.escapeLike("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
        assertThat(KeywordMatch.escapeRegex("a.b")).isEqualTo("a\\.b");
        assertThat(KeywordMatch.escapeRegex("(x)")).isEqualTo("\\(x\\)");
    }
}
