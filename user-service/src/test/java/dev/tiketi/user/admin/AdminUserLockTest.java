package dev.tiketi.user.admin;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import dev.tiketi.user.UserApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tiketi.user.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class AdminUserLockTest {

    private static final String ADMIN_EMAIL = "admin@tiketi.local";
    private static final String ADMIN_PASSWORD = "tiketi-dev-1234";

    @LocalServerPort
    int port;

    UserApi api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new UserApi(port);
        admin = api.session(ADMIN_EMAIL, ADMIN_PASSWORD).accessToken();
    }

    @Test
    void searchFindsAccountsByAFragmentOfTheAddressOrTheName() {
        String email = api.newUser();
        String fragment = email.substring(0, email.indexOf('@')).toUpperCase();

        var found = api.get("/api/admin/users?query=" + encode(fragment), admin);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(found.body(), "$.content[*].email")).containsExactly(email);
        assertThat(JsonPath.<Integer>read(found.body(), "$.totalElements")).isEqualTo(1);
        assertThat(JsonPath.<List<Boolean>>read(found.body(), "$.content[*].locked")).containsExactly(false);

        var exact = api.get("/api/admin/users?query=" + encode(email.toUpperCase()), admin);
        assertThat(JsonPath.<List<String>>read(exact.body(), "$.content[*].email")).containsExactly(email);
        // LIKE wildcards are taken literally
        var wildcard = api.get("/api/admin/users?query=" + encode("%_%"), admin);
        assertThat(JsonPath.<Integer>read(wildcard.body(), "$.totalElements")).isZero();
    }

    @Test
    void aLockedUserCannotSignInOrRefreshAndTheirLiveTokensStopWorking() {
        String email = api.newUser();
        var session = api.session(email, UserApi.PASSWORD);
        assertThat(api.get("/api/users/me", session.accessToken()).statusCode()).isEqualTo(200);

        var detail = api.get("/api/admin/users/" + session.userId(), admin);
        assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(detail.body(), "$.email")).isEqualTo(email);
        assertThat(JsonPath.<List<Boolean>>read(detail.body(), "$.loginHistory[*].success")).contains(true);
        // absent (null values are left out of user-service's JSON)
        assertThat(JsonPath.<Map<String, Object>>read(detail.body(), "$").get("adminLockedAt")).isNull();

        var lock = api.send("POST", "/api/admin/users/" + session.userId() + "/lock", "{\"reason\":\"chargeback fraud\"}",
                UserApi.bearer(admin));
        assertThat(lock.statusCode()).as(lock.body()).isEqualTo(204);

        assertProblem(api.get("/api/users/me", session.accessToken()), 401, "invalid-token");
        assertThat(api.refresh(session.refreshToken()).statusCode()).isEqualTo(401);
        assertProblem(api.login(email, UserApi.PASSWORD), 423, "account-disabled");
        var locked = api.get("/api/admin/users/" + session.userId(), admin);
        assertThat(JsonPath.<String>read(locked.body(), "$.adminLockedAt")).isNotBlank();
        assertThat(JsonPath.<String>read(locked.body(), "$.adminLockReason")).isEqualTo("chargeback fraud");
        assertThat(JsonPath.<String>read(locked.body(), "$.loginHistory[0].failureReason")).isEqualTo("ACCOUNT_LOCKED");

        var unlock = api.send("POST", "/api/admin/users/" + session.userId() + "/unlock", null, UserApi.bearer(admin));
        assertThat(unlock.statusCode()).isEqualTo(204);
        assertThat(api.login(email, UserApi.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void lockingProblems() {
        String adminId = JsonPath.read(api.get("/api/users/me", admin).body(), "$.id");
        assertProblem(api.send("POST", "/api/admin/users/" + adminId + "/lock", null, UserApi.bearer(admin)), 409,
                "cannot-lock-self");
        assertProblem(api.send("POST", "/api/admin/users/" + UUID.randomUUID() + "/lock", null, UserApi.bearer(admin)),
                404, "user-not-found");
        assertProblem(api.send("POST", "/api/admin/users/" + UUID.randomUUID() + "/unlock", null, UserApi.bearer(admin)),
                404, "user-not-found");
        assertProblem(api.get("/api/admin/users/" + UUID.randomUUID(), admin), 404, "user-not-found");
        assertProblem(api.send("POST", "/api/admin/users/" + UUID.randomUUID() + "/lock",
                "{\"reason\":\"" + "x".repeat(201) + "\"}", UserApi.bearer(admin)), 400, "validation-failed");
    }

    @Test
    void onlyAdminsMayUseThem() {
        var user = api.session(api.newUser(), UserApi.PASSWORD);
        String target = "/api/admin/users/" + user.userId();
        for (String[] call : List.of(new String[] {"GET", target}, new String[] {"POST", target + "/lock"},
                new String[] {"POST", target + "/unlock"})) {
            assertProblem(api.send(call[0], call[1], null, UserApi.bearer(user.accessToken())), 403, "access-denied");
            assertProblem(api.send(call[0], call[1], null, Map.of()), 401, "authentication-required");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
