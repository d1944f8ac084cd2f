package dev.tiketi.event.browse;

import dev.tiketi.web.problem.ApiException;
import dev.tiketi.web.problem.FieldError;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventQueryParserTest {

    private static EventListParams params() {
        return new EventListParams(null, null, null, null, null, null, null, null, null, null);
    }

    private static EventListParams with(List<String> status, String category, String from, String to, String city,
            String venueId, String keyword, String sort, String page, String size) {
        return new EventListParams(status, category, from, to, city, venueId, keyword, sort, page, size);
    }

    @Test
    void defaultsListEverythingButCancelledByStartTime() {
        EventQuery query = EventQueryParser.parse(params());

        assertThat(query.statuses()).containsExactly("ENDED", "ON_SALE", "SOLD_OUT", "UPCOMING");
        assertThat(query.sort()).isEqualTo(EventSort.STARTS_AT);
        assertThat(query.page()).isZero();
        assertThat(query.size()).isEqualTo(20);
        assertThat(query.category()).isNull();
        assertThat(query.keyword()).isNull();
    }

    @Test
    void normalisesEquivalentSpellingsToOneQuery() {
        UUID venue = UUID.randomUUID();
        EventQuery a = EventQueryParser.parse(with(List.of("upcoming", "ON_SALE"), "concert", "2031-05-01", "2031-05-02",
                " Seoul ", venue.toString(), "  IU   Concert ", "-startsAt", "1", "10"));
        EventQuery b = EventQueryParser.parse(with(List.of("ON_SALE,UPCOMING", "upcoming"), "CONCERT",
                "2031-05-01T00:00:00Z", "2031-05-02T23:59:59.999999Z", "seoul", venue.toString(), "iu concert",
                "-startsAt", "1", "10"));

        assertThat(a).isEqualTo(b);
        assertThat(a.cacheKey()).isEqualTo(b.cacheKey());
        assertThat(a.statuses()).containsExactly("ON_SALE", "UPCOMING");
        assertThat(a.keyword()).isEqualTo("iu concert");
        assertThat(a.city()).isEqualTo("seoul");
        assertThat(a.offset()).isEqualTo(10);
    }

    @Test
    void datesCoverWholeUtcDaysAndInstantsAreInclusive() {
        EventQuery days = EventQueryParser.parse(with(null, null, "2031-05-01", "2031-05-01", null, null, null, null, null, null));
        assertThat(days.startsFrom()).isEqualTo(Instant.parse("2031-05-01T00:00:00Z"));
        assertThat(days.startsBefore()).isEqualTo(Instant.parse("2031-05-02T00:00:00Z"));

        EventQuery instants = EventQueryParser.parse(with(null, null, "2031-05-01T19:00:00+09:00",
                "2031-05-01T10:00:00Z", null, null, null, null, null, null));
        assertThat(instants.startsFrom()).isEqualTo(Instant.parse("2031-05-01T10:00:00Z"));
        assertThat(instants.startsBefore()).isEqualTo(Instant.parse("2031-05-01T10:00:00.000001Z"));
    }

    @Test
    void everyDimensionChangesTheCacheKey() {
        EventQuery base = EventQueryParser.parse(params());
        List<EventListParams> variations = List.of(
                with(List.of("ON_SALE"), null, null, null, null, null, null, null, null, null),
                with(null, "MUSICAL", null, null, null, null, null, null, null, null),
                with(null, null, "2031-01-01", null, null, null, null, null, null, null),
                with(null, null, null, "2031-01-01", null, null, null, null, null, null),
                with(null, null, null, null, "busan", null, null, null, null, null),
                with(null, null, null, null, null, UUID.randomUUID().toString(), null, null, null, null),
                with(null, null, null, null, null, null, "bts", null, null, null),
                with(null, null, null, null, null, null, null, "title", null, null),
                with(null, null, null, null, null, null, null, null, "1", null),
                with(null, null, null, null, null, null, null, null, null, "21"));

        List<String> keys = variations.stream().map(EventQueryParser::parse).map(EventQuery::cacheKey).toList();

        assertThat(keys).doesNotContain(base.cacheKey()).doesNotHaveDuplicates();
    }

    @Test
    void aValueCannotPassItselfOffAsAnotherField() {
        EventQuery sneaky = EventQueryParser.parse(with(null, null, null, null, "seoul&keyword=bts", null, null, null, null, null));
        EventQuery honest = EventQueryParser.parse(with(null, null, null, null, "seoul", null, "bts", null, null, null));

        assertThat(sneaky.cacheKey()).isNotEqualTo(honest.cacheKey());
    }

    @Test
    void collectsEveryBadValue() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> EventQueryParser.parse(with(
                List.of("ON_SALE", "SOON"), "OPERA", "2031-05-03", "2031-05-01", null, "123", null, "price", "-1", "0")));

        assertThat(e.status().value()).isEqualTo(400);
        assertThat(e.toProblem().getProperties().get("errors")).asInstanceOf(
                InstanceOfAssertFactories.list(FieldError.class))
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("status", "category", "to", "venueId", "sort", "page", "size");
    }

    @Test
    void sizeAndPageHaveBounds() {
        assertThat(EventQueryParser.parse(with(null, null, null, null, null, null, null, null, "10000", "100")).size())
                .isEqualTo(100);
        for (String[] bad : new String[][] {{"0", "101"}, {"10001", "1"}, {"x", "1"}, {"0", "2147483648"}}) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> EventQueryParser.parse(
                    with(null, null, null, null, null, null, null, null, bad[0], bad[1])));
            assertThat(e).as(String.join(",", bad)).isNotNull();
        }
    }
}
