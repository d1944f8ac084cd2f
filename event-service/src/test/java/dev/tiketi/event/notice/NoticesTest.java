package dev.tiketi.event.notice;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.event.browse.CatalogApi;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import dev.tiketi.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tiketi.event.browse.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class NoticesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    CatalogApi api;
    UUID adminId;
    String admin;

    @BeforeEach
    void setUp() {
        api = new CatalogApi(port);
        adminId = UUID.randomUUID();
        admin = TestTokens.instance().admin(adminId);
    }

    @Test
    void anAdminPublishesEditsAndDeletesANotice() {
        var created = write("POST", "/api/admin/notices", "{\"title\":\"  Opening hours  \",\"body\":\"We open at 10.\"}", admin);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JsonPath.read(created.body(), "$.id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/notices/" + id);
        assertThat(JsonPath.<String>read(created.body(), "$.title")).isEqualTo("Opening hours");
        assertThat(JsonPath.<Boolean>read(created.body(), "$.pinned")).isFalse();
        assertThat(JsonPath.<Integer>read(created.body(), "$.viewCount")).isZero();
        assertThat(Instant.parse(JsonPath.read(created.body(), "$.publishedAt"))).isNotNull();
        assertThat(jdbc.queryForObject("SELECT author_id FROM notices WHERE id = ?::uuid", UUID.class, id)).isEqualTo(adminId);

        var updated = write("PUT", "/api/admin/notices/" + id, "{\"title\":\"Hours\",\"body\":\"At 9.\",\"pinned\":true}", admin);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(JsonPath.<Boolean>read(updated.body(), "$.pinned")).isTrue();

        var read = api.get("/api/notices/" + id);
        assertThat(JsonPath.<String>read(read.body(), "$.title")).isEqualTo("Hours");
        assertThat(JsonPath.<String>read(read.body(), "$.body")).isEqualTo("At 9.");
        assertThat(JsonPath.<String>read(read.body(), "$.publishedAt")).isEqualTo(JsonPath.read(created.body(), "$.publishedAt"));
        assertThat(read.body()).doesNotContain(adminId.toString());

        assertThat(write("DELETE", "/api/admin/notices/" + id, null, admin).statusCode()).isEqualTo(204);
        assertProblem(api.get("/api/notices/" + id), 404, "notice-not-found");
        assertProblem(write("DELETE", "/api/admin/notices/" + id, null, admin), 404, "notice-not-found");
        assertProblem(write("PUT", "/api/admin/notices/" + id, "{\"title\":\"x\",\"body\":\"y\"}", admin), 404,
                "notice-not-found");
    }

    @Test
    void theListShowsPinnedNoticesFirstThenTheNewest() {
        String older = createNotice("Older", false);
        String pinned = createNotice("Pinned", true);
        String newer = createNotice("Newer", false);
        jdbc.update("UPDATE notices SET published_at = published_at - interval '1 day' WHERE id = ?::uuid", older);

        var page = api.get("/api/notices?size=100");

        assertThat(page.statusCode()).isEqualTo(200);
        List<String> ids = JsonPath.read(page.body(), "$.items[*].id");
        assertThat(ids.indexOf(pinned)).isLessThan(ids.indexOf(newer));
        assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
        List<Boolean> pins = JsonPath.read(page.body(), "$.items[*].pinned");
        assertThat(pins.indexOf(false)).isGreaterThanOrEqualTo(0);
        assertThat(pins.subList(pins.indexOf(false), pins.size())).doesNotContain(true);
        assertThat(page.body()).doesNotContain("\"body\"");
        long total = jdbc.queryForObject("SELECT count(*) FROM notices", Long.class);
        assertThat(JsonPath.<Number>read(page.body(), "$.totalItems").longValue()).isEqualTo(total);

        var small = api.get("/api/notices?size=1&page=1");
        assertThat(JsonPath.<List<Object>>read(small.body(), "$.items")).hasSize(1);
        assertThat(JsonPath.<Integer>read(small.body(), "$.page")).isEqualTo(1);
    }

    @Test
    void fiftyConcurrentViewsAreAllCounted() throws Exception {
        String id = createNotice("Popular", false);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> views = new ArrayList<>();

        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                views.add(readers.submit(() -> {
                    start.await();
                    return api.get("/api/notices/" + id);
                }));
            }
            start.countDown();
            List<Integer> seen = new ArrayList<>();
            for (Future<HttpResponse<String>> view : views) {
                assertThat(view.get().statusCode()).isEqualTo(200);
                seen.add(JsonPath.read(view.get().body(), "$.viewCount"));
            }
            assertThat(seen).doesNotHaveDuplicates().allSatisfy(count -> assertThat(count).isBetween(1, 50));
        }

        assertThat(jdbc.queryForObject("SELECT view_count FROM notices WHERE id = ?::uuid", Long.class, id)).isEqualTo(50);
    }

    @Test
    void invalidNoticesAre400WithFieldErrors() {
        var blank = write("POST", "/api/admin/notices", "{\"title\":\" \",\"body\":\"\"}", admin);
        assertProblem(blank, 400, "validation-failed");
        assertThat(JsonPath.<List<String>>read(blank.body(), "$.errors[*].field")).containsExactlyInAnyOrder("title", "body");

        var tooLong = write("POST", "/api/admin/notices", "{\"title\":\"" + "t".repeat(201) + "\",\"body\":\"b\"}", admin);
        assertProblem(tooLong, 400, "validation-failed");
        assertThat(JsonPath.<List<String>>read(tooLong.body(), "$.errors[*].field")).containsExactly("title");

        assertProblem(write("POST", "/api/admin/notices", "{\"title\":\"t\",\"body\":\"b\",\"pinned\":\"maybe\"}", admin),
                400, "malformed-request");
        assertProblem(write("POST", "/api/admin/notices", "{\"title\":", admin), 400, "malformed-request");
        assertProblem(write("PUT", "/api/admin/notices/nope", "{\"title\":\"t\",\"body\":\"b\"}", admin), 400,
                "validation-failed");
        assertProblem(api.get("/api/notices/nope"), 400, "validation-failed");
        assertProblem(api.get("/api/notices/" + UUID.randomUUID()), 404, "notice-not-found");
        for (String bad : List.of("size=0", "size=101", "page=-1", "page=x")) {
            assertProblem(api.get("/api/notices?" + bad), 400, "validation-failed");
        }
    }

    @Test
    void onlyAdminsWriteNotices() {
        String user = TestTokens.instance().user(UUID.randomUUID());
        String body = "{\"title\":\"t\",\"body\":\"b\"}";

        assertProblem(write("POST", "/api/admin/notices", body, user), 403, "access-denied");
        assertProblem(write("POST", "/api/admin/notices", body, null), 401, "authentication-required");
        String id = createNotice("Protected", false);
        assertProblem(write("PUT", "/api/admin/notices/" + id, body, user), 403, "access-denied");
        assertProblem(write("DELETE", "/api/admin/notices/" + id, null, user), 403, "access-denied");
        assertThat(api.get("/api/notices/" + id).statusCode()).isEqualTo(200);
    }

    private String createNotice(String title, boolean pinned) {
        var response = write("POST", "/api/admin/notices",
                "{\"title\":\"%s\",\"body\":\"Body of %s\",\"pinned\":%s}".formatted(title, title, pinned), admin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.id");
    }

    private HttpResponse<String> write(String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return api.send(request);
    }
}
