package dev.tiketi.web.time;

import dev.tiketi.web.problem.ApiException;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time zone an admin report groups days and hours in: the {@code tz} request parameter, Asia/Seoul when
 * absent. Only IANA region ids (and UTC) are taken: PostgreSQL reads a bare offset such as {@code +09:00} as a
 * POSIX zone, east and west swapped, so an offset could silently shift every figure by 18 hours.
 */
public final class ReportZone {

    public static final ZoneId DEFAULT = ZoneId.of("Asia/Seoul");

    private ReportZone() {
    }

    /** @throws ApiException 400 {@code validation-failed} on field {@code tz} */
    public static ZoneId parse(String tz) {
        if (tz == null || tz.isBlank()) {
            return DEFAULT;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(tz.strip());
        } catch (DateTimeException e) {
            throw ApiException.invalidField("tz", "TimeZone", "not a known time zone, e.g. Asia/Seoul");
        }
        if (zone.normalized() instanceof ZoneOffset offset) {
            if (offset.getTotalSeconds() == 0) {
                return ZoneId.of("UTC");
            }
            throw ApiException.invalidField("tz", "TimeZone", "use a region id such as Asia/Seoul, not an offset");
        }
        return zone;
    }
}
