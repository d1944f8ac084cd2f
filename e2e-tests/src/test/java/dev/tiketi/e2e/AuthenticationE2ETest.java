package dev.tiketi.e2e;

import dev.tiketi.e2e.Api.Reply;
import dev.tiketi.platform.SigningKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import static dev.tiketi.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The account life cycle and the token rules, through the gateway and, where it matters that a service checks
 * tokens itself, straight at user-service — all over real HTTP against the whole running platform.
 */
@ExtendWith(PlatformExtension.class)
class AuthenticationE2ETest {

    private static final String PASSWORD = "Concert-2026!";

    private static PlatformUnderTest platform;
    private static Api gateway;
    private static Api userService;

    @BeforeAll
    static void platform(PlatformUnderTest running) {
        platform = running;
        gateway = running.gateway();
        userService = running.service("user-service");
    }

    @Test
    void registerLoginRefreshMeAndLogoutThroughTheGateway() {
        String email = "fan-" + UUID.randomUUID() + "@example.com";
        Reply registered = register(email);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String userId = registered.read("$.id");

        Reply login = login(email, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String access = login.read("$.accessToken");
        String refresh = login.read("$.refreshToken");

        Reply me = gateway.get("/api/users/me", access);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.<String>read("$.email")).isEqualTo(email);
        assertThat(me.<String>read("$.id")).isEqualTo(userId);

        Reply refreshed = gateway.post("/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}", null);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        String newAccess = refreshed.read("$.accessToken");
        String newRefresh = refreshed.read("$.refreshToken");
        assertThat(newRefresh).isNotEqualTo(refresh);
        assertThat(gateway.get("/api/users/me", newAccess).status()).isEqualTo(200);

        Reply reused = gateway.post("/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}", null);
        assertProblem(reused, 401, "refresh-token-reused");
        Reply familyRevoked = gateway.post("/api/auth/refresh", "{\"refreshToken\":\"" + newRefresh + "\"}", null);
        assertThat(familyRevoked.status()).isEqualTo(401);

        // the reuse ended the family: the access token it issued stops working now, not when it expires
        assertProblem(gateway.get("/api/users/me", newAccess), 401, "invalid-token");
        assertProblem(userService.get("/api/users/me", newAccess), 401, "invalid-token");

        // a new sign-in works once the second of the revocation is over; logging out ends its access token
        String fresh = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
            String token = login(email, PASSWORD).read("$.accessToken");
            return gateway.get("/api/users/me", token).status() == 200 ? token : null;
        }, Objects::nonNull);
        Reply logout = gateway.post("/api/auth/logout", "{}", fresh);
        assertThat(logout.status()).as(logout.body()).isEqualTo(204);
        assertProblem(gateway.get("/api/users/me", fresh), 401, "invalid-token");
        assertProblem(userService.get("/api/users/me", fresh), 401, "invalid-token");
    }

    @Test
    void tokensThatUserServiceDidNotIssueAreRefusedByTheGatewayAndByTheServiceItself() {
        UUID someone = UUID.randomUUID();
        Instant now = Instant.now();
        String foreignKey = SigningKey.generate().sign(SigningKey.accessTokenClaims(someone, "ADMIN", now.plus(Duration.ofMinutes(10))));
        String expired = platform.signingKey().sign(SigningKey.accessTokenClaims(someone, "USER", now.minus(Duration.ofMinutes(10))));
        String unsigned = unsignedAdminToken(someone);

        for (String token : new String[] {foreignKey, expired, unsigned, "garbage.token.value"}) {
            assertProblem(gateway.get("/api/users/me", token), 401, "invalid-token");
            assertProblem(userService.get("/api/users/me", token), 401, "invalid-token");
        }
    }

    @Test
    void aTamperedRoleClaimIsRefusedAndAUserIsNotAnAdmin() {
        String email = "tamper-" + UUID.randomUUID() + "@example.com";
        assertThat(register(email).status()).isEqualTo(201);
        String access = login(email, PASSWORD).read("$.accessToken");

        assertProblem(gateway.get("/api/admin/users", access), 403, "access-denied");

        String[] parts = access.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"role\":\"USER\"", "\"role\":\"ADMIN\"");
        assertThat(payload).contains("\"role\":\"ADMIN\"");
        String tampered = parts[0] + "." + base64(payload) + "." + parts[2];
        assertProblem(gateway.get("/api/admin/users", tampered), 401, "invalid-token");
        assertProblem(userService.get("/api/admin/users", tampered), 401, "invalid-token");
    }

    @Test
    void spoofedIdentityHeadersGiveNoIdentity() {
        String spoofedId = UUID.randomUUID().toString();
        Reply anonymous = gateway.call("GET", "/api/users/me")
                .header("X-User-Id", spoofedId).header("X-User-Role", "ADMIN").send();
        assertProblem(anonymous, 401, "authentication-required");
        assertProblem(userService.call("GET", "/api/users/me")
                .header("X-User-Id", spoofedId).header("X-User-Role", "ADMIN").send(), 401, "authentication-required");

        String email = "spoof-" + UUID.randomUUID() + "@example.com";
        assertThat(register(email).status()).isEqualTo(201);
        String access = login(email, PASSWORD).read("$.accessToken");
        Reply me = gateway.call("GET", "/api/users/me").bearer(access)
                .header("X-User-Id", spoofedId).header("X-User-Role", "ADMIN").send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.<String>read("$.email")).isEqualTo(email);
        assertProblem(gateway.call("GET", "/api/admin/users").bearer(access)
                .header("X-User-Role", "ADMIN").send(), 403, "access-denied");
    }

    @Test
    void theConfiguredAdministratorCanUseAdminPages() {
        Reply login = login("admin@tiketi.local", "tiketi-dev-1234");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        Reply users = gateway.get("/api/admin/users", login.read("$.accessToken"));
        assertThat(users.status()).as(users.body()).isEqualTo(200);
    }

    @Test
    void unknownApiPathIsA404ProblemAndClientMistakesAre4xx() {
        String admin = platform.signingKey().sign(SigningKey.accessTokenClaims(UUID.randomUUID(), "ADMIN", Instant.now().plusSeconds(600)));
        assertThat(gateway.get("/api/nothing-here", admin).status()).isEqualTo(404);
        assertProblem(gateway.post("/api/auth/login", "{\"email\": ", null), 400, "malformed-request");
        assertProblem(gateway.post("/api/auth/register", "{\"email\":\"x\",\"password\":1}", null), 400,
                "validation-failed");
    }

    private static Reply register(String email) {
        return gateway.post("/api/auth/register", """
                {"email":"%s","password":"%s","name":"Kim Fan","phone":"010-1234-5678",
                 "agreements":[{"code":"SERVICE","version":"2025-01","agreed":true},
                               {"code":"PRIVACY","version":"2025-01","agreed":true}]}
                """.formatted(email, PASSWORD), null);
    }

    private static Reply login(String email, String password) {
        return gateway.post("/api/auth/login",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password), null);
    }


    private static String unsignedAdminToken(UUID user) {
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + base64(SigningKey.accessTokenClaims(user, "ADMIN", Instant.now().plusSeconds(600)).toString()) + ".";
    }

    private static String base64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
    }

}
