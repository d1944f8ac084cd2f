package dev.tiketi.user.auth;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import dev.tiketi.user.UserApi;
import dev.tiketi.user.account.HashingCapacity;
import dev.tiketi.user.account.HashingCapacity.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.tiketi.user.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@ServiceIntegrationTest
class LoginTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HashingCapacity hashingCapacity;

    @Autowired
    AuthProperties authProperties;

    UserApi api;

    @BeforeEach
    void setUp() {
        api = new UserApi(port);
    }

    @Test
    void loginReturnsTokensTheProfileAndAHardenedRefreshCookie() {
        String email = api.newUser();
        String ip = UserApi.randomIp();

        var response = api.login(email.toUpperCase(Locale.ROOT), UserApi.PASSWORD, ip);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.tokenType")).isEqualTo("Bearer");
        assertThat(JsonPath.<Integer>read(response.body(), "$.expiresIn")).isEqualTo(1800);
        assertThat(JsonPath.<Integer>read(response.body(), "$.refreshExpiresIn")).isEqualTo(7 * 24 * 3600);
        assertThat(JsonPath.<String>read(response.body(), "$.user.email")).isEqualTo(email);
        String refreshToken = JsonPath.read(response.body(), "$.refreshToken");
        assertThat(refreshToken).matches("[A-Za-z0-9_-]{43}");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("tiketi_refresh=" + refreshToken + ";")
                .contains("Path=/api/auth", "Max-Age=604800", "Secure", "HttpOnly", "SameSite=Strict"));

        String userId = JsonPath.read(response.body(), "$.user.id");
        var history = jdbc.queryForMap("""
                SELECT email_attempted, ip, user_agent, success, failure_reason FROM login_history
                WHERE user_id = ?::uuid ORDER BY id DESC LIMIT 1""", userId);
        assertThat(history).containsEntry("email_attempted", email.toUpperCase(Locale.ROOT)).containsEntry("ip", ip)
                .containsEntry("user_agent", "UserApi/1.0").containsEntry("success", true)
                .containsEntry("failure_reason", null);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswerAndAreRecorded() {
        String email = api.newUser();
        String unknown = UserApi.uniqueEmail();

        var wrongPassword = api.login(email, "wrong-Passw0rd");
        var unknownEmail = api.login(unknown, UserApi.PASSWORD);

        assertProblem(wrongPassword, 401, "invalid-credentials");
        assertProblem(unknownEmail, 401, "invalid-credentials");
        assertThat(JsonPath.<String>read(wrongPassword.body(), "$.detail"))
                .isEqualTo(JsonPath.<String>read(unknownEmail.body(), "$.detail"));
        assertThat(failureReasonOf(email)).isEqualTo("BAD_PASSWORD");
        assertThat(failureReasonOf(unknown)).isEqualTo("UNKNOWN_EMAIL");
        assertThat(jdbc.queryForObject("SELECT user_id FROM login_history WHERE email_attempted = ?", Object.class, unknown))
                .isNull();
        assertThat(jdbc.queryForObject("SELECT failed_login_count FROM users WHERE lower(email) = lower(?)", Integer.class, email))
                .isEqualTo(1);
    }

    @Test
    void successResetsTheFailureCount() {
        String email = api.newUser();
        api.login(email, "wrong-Passw0rd");
        api.login(email, "wrong-Passw0rd");

        assertThat(api.login(email, UserApi.PASSWORD).statusCode()).isEqualTo(200);

        assertThat(jdbc.queryForObject("SELECT failed_login_count FROM users WHERE lower(email) = lower(?)", Integer.class, email))
                .isZero();
    }

    @Test
    void eleventhAttemptFromOneIpWithinAMinuteIsA429WithRetryAfter() {
        String ip = UserApi.randomIp();
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertProblem(api.login(UserApi.uniqueEmail(), UserApi.PASSWORD, ip), 401, "invalid-credentials");
        }
        String email = api.newUser();

        var limited = api.login(email, UserApi.PASSWORD, ip);

        assertProblem(limited, 429, "too-many-login-attempts");
        assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
        assertThat(failureReasonOf(email)).isEqualTo("RATE_LIMITED_IP");
        assertThat(api.login(email, UserApi.PASSWORD, UserApi.randomIp()).statusCode()).isEqualTo(200);
    }

    @Test
    void eleventhAttemptOnOneAccountWithinAMinuteIsA429EvenFromManyIps() {
        String email = api.newUser();
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(api.login(email, UserApi.PASSWORD).statusCode()).isEqualTo(200);
        }

        var limited = api.login(email, UserApi.PASSWORD);

        assertProblem(limited, 429, "too-many-login-attempts");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(failureReasonOf(email)).isEqualTo("RATE_LIMITED_ACCOUNT");
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        String email = api.newUser();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(api.login(email, "wrong-Passw0rd"), 401, "invalid-credentials");
        }

        var locked = api.login(email, UserApi.PASSWORD);

        assertProblem(locked, 423, "account-locked");
        assertThat(locked.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(55L, 60L));
        assertThat(failureReasonOf(email)).isEqualTo("ACCOUNT_LOCKED");
        var row = jdbc.queryForMap("SELECT failed_login_count, locked_until FROM users WHERE email = ?", email);
        assertThat(row.get("failed_login_count")).isEqualTo(5);
        assertThat(((Timestamp) row.get("locked_until")).toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(1)), within(Duration.ofSeconds(10)));
    }

    @Test
    void aFailureAfterTheLockEndsLocksForTwiceAsLong() {
        String email = api.newUser();
        for (int attempt = 1; attempt <= 5; attempt++) {
            api.login(email, "wrong-Passw0rd");
        }
        jdbc.update("UPDATE users SET locked_until = now() - interval '1 second' WHERE email = ?", email);

        assertProblem(api.login(email, "wrong-Passw0rd"), 401, "invalid-credentials");

        var row = jdbc.queryForMap("SELECT failed_login_count, locked_until FROM users WHERE email = ?", email);
        assertThat(row.get("failed_login_count")).isEqualTo(6);
        assertThat(((Timestamp) row.get("locked_until")).toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(2)), within(Duration.ofSeconds(10)));
        assertProblem(api.login(email, UserApi.PASSWORD), 423, "account-locked");
    }

    @Test
    void missingFieldsAreA400() {
        var response = api.post("/api/auth/login", "{\"email\":\"\"}", Map.of("X-Forwarded-For", UserApi.randomIp()));

        assertProblem(response, 400, "validation-failed");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("email", "password");
    }

    @Test
    void whileEveryHashingTurnIsTakenASignInIsRefusedEarlyWithRetryAfterAndCountsAsNoFailure() throws Exception {
        String email = api.newUser();
        int turns = authProperties.hashing().permits();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch hashing = new CountDownLatch(turns);
        try (ExecutorService crowd = Executors.newFixedThreadPool(turns)) {
            for (int i = 0; i < turns; i++) {
                crowd.submit(() -> hashingCapacity.run(Purpose.REGISTRATION, () -> {
                    hashing.countDown();
                    try {
                        return release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }));
            }
            try {
                assertThat(hashing.await(10, TimeUnit.SECONDS)).as("every turn taken").isTrue();
                long started = System.nanoTime();

                var refused = api.login(email, UserApi.PASSWORD);

                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                assertProblem(refused, 503, "login-busy");
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
                assertThat(waited).as("refused after the brief wait for a turn, long before the gateway's 5 s")
                        .isGreaterThanOrEqualTo(authProperties.hashing().maxWait()).isLessThan(Duration.ofSeconds(4));
            } finally {
                release.countDown();
            }
        }
        assertThat(jdbc.queryForObject("SELECT failed_login_count FROM users WHERE lower(email) = lower(?)", Integer.class, email))
                .isZero();

        var signedIn = api.login(email, UserApi.PASSWORD);

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    }

    private String failureReasonOf(String email) {
        return jdbc.queryForObject("""
                SELECT failure_reason FROM login_history WHERE lower(email_attempted) = lower(?) ORDER BY id DESC LIMIT 1""",
                String.class, email);
    }
}
