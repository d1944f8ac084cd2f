package dev.tiketi.web.time;

import dev.tiketi.web.problem.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportZoneTest {

    @Test
    void absentIsSeoulAndRegionsAreKept() {
        assertThat(ReportZone.parse(null)).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(ReportZone.parse(" ")).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(ReportZone.parse("Europe/Berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Z", "+00:00", "Etc/UTC"})
    void everySpellingOfUtcIsUtc(String tz) {
        assertThat(ReportZone.parse(tz)).isEqualTo(ZoneId.of("UTC"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+09:00", "UTC+9", "Mars/Olympus", "Seoul"})
    void offsetsAndUnknownZonesAreRefused(String tz) {
        assertThatThrownBy(() -> ReportZone.parse(tz)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("validation-failed"));
    }
}
