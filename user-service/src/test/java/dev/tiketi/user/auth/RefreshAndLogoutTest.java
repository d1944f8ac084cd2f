package dev.tiketi.user.auth;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import dev.tiketi.testsupport.TestInfrastructure;
import dev.tiketi.user.UserApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.Jedis;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tiketi.user.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class RefreshAndLogoutTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    UserApi api;

    @BeforeEach
    void setUp() {
        api = new UserApi(port);
    }

    @Test
    void refreshRotatesTheTokenAndRecordsTheChain() throws Exception {
        var session = api.session(api.newUser(), UserApi.PASSWORD);

        var refreshed = api.refresh(session.refreshToken());

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String next = JsonPath.read(refreshed.body(), "$.refreshToken");
        String access = JsonPath.read(refreshed.body(), "$.accessToken");
        assertThat(next).isNotEqualTo(session.refreshToken());
        assertThat(access).isNotEqualTo(session.accessToken());
        assertThat(JsonPath.<String>read(refreshed.body(), "$.user.id")).isEqualTo(session.userId());
        assertThat(api.get("/api/users/me", access).statusCode()).isEqualTo(200);

        var old = jdbc.queryForMap("SELECT id, family_id, used_at, replaced_by FROM refresh_tokens WHERE token_hash = ?",
                sha256(session.refreshToken()));
        var current = jdbc.queryForMap("SELECT id, family_id, used_at FROM refresh_tokens WHERE token_hash = ?",
                sha256(next));
        assertThat(old.get("used_at")).isNotNull();
        assertThat(old.get("replaced_by")).isEqualTo(current.get("id"));
        assertThat(current.get("family_id")).isEqualTo(old.get("family_id"));
        assertThat(current.get("used_at")).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_tokens WHERE token_hash = ?", Integer.class,
                (Object) session.refreshToken().getBytes(StandardCharsets.US_ASCII))).isZero();
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamily() {
        var session = api.session(api.newUser(), UserApi.PASSWORD);
        String next = JsonPath.read(api.refresh(session.refreshToken()).body(), "$.refreshToken");

        assertProblem(api.refresh(session.refreshToken()), 401, "refresh-token-reused");

        assertProblem(api.refresh(next), 401, "refresh-token-reused");
        assertThat(jdbc.queryForList("SELECT revoke_reason FROM refresh_tokens WHERE user_id = ?::uuid",
                String.class, session.userId())).containsOnly("REUSE_DETECTED").hasSize(2);
    }

    @Test
    void reuseAlsoEndsTheAccessTokensTheFamilyIssued() {
        var session = api.session(api.newUser(), UserApi.PASSWORD);
        var rotated = api.refresh(session.refreshToken());
        String stolenAccess = JsonPath.read(rotated.body(), "$.accessToken");
        assertThat(api.get("/api/users/me", stolenAccess).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/users/me", session.accessToken()).statusCode()).isEqualTo(200);

        assertProblem(api.refresh(session.refreshToken()), 401, "refresh-token-reused");

        assertProblem(api.get("/api/users/me", stolenAccess), 401, "invalid-token");
        assertProblem(api.get("/api/users/me", session.accessToken()), 401, "invalid-token");
    }

    @Test
    void familiesAreIndependent() {
        String email = api.newUser();
        var first = api.session(email, UserApi.PASSWORD);
        var second = api.session(email, UserApi.PASSWORD);
        api.refresh(first.refreshToken());
        api.refresh(first.refreshToken());

        assertThat(api.refresh(second.refreshToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void tenConcurrentRefreshesOfOneTokenLetExactlyOneThrough() throws Exception {
        var session = api.session(api.newUser(), UserApi.PASSWORD);
        int threads = 10;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return api.refresh(session.refreshToken());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (var future : futures) {
                responses.add(future.get());
            }
            assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
            assertThat(responses).filteredOn(r -> r.statusCode() == 401)
                    .hasSize(threads - 1)
                    .allSatisfy(r -> assertThat(JsonPath.<String>read(r.body(), "$.code")).isEqualTo("refresh-token-reused"));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_tokens WHERE user_id = ?::uuid", Integer.class,
                session.userId())).isEqualTo(2);
    }

    @Test
    void expiredTokenIsRefused() {
        var session = api.session(api.newUser(), UserApi.PASSWORD);
        jdbc.update("""
                UPDATE refresh_tokens SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day'
                WHERE token_hash = ?""", (Object) sha256(session.refreshToken()));

        assertProblem(api.refresh(session.refreshToken()), 401, "refresh-token-expired");
    }

    @Test
    void unknownOrMissingTokenIsRefused() {
        assertProblem(api.refresh("not-a-token"), 401, "invalid-refresh-token");
        var missing = api.post("/api/auth/refresh", "{}", Map.of());
        assertProblem(missing, 400, "validation-failed");
        assertThat(JsonPath.<String>read(missing.body(), "$.errors[0].field")).isEqualTo("refreshToken");
    }

    @Test
    void theCookieAloneRefreshes() {
        var session = api.session(api.newUser(), UserApi.PASSWORD);

        var refreshed = api.send("POST", "/api/auth/refresh", null, Map.of("Cookie", "tiketi_refresh=" + session.refreshToken()));

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String next = JsonPath.read(refreshed.body(), "$.refreshToken");
        assertThat(refreshed.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                cookie -> assertThat(cookie).startsWith("tiketi_refresh=" + next + ";"));
    }

    @Test
    void logoutBlacklistsTheAccessTokenAndRevokesTheRefreshFamily() {
        String email = api.newUser();
        var session = api.session(email, UserApi.PASSWORD);
        var other = api.session(email, UserApi.PASSWORD);
        String jti = jti(session.accessToken());

        var logout = api.post("/api/auth/logout", "{\"refreshToken\":\"%s\"}".formatted(session.refreshToken()),
                UserApi.bearer(session.accessToken()));

        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);
        assertThat(logout.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                cookie -> assertThat(cookie).startsWith("tiketi_refresh=;").contains("Max-Age=0", "Path=/api/auth"));
        assertProblem(api.get("/api/users/me", session.accessToken()), 401, "invalid-token");
        assertProblem(api.refresh(session.refreshToken()), 401, "refresh-token-reused");
        assertThat(jdbc.queryForObject("SELECT revoke_reason FROM refresh_tokens WHERE token_hash = ?", String.class,
                (Object) sha256(session.refreshToken()))).isEqualTo("LOGOUT");
        assertThat(api.get("/api/users/me", other.accessToken()).statusCode()).isEqualTo(200);
        assertThat(api.refresh(other.refreshToken()).statusCode()).isEqualTo(200);
        var endpoints = TestInfrastructure.endpoints();
        try (Jedis redis = new Jedis(endpoints.redisHost(), endpoints.redisPort())) {
            assertThat(redis.ttl("auth:blacklist:" + jti)).isBetween(1700L, 1802L);
        }
    }

    @Test
    void logoutCannotRevokeAnotherUsersRefreshToken() {
        var victim = api.session(api.newUser(), UserApi.PASSWORD);
        var attacker = api.session(api.newUser(), UserApi.PASSWORD);

        api.post("/api/auth/logout", "{\"refreshToken\":\"%s\"}".formatted(victim.refreshToken()),
                UserApi.bearer(attacker.accessToken()));

        assertThat(api.refresh(victim.refreshToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void logoutNeedsAnAccessToken() {
        assertProblem(api.post("/api/auth/logout", "{}", Map.of()), 401, "authentication-required");
    }

    static String jti(String accessToken) {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.read(payload, "$.jti");
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
