package dev.tiketi.event.browse;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.event.browse.CatalogFixtures.VenueRow;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class KeywordSearchTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KeywordExpansion expansion;

    CatalogApi api;
    VenueRow venue;
    UUID iuConcert;
    UUID lesMiserables;
    UUID phantom;
    UUID stadiumMatch;
    UUID wicked;

    @BeforeEach
    void setUp() {
        api = new CatalogApi(port);
        CatalogFixtures fixtures = new CatalogFixtures(jdbc);
        venue = fixtures.venue("Search Hall", "Seoul");
        iuConcert = fixtures.insert(fixtures.event(venue, "IU Concert: The Golden Hour").artist("IU"));
        lesMiserables = fixtures.insert(fixtures.event(venue, "레미제라블").artist("레미제라블 컴퍼니").category("MUSICAL"));
        phantom = fixtures.insert(fixtures.event(venue, "뮤지컬 오페라의 유령").artist("오리지널 팀").category("MUSICAL"));
        stadiumMatch = fixtures.insert(fixtures.event(venue, "Stadium Derby").artist("FC Seoul").category("SPORTS"));
        wicked = fixtures.insert(fixtures.event(venue, "Wicked Musical").artist("Broadway Cast").category("MUSICAL"));
    }

    @Test
    void koreanKeywordFindsAnEnglishTitle() {
        assertThat(search("아이유 콘서트")).containsExactly(iuConcert);
        assertThat(search("아이유")).containsExactly(iuConcert);
    }

    @Test
    void englishKeywordFindsAKoreanTitle() {
        assertThat(search("les miserables")).containsExactly(lesMiserables);
        assertThat(search("Phantom  of the Opera")).containsExactly(phantom);
    }

    @Test
    void sameLanguageKeywordsMatchAsBefore() {
        assertThat(search("iu")).containsExactly(iuConcert);
        assertThat(search("레미제라블")).containsExactly(lesMiserables);
        assertThat(search("WICKED")).containsExactly(wicked);
        assertThat(search("뮤지컬")).containsExactlyInAnyOrder(phantom, wicked);
    }

    @Test
    void smallTyposStillMatch() {
        assertThat(search("musicla")).containsExactly(wicked);
        assertThat(search("wickd")).containsExactly(wicked);
        assertThat(search("레미제러블")).containsExactly(lesMiserables);
        assertThat(search("concrt")).containsExactly(iuConcert);
    }

    @Test
    void unrelatedKeywordsFindNothing() {
        assertThat(search("xylophone")).isEmpty();
        assertThat(search("아이유 뮤지컬")).isEmpty();
        assertThat(search("bts")).isEmpty();
    }

    @Test
    void shortLatinTermsMatchWholeWordsOnly() {
        // "iu" is inside "stadium" but is not a word there
        assertThat(search("iu")).doesNotContain(stadiumMatch);
        assertThat(search("fc")).containsExactly(stadiumMatch);
    }

    @Test
    void keywordCombinesWithOtherFilters() {
        assertThat(search("musical", "&category=MUSICAL")).containsExactlyInAnyOrder(phantom, wicked);
        assertThat(search("뮤지컬", "&status=ENDED")).isEmpty();
    }

    @Test
    void eventTextCanCarryTheSynonymsOfItsPhrases() {
        assertThat(expansion.withSynonyms("IU  Concert at Olympic Park")).isEqualTo(
                "iu concert at olympic park 아이유 공연 콘서트 올림픽공원");
        assertThat(expansion.withSynonyms("Nothing known here")).isEqualTo("nothing known here");
    }

    private List<UUID> search(String keyword) {
        return search(keyword, "");
    }

    private List<UUID> search(String keyword, String more) {
        HttpResponse<String> response = api.get("/api/events?venueId=" + venue.id() + more + "&keyword="
                + URLEncoder.encode(keyword, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.<List<String>>read(response.body(), "$.items[*].id").stream().map(UUID::fromString).toList();
    }
}
