package dev.tiketi.testsupport;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import dev.tiketi.serviceauth.BuyerTokens;
import dev.tiketi.serviceauth.ServiceCredentials;
import dev.tiketi.serviceauth.ServiceTokens;

import java.time.Clock;
import java.time.Instant;

/**
 * The internal secret every test context gets ({@link InfrastructureInitializer}), and service tokens signed
 * with it: what a test shows when it calls a service's /internal endpoint as one of the platform's services.
 */
public final class TestServiceTokens {

    public static final String SECRET = "tiketi-test-internal-secret-0123456789";

    private static final ServiceTokens TOKENS = new ServiceTokens(SECRET);
    private static final BuyerTokens BUYER_TOKENS = new BuyerTokens(SECRET);

    private TestServiceTokens() {
    }

    /** Admission and payment tokens as the services under test sign and check them (the same secret). */
    public static BuyerTokens buyerTokens() {
        return BUYER_TOKENS;
    }

    /** A current token naming {@code caller}. */
    public static String token(String caller) {
        return TOKENS.issue(caller, Instant.now());
    }

    /** The credentials a client of {@code caller} would show, for tests that build a service's client directly. */
    public static ServiceCredentials credentials(String caller) {
        return new ServiceCredentials(caller, TOKENS, Clock.systemUTC());
    }

    /** Whether {@code token} is a current token naming {@code caller}, as a stub of a callee checks it. */
    public static boolean isFrom(String caller, String token) {
        return TOKENS.verify(token, Instant.now()).filter(caller::equals).isPresent();
    }

    /**
     * For a stub of a callee ({@code HttpServer} context): answers 401 unless the request carries a current
     * token of {@code caller}, as the real callee would, so a client that forgets its credentials fails its tests.
     */
    public static Authenticator requiring(String caller) {
        return new Authenticator() {
            @Override
            public Result authenticate(HttpExchange exchange) {
                return isFrom(caller, exchange.getRequestHeaders().getFirst(ServiceCredentials.HEADER))
                        ? new Success(new HttpPrincipal(caller, "service"))
                        : new Failure(401);
            }
        };
    }
}
