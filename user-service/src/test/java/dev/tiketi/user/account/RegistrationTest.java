package dev.tiketi.user.account;

import com.jayway.jsonpath.JsonPath;
import dev.tiketi.testsupport.ServiceIntegrationTest;
import dev.tiketi.user.UserApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tiketi.user.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class RegistrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    UserApi api;

    @BeforeEach
    void setUp() {
        api = new UserApi(port);
    }

    @Test
    void registersAUserWithAHashedPasswordAndRecordsTermsWithTheirVersions() {
        String email = UserApi.uniqueEmail();
        var response = api.register(email, UserApi.PASSWORD);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/users/me");
        String id = JsonPath.read(response.body(), "$.id");
        assertThat(JsonPath.<String>read(response.body(), "$.email")).isEqualTo(email);
        assertThat(JsonPath.<String>read(response.body(), "$.name")).isEqualTo("Kim Tiketi");
        assertThat(JsonPath.<String>read(response.body(), "$.phone")).isEqualTo("010-1234-5678");
        assertThat(JsonPath.<String>read(response.body(), "$.role")).isEqualTo("USER");
        assertThat(JsonPath.<String>read(response.body(), "$.createdAt")).endsWith("Z");
        assertThat(response.body()).doesNotContain("password").doesNotContain(UserApi.PASSWORD);
        List<String> codes = JsonPath.read(response.body(), "$.agreements[*].code");
        assertThat(codes).containsExactly("MARKETING", "PRIVACY", "SERVICE");

        var row = jdbc.queryForMap("SELECT password_hash, role, status, failed_login_count FROM users WHERE id = ?",
                UUID.fromString(id));
        String hash = (String) row.get("password_hash");
        assertThat(hash).startsWith("$2a$10$");
        assertThat(passwordEncoder.matches(UserApi.PASSWORD, hash)).isTrue();
        assertThat(row).containsEntry("role", "USER").containsEntry("status", "ACTIVE").containsEntry("failed_login_count", 0);

        List<Map<String, Object>> terms = jdbc.queryForList(
                "SELECT terms_code, version, agreed FROM terms_agreements WHERE user_id = ? ORDER BY terms_code",
                UUID.fromString(id));
        assertThat(terms).containsExactly(
                Map.of("terms_code", "MARKETING", "version", "2025-01", "agreed", false),
                Map.of("terms_code", "PRIVACY", "version", "2025-01", "agreed", true),
                Map.of("terms_code", "SERVICE", "version", "2025-01", "agreed", true));
    }

    @Test
    void sameEmailInAnyLetterCaseIsA409() {
        String email = api.newUser();

        var response = api.register(email.toUpperCase(Locale.ROOT), UserApi.PASSWORD);

        assertProblem(response, 409, "email-taken");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE lower(email) = ?", Integer.class, email))
                .isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateOneAccount() throws Exception {
        String email = UserApi.uniqueEmail();
        List<Callable<Integer>> registrations = List.of(
                () -> api.register(email, UserApi.PASSWORD).statusCode(),
                () -> api.register(email.toUpperCase(Locale.ROOT), UserApi.PASSWORD).statusCode(),
                () -> api.register(email, UserApi.PASSWORD).statusCode(),
                () -> api.register(email, UserApi.PASSWORD).statusCode());
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(registrations.size())) {
            for (Future<Integer> status : executor.invokeAll(registrations)) {
                statuses.add(status.get());
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
    }

    @Test
    void weakPasswordIsA400WithAFieldError() {
        var response = api.register(UserApi.uniqueEmail(), "onlyletters");

        assertProblem(response, 400, "validation-failed");
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("password");
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].code")).isEqualTo("PasswordTooSimple");
    }

    @Test
    void passwordContainingTheEmailLocalPartIsRefused() {
        String email = UserApi.uniqueEmail();
        String localPart = email.substring(0, email.indexOf('@'));

        var response = api.register(email, "X" + localPart.toUpperCase(Locale.ROOT) + "1");

        assertProblem(response, 400, "validation-failed");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].code")).contains("PasswordContainsEmail");
    }

    @Test
    void missingRequiredTermsIsA400AndCreatesNothing() {
        String email = UserApi.uniqueEmail();
        String body = """
                {"email":"%s","password":"%s","name":"Kim","phone":"010-9876-5432",
                 "agreements":[{"code":"SERVICE","version":"2025-01","agreed":true},
                               {"code":"PRIVACY","version":"2025-01","agreed":false}]}""".formatted(email, UserApi.PASSWORD);

        var response = api.post("/api/auth/register", body, Map.of());

        assertProblem(response, 400, "validation-failed");
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("agreements");
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].code")).isEqualTo("RequiredTermsNotAgreed");
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message")).contains("PRIVACY");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE lower(email) = ?", Integer.class, email))
                .isZero();
    }

    @Test
    void outdatedTermsVersionIsRefused() {
        String body = """
                {"email":"%s","password":"%s","name":"Kim","phone":"010-9876-5432",
                 "agreements":[{"code":"SERVICE","version":"2024-01","agreed":true},
                               {"code":"PRIVACY","version":"2025-01","agreed":true}]}"""
                .formatted(UserApi.uniqueEmail(), UserApi.PASSWORD);

        var response = api.post("/api/auth/register", body, Map.of());

        assertProblem(response, 400, "validation-failed");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field"))
                .containsExactly("agreements[0].version", "agreements");
    }

    @Test
    void invalidEmailPhoneAndNameAreFieldErrors() {
        String body = """
                {"email":"not-an-email","password":"%s","name":" ","phone":"02-123-4567","agreements":[]}"""
                .formatted(UserApi.PASSWORD);

        var response = api.post("/api/auth/register", body, Map.of());

        assertProblem(response, 400, "validation-failed");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("email", "name", "phone");
    }
}
