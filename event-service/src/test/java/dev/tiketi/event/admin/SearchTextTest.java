package dev.tiketi.event.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @Test
    void lowerCasesAndJoinsTitleArtistVenueAndCity() {
        assertThat(SearchText.of("  IU  Concert: The Golden Hour ", "IU", "KSPO DOME (올림픽체조경기장)", "Seoul"))
                .isEqualTo("iu concert: the golden hour iu kspo dome (올림픽체조경기장) seoul");
    }

    @Test
    void skipsMissingParts() {
        assertThat(SearchText.of("Title", null, "", "Busan")).isEqualTo("title busan");
    }
}
