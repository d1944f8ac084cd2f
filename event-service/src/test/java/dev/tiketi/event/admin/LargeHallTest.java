package dev.tiketi.event.admin;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.event.CatalogIntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A stadium: 250 rows of 200 seats. Creation time is logged for the record, not asserted. */
class LargeHallTest extends CatalogIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(LargeHallTest.class);

    @Test
    void aFiftyThousandSeatEventGetsEverySeat() {
        String hallId = createHall(createVenue(), stadiumTemplate());

        long started = System.nanoTime();
        var response = post("/api/admin/events", eventJson(hallId, unique("Stadium Tour"), inDays(1)), admin);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertStatus(response, 201);
        log.info("Creating a 50,000-seat event over HTTP took {} ms", millis);
        String id = id(response);
        assertThat(JsonPath.<Integer>read(response.body(), "$.seatCount")).isEqualTo(50_000);
        List<Map<String, Object>> perGrade = jdbc.queryForList("""
                SELECT grade, count(*) AS seats, count(DISTINCT price) AS prices, min(price) AS price,
                       count(DISTINCT (section, row_label, number)) AS positions
                  FROM seats WHERE event_id = ?::uuid GROUP BY grade ORDER BY grade""", id);
        assertThat(perGrade).extracting(row -> row.get("grade") + ":" + row.get("seats") + ":" + row.get("prices")
                        + ":" + row.get("price") + ":" + row.get("positions"))
                .containsExactly("A:20000:1:99000:20000", "R:10000:1:165000:10000", "S:10000:1:132000:10000",
                        "VIP:10000:1:198000:10000");
        assertThat(jdbc.queryForObject("SELECT max(number) FROM seats WHERE event_id = ?::uuid", Integer.class, id))
                .isEqualTo(200);

        // announced in 25 parts of 2,000 seats, each record far below Kafka's 1 MB limit, every seat once
        List<Map<String, Object>> parts = jdbc.queryForList("""
                SELECT (envelope->'payload'->>'part')::int AS part, (envelope->'payload'->>'parts')::int AS parts,
                       jsonb_array_length(envelope->'payload'->'seats') AS seats, octet_length(envelope::text) AS bytes
                  FROM outbox WHERE aggregate_id = ?::uuid AND event_type = 'SeatsGenerated' ORDER BY id""", id);
        assertThat(parts).hasSize(25);
        assertThat(parts).extracting(part -> part.get("part")).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.get("parts")).isEqualTo(25);
            assertThat(part.get("seats")).isEqualTo(2_000);
            assertThat((Integer) part.get("bytes")).isLessThan(400_000);
        });
        assertThat(jdbc.queryForObject("""
                SELECT count(DISTINCT seat->>'seatId') FROM outbox,
                       jsonb_array_elements(envelope->'payload'->'seats') AS seat
                 WHERE aggregate_id = ?::uuid AND event_type = 'SeatsGenerated'""", Integer.class, id)).isEqualTo(50_000);
    }
}
