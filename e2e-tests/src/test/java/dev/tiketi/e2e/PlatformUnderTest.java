package dev.tiketi.e2e;

import dev.tiketi.platform.RunningPlatform;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The running platform and the key its user-service signs with; closed by JUnit after the last test. */
public record PlatformUnderTest(RunningPlatform platform, SigningKey signingKey)
        implements ExtensionContext.Store.CloseableResource {

    public Api gateway() {
        return new Api(platform.gatewayUrl());
    }

    public Api service(String name) {
        return new Api(platform.serviceUrl(name));
    }

    @Override
    public void close() {
        platform.stop();
    }
}
