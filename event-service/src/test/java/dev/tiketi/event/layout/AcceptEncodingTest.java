package dev.tiketi.event.layout;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptEncodingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "gzip, deflate, br, zstd | true",
            "GZIP                    | true",
            "br;q=1.0, gzip;q=0.8    | true",
            "x-gzip                  | true",
            "*                       | true",
            "NULL                    | false",
            "''                      | false",
            "identity                | false",
            "br, deflate             | false",
            "gzip;q=0                | false",
            "gzip; q=0.000           | false",
            "*;q=0                   | false",
            "gzip;q=0, *             | false",
            "*, gzip;q=0             | false",
            "identity, *;q=0.5       | true"})
    void gzipIsAcceptedWhenListedOrCoveredByAWildcardWithoutQualityZero(String header, boolean accepted) {
        assertThat(AcceptEncoding.acceptsGzip(header)).isEqualTo(accepted);
    }
}
