package dev.tiketi.user.account;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import dev.tiketi.user.UserApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static dev.tiketi.user.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class AccountTest {

    private static final String NEW_PASSWORD = "an0ther-Secret";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    UserApi api;

    @BeforeEach
    void setUp() {
        api = new UserApi(port);
    }

    @Test
    void profileShowsTheAccountAndItsAgreements() {
        String email = api.newUser();
        var session = api.session(email, UserApi.PASSWORD);

        var me = api.get("/api/users/me", session.accessToken());

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(me.body(), "$.id")).isEqualTo(session.userId());
        assertThat(JsonPath.<String>read(me.body(), "$.email")).isEqualTo(email);
        assertThat(JsonPath.<String>read(me.body(), "$.phone")).isEqualTo("010-1234-5678");
        assertThat(JsonPath.<String>read(me.body(), "$.role")).isEqualTo("USER");
        assertThat(JsonPath.<List<String>>read(me.body(), "$.agreements[?(@.agreed == true)].code"))
                .containsExactly("PRIVACY", "SERVICE");
        assertThat(JsonPath.<String>read(me.body(), "$.agreements[0].version")).isEqualTo("2025-01");
    }

    @Test
    void profileNeedsAToken() {
        assertProblem(api.get("/api/users/me", null), 401, "authentication-required");
        assertProblem(api.get("/api/users/me", "garbage"), 401, "invalid-token");
    }

    @Test
    void updateChangesOnlyTheFieldsSent() {
        var session = api.session(api.newUser(), UserApi.PASSWORD);

        var renamed = api.send("PATCH", "/api/users/me", "{\"name\":\"  Lee Tiketi \"}", UserApi.bearer(session.accessToken()));
        var rephoned = api.send("PATCH", "/api/users/me", "{\"phone\":\"011-987-6543\"}", UserApi.bearer(session.accessToken()));

        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(renamed.body(), "$.name")).isEqualTo("Lee Tiketi");
        assertThat(JsonPath.<String>read(renamed.body(), "$.phone")).isEqualTo("010-1234-5678");
        assertThat(JsonPath.<String>read(rephoned.body(), "$.name")).isEqualTo("Lee Tiketi");
        assertThat(JsonPath.<String>read(rephoned.body(), "$.phone")).isEqualTo("011-987-6543");
        assertThat(jdbc.queryForMap("SELECT name, phone FROM users WHERE id = ?::uuid", session.userId()))
                .isEqualTo(Map.of("name", "Lee Tiketi", "phone", "011-987-6543"));
    }

    @Test
    void invalidUpdateIsA400() {
        var session = api.session(api.newUser(), UserApi.PASSWORD);

        var response = api.send("PATCH", "/api/users/me", "{\"name\":\"\",\"phone\":\"12345\"}",
                UserApi.bearer(session.accessToken()));

        assertProblem(response, 400, "validation-failed");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field")).contains("name", "phone");
    }

    @Test
    void passwordChangeEndsEverySessionAndReplacesThePassword() {
        String email = api.newUser();
        var current = api.session(email, UserApi.PASSWORD);
        var elsewhere = api.session(email, UserApi.PASSWORD);

        var changed = api.send("PUT", "/api/users/me/password",
                "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(UserApi.PASSWORD, NEW_PASSWORD),
                UserApi.bearer(current.accessToken()));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertProblem(api.get("/api/users/me", current.accessToken()), 401, "invalid-token");
        // every access token issued before the change is revoked, not only the one of this request
        Long cutoffTtl = redis.getExpire("auth:revoked-before:" + current.userId());
        assertThat(cutoffTtl).isBetween(1795L, 1801L);
        assertProblem(api.refresh(current.refreshToken()), 401, "refresh-token-reused");
        assertProblem(api.refresh(elsewhere.refreshToken()), 401, "refresh-token-reused");
        assertThat(jdbc.queryForList("SELECT DISTINCT revoke_reason FROM refresh_tokens WHERE user_id = ?::uuid",
                String.class, current.userId())).containsExactly("PASSWORD_CHANGED");
        assertProblem(api.login(email, UserApi.PASSWORD), 401, "invalid-credentials");
        assertThat(api.login(email, NEW_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void passwordChangeChecksTheCurrentPasswordAndThePolicy() {
        String email = api.newUser();
        var session = api.session(email, UserApi.PASSWORD);

        var wrongCurrent = api.send("PUT", "/api/users/me/password",
                "{\"currentPassword\":\"nope-Passw0rd\",\"newPassword\":\"%s\"}".formatted(NEW_PASSWORD),
                UserApi.bearer(session.accessToken()));
        var weak = api.send("PUT", "/api/users/me/password",
                "{\"currentPassword\":\"%s\",\"newPassword\":\"short1\"}".formatted(UserApi.PASSWORD),
                UserApi.bearer(session.accessToken()));

        assertProblem(wrongCurrent, 400, "validation-failed");
        assertThat(JsonPath.<String>read(wrongCurrent.body(), "$.errors[0].field")).isEqualTo("currentPassword");
        assertProblem(weak, 400, "validation-failed");
        assertThat(JsonPath.<String>read(weak.body(), "$.errors[0].field")).isEqualTo("newPassword");
        assertThat(JsonPath.<String>read(weak.body(), "$.errors[0].code")).isEqualTo("PasswordTooShort");
        assertThat(api.get("/api/users/me", session.accessToken()).statusCode()).isEqualTo(200);
        assertThat(api.login(email, UserApi.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void withdrawalScrubsPersonalDataAndFreesTheEmail() {
        String email = api.newUser();
        var session = api.session(email, UserApi.PASSWORD);
        api.login(email, "wrong-Passw0rd");

        var withdrawn = api.send("DELETE", "/api/users/me", "{\"password\":\"%s\"}".formatted(UserApi.PASSWORD),
                UserApi.bearer(session.accessToken()));

        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(204);
        assertThat(redis.hasKey("auth:revoked-before:" + session.userId())).isTrue();
        var row = jdbc.queryForMap("""
                SELECT email, password_hash, name, phone, status, withdrawn_at FROM users WHERE id = ?::uuid""",
                session.userId());
        assertThat(row.get("email")).isEqualTo("withdrawn-" + session.userId() + "@withdrawn.invalid");
        assertThat(row).containsEntry("password_hash", null).containsEntry("name", null).containsEntry("phone", null)
                .containsEntry("status", "WITHDRAWN");
        assertThat(row.get("withdrawn_at")).isNotNull();
        assertThat(jdbc.queryForList("SELECT DISTINCT email_attempted FROM login_history WHERE user_id = ?::uuid",
                String.class, session.userId())).containsExactly("withdrawn-" + session.userId() + "@withdrawn.invalid");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_history WHERE user_id = ?::uuid AND ip IS NOT NULL",
                Integer.class, session.userId())).isZero();

        assertProblem(api.get("/api/users/me", session.accessToken()), 401, "invalid-token");
        assertProblem(api.refresh(session.refreshToken()), 401, "refresh-token-reused");
        assertProblem(api.login(email, UserApi.PASSWORD), 401, "invalid-credentials");

        var again = api.register(email, UserApi.PASSWORD);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(JsonPath.<String>read(again.body(), "$.id")).isNotEqualTo(session.userId());
        assertThat(api.login(email, UserApi.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void withdrawalNeedsThePassword() {
        var session = api.session(api.newUser(), UserApi.PASSWORD);

        var response = api.send("DELETE", "/api/users/me", "{\"password\":\"wrong-Passw0rd\"}",
                UserApi.bearer(session.accessToken()));

        assertProblem(response, 400, "validation-failed");
        assertThat(jdbc.queryForObject("SELECT status FROM users WHERE id = ?::uuid", String.class, session.userId()))
                .isEqualTo("ACTIVE");
    }
}
