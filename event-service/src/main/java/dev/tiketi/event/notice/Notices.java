package dev.tiketi.event.notice;

import dev.tiketi.web.problem.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The news pages: administrators write notices, everyone reads them, each read is counted. */
@Service
public class Notices {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Notices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Published at once: a notice has no draft state. */
    @Transactional
    public Notice create(NoticeRequest request, UUID authorId) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        jdbc.sql("""
                        INSERT INTO notices (id, title, body, pinned, author_id, published_at, created_at, updated_at)
                        VALUES (:id, :title, :body, :pinned, :author, :now, :now, :now)""")
                .param("id", id).param("title", request.title().strip()).param("body", request.body())
                .param("pinned", request.isPinned()).param("author", authorId).param("now", now)
                .update();
        return find(id);
    }

    /** Keeps the publication time and the view count; the author stays the one who wrote it first. */
    @Transactional
    public Notice update(UUID id, NoticeRequest request) {
        int updated = jdbc.sql("""
                        UPDATE notices SET title = :title, body = :body, pinned = :pinned, updated_at = :now
                        WHERE id = :id""")
                .param("id", id).param("title", request.title().strip()).param("body", request.body())
                .param("pinned", request.isPinned()).param("now", now())
                .update();
        if (updated == 0) {
            throw notFound(id);
        }
        return find(id);
    }

    @Transactional
    public void delete(UUID id) {
        if (jdbc.sql("DELETE FROM notices WHERE id = :id").param("id", id).update() == 0) {
            throw notFound(id);
        }
    }

    /** Pinned first, then newest first; count and page from one snapshot. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public NoticePage page(int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM notices").query(Long.class).single();
        List<NoticeSummary> items = jdbc.sql("""
                        SELECT id, title, pinned, view_count, published_at FROM notices
                        ORDER BY pinned DESC, published_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, rowNum) -> new NoticeSummary(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getBoolean("pinned"), rs.getLong("view_count"), instant(rs, "published_at")))
                .list();
        return new NoticePage(items, page, size, total, (total + size - 1) / size);
    }

    /**
     * Counts the view and reads the notice in one statement: the increment happens in the row under its
     * lock, so concurrent views are all counted, and the reader sees the count including their own view.
     */
    @Transactional
    public Notice view(UUID id) {
        return jdbc.sql("""
                        UPDATE notices SET view_count = view_count + 1 WHERE id = :id
                        RETURNING id, title, body, pinned, view_count, published_at, updated_at""")
                .param("id", id)
                .query((rs, rowNum) -> notice(rs))
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    private Notice find(UUID id) {
        return jdbc.sql("SELECT id, title, body, pinned, view_count, published_at, updated_at FROM notices WHERE id = :id")
                .param("id", id)
                .query((rs, rowNum) -> notice(rs))
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Notice notice(ResultSet rs) throws SQLException {
        return new Notice(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("body"),
                rs.getBoolean("pinned"), rs.getLong("view_count"), instant(rs, "published_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("notice-not-found", "No notice has id " + id + ".");
    }
}
