package dev.tiketi.reservation.admin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * An event's bookings as CSV, one line per reserved seat, for Excel: UTF-8 with a byte-order mark (without it
 * Excel reads Korean titles as mojibake), CRLF line ends, RFC 4180 quoting. Rows are streamed from a database
 * cursor straight to the response ({@code fetchSize} rows at a time inside a read-only transaction, which is what
 * makes PostgreSQL's driver use a cursor), so a 50,000-seat event is never held in memory.
 */
@Component
class BookingsCsv {

    static final List<String> HEADER = List.of("reservation_id", "status", "cancel_reason", "user_id", "payment_id",
            "created_at", "confirmed_at", "cancelled_at", "refunded_at", "total_amount", "section", "row", "number",
            "grade", "price");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    BookingsCsv(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    void write(UUID eventId, OutputStream out) throws IOException {
        out.write(BOM);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        line(writer, HEADER);
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT r.id, r.status, r.cancel_reason, r.user_id, r.payment_id, r.created_at, r.confirmed_at,
                           r.cancelled_at, r.refunded_at, r.total_amount, s.section, s.row_label, s.number, s.grade,
                           s.price
                      FROM reservations r JOIN reservation_seats s ON s.reservation_id = r.id
                     WHERE r.event_id = ?
                     ORDER BY r.created_at, r.id, s.section, s.row_label, s.number""");
            statement.setFetchSize(FETCH_SIZE);
            statement.setObject(1, eventId);
            return statement;
        }, (RowCallbackHandler) rs -> row(writer, rs)));
        writer.flush();
    }

    private static void row(Writer writer, ResultSet rs) throws SQLException {
        try {
            line(writer, List.of(text(rs.getString(1)), text(rs.getString(2)), text(rs.getString(3)),
                    text(rs.getString(4)), text(rs.getString(5)), time(rs, 6), time(rs, 7), time(rs, 8), time(rs, 9),
                    Long.toString(rs.getLong(10)), text(rs.getString(11)), text(rs.getString(12)),
                    Integer.toString(rs.getInt(13)), text(rs.getString(14)), Long.toString(rs.getLong(15))));
        } catch (IOException e) {
            // the client went away: stop reading the cursor
            throw new UncheckedIOException(e);
        }
    }

    private static void line(Writer writer, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quoted(fields.get(i)));
        }
        writer.write("\r\n");
    }

    /** RFC 4180; a text cell starting like a formula is prefixed with {@code '} so Excel shows it as text. */
    static String quoted(String value) {
        String cell = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? "" : value.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    }
}
