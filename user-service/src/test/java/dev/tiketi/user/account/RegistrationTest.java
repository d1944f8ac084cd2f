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

import java.net.http.HttpResponse;
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
    void anotherRegistrationOfATakenEmailInAnyLetterCaseIsA409() {
        String email = api.newUser();

        var response = api.register(email.toUpperCase(Locale.ROOT), "0ther-Passw0rd");

        assertProblem(response, 409, "email-taken");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE lower(email) = ?", Integer.class, email))
                .isEqualTo(1);
    }

    @Test
    void theSameRegistrationSentAgainIsAnsweredWithTheAccountItCreated() {
        // a client retrying after a 504 whose first attempt did create the account
        String email = UserApi.uniqueEmail();
        var first = api.register(email, UserApi.PASSWORD);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

        var retry = api.register(email, UserApi.PASSWORD);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(JsonPath.<String>read(retry.body(), "$.id")).isEqualTo(JsonPath.read(first.body(), "$.id"));
        assertThat(JsonPath.<List<String>>read(retry.body(), "$.agreements[*].code"))
                .containsExactly("MARKETING", "PRIVACY", "SERVICE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE lower(email) = ?", Integer.class, email))
                .isEqualTo(1);
    }

    @Test
    void theSameRegistrationLongAfterTheAccountWasCreatedIsA409() {
        String email = api.newUser();
        jdbc.update("UPDATE users SET created_at = created_at - interval '11 minutes' WHERE lower(email) = ?", email);

        assertProblem(api.register(email, UserApi.PASSWORD), 409, "email-taken");
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateOneAccountAndEveryRetryGetsIt() throws Exception {
        String email = UserApi.uniqueEmail();
        List<Callable<String>> registrations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String spelling = i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT);
            registrations.add(() -> {
                var response = registerRetryingBusy(spelling);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                return JsonPath.read(response.body(), "$.id");
            });
        }
        List<String> answers = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(registrations.size())) {
            for (Future<String> answer : executor.invokeAll(registrations)) {
                answers.add(answer.get());
            }
        }
        String id = jdbc.queryForObject("SELECT id::text FROM users WHERE lower(email) = ?", String.class, email);
        assertThat(answers).as("one account, every attempt answered with it").hasSize(8).containsOnly(id);
        assertProblem(api.register(email, "0ther-Passw0rd"), 409, "email-taken");
    }

    /** As a client does: a 503 registration-busy (too many hashing at once) is tried again a moment later. */
    private HttpResponse<String> registerRetryingBusy(String email) throws InterruptedException {
        HttpResponse<String> response = api.register(email, UserApi.PASSWORD);
        for (int attempt = 1; attempt < 50 && response.statusCode() == 503; attempt++) {
            Thread.sleep(100);
            response = api.register(email, UserApi.PASSWORD);
        }
        return response;
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
