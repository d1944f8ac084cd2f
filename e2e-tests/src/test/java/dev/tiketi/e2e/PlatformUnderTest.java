package dev.tiketi.e2e;

import dev.tiketi.platform.RunningPlatform;
import dev.tiketi.serviceauth.ServiceCredentials;
import dev.tiketi.serviceauth.ServiceTokens;
import dev.tiketi.platform.SigningKey;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The running platform, the key its user-service signs with and the secret its services sign service tokens
 * with; closed by JUnit after the last test.
 */
public record PlatformUnderTest(RunningPlatform platform, SigningKey signingKey, String internalSecret)
        implements ExtensionContext.Store.CloseableResource {

    public Api gateway() {
        return new Api(platform.gatewayUrl());
    }

    public Api service(String name) {
        return new Api(platform.serviceUrl(name));
    }

    /** A valid access token for {@code user}, signed with the platform's real key. */
    public String token(UUID user, String role) {
        return signingKey.sign(SigningKey.accessTokenClaims(user, role, Instant.now().plus(Duration.ofMinutes(20))));
    }

    /** A call to {@code service}'s internal endpoint as the platform service {@code caller} makes it. */
    public Api.Call internal(String service, String method, String path, String caller) {
        return service(service).call(method, path)
                .header(ServiceCredentials.HEADER, new ServiceTokens(internalSecret).issue(caller, Instant.now()));
    }

    @Override
    public void close() {
        platform.stop();
    }
}
