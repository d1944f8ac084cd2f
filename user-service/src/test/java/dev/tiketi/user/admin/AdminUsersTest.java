package dev.tiketi.user.admin;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import dev.tiketi.user.UserApi;
import dev.tiketi.user.account.AccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tiketi.user.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class AdminUsersTest {

    private static final String ADMIN_EMAIL = "admin@tiketi.local";
    private static final String ADMIN_PASSWORD = "tiketi-dev-1234";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    UserApi api;

    @BeforeEach
    void setUp() {
        api = new UserApi(port);
    }

    @Test
    void theConfiguredAdminExistsOnceAndCanListUsers() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE lower(email) = ? AND role = 'ADMIN'",
                Integer.class, ADMIN_EMAIL)).isEqualTo(1);
        var admin = api.session(ADMIN_EMAIL, ADMIN_PASSWORD);
        api.newUser();

        var page = api.get("/api/admin/users?page=0&size=2", admin.accessToken());

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(JsonPath.<List<Object>>read(page.body(), "$.content")).hasSize(2);
        assertThat(JsonPath.<Integer>read(page.body(), "$.size")).isEqualTo(2);
        long total = jdbc.queryForObject("SELECT count(*) FROM users", Long.class);
        assertThat(JsonPath.<Number>read(page.body(), "$.totalElements").longValue()).isGreaterThanOrEqualTo(total - 1);
        assertThat(page.body()).doesNotContain("password");
    }

    @Test
    void pageSizeAbove100IsA400() {
        var admin = api.session(ADMIN_EMAIL, ADMIN_PASSWORD);

        var response = api.get("/api/admin/users?size=101", admin.accessToken());

        assertProblem(response, 400, "validation-failed");
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("size");
    }

    @Test
    void usersGet403AndAnonymousCallersGet401() {
        var user = api.session(api.newUser(), UserApi.PASSWORD);

        assertProblem(api.get("/api/admin/users", user.accessToken()), 403, "access-denied");
        assertProblem(api.get("/api/admin/users", null), 401, "authentication-required");
    }

    @Test
    void twoBootstrapsRacingCreateTheAdminExactlyOnce() throws Exception {
        String email = UserApi.uniqueEmail();
        AdminProperties properties = new AdminProperties(email, "another-Adm1n-pass", "Second Admin");
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> bootstrap = () -> {
            start.await();
            return new FirstAdmin(properties, accounts).ensureExists();
        };
        List<Boolean> created = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(2)) {
            List<Future<Boolean>> results = List.of(executor.submit(bootstrap), executor.submit(bootstrap));
            start.countDown();
            for (Future<Boolean> result : results) {
                created.add(result.get());
            }
        }

        assertThat(created).containsExactlyInAnyOrder(true, false);
        assertThat(new FirstAdmin(properties, accounts).ensureExists()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE email = ? AND role = 'ADMIN'", Integer.class,
                email)).isEqualTo(1);
        var admin = api.session(email, "another-Adm1n-pass");
        assertThat(api.get("/api/admin/users", admin.accessToken()).statusCode()).isEqualTo(200);
    }
}
