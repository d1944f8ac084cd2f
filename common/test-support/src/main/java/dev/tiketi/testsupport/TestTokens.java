package dev.tiketi.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * Access tokens for service tests, signed by a key that a real JWKS endpoint on loopback publishes, so a
 * service checks them exactly as it checks user-service's. Also forges the tokens a service must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "tiketi-user-service";

    private final RSAKey signingKey;
    private final String jwkSetUri;

    private TestTokens(RSAKey signingKey, String jwkSetUri) {
        this.signingKey = signingKey;
        this.jwkSetUri = jwkSetUri;
    }

    /** The JVM's issuer, started on first use. */
    public static TestTokens instance() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final TestTokens INSTANCE = start();
    }

    private static TestTokens start() {
        RSAKey key = newKey();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return new TestTokens(key, "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jwkSetUri() {
        return jwkSetUri;
    }

    public String user(UUID userId) {
        return sign(signingKey, claims(userId, "USER", Instant.now().plus(Duration.ofMinutes(15))).build());
    }

    public String admin(UUID userId) {
        return sign(signingKey, claims(userId, "ADMIN", Instant.now().plus(Duration.ofMinutes(15))).build());
    }

    public String withJti(UUID userId, String jti) {
        return sign(signingKey, claims(userId, "USER", Instant.now().plus(Duration.ofMinutes(15))).jwtID(jti).build());
    }

    public String expired(UUID userId) {
        return sign(signingKey, claims(userId, "USER", Instant.now().minus(Duration.ofMinutes(5))).build());
    }

    public String signedByAnotherKey(UUID userId) {
        return sign(newKey(), claims(userId, "ADMIN", Instant.now().plus(Duration.ofMinutes(15))).build());
    }

    public String withIssuer(UUID userId, String issuer) {
        return sign(signingKey, claims(userId, "USER", Instant.now().plus(Duration.ofMinutes(15))).issuer(issuer).build());
    }

    /** An unsigned token ({@code alg: none}) claiming to be an admin. */
    public String unsigned(UUID userId) {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64(claims(userId, "ADMIN", Instant.now().plus(Duration.ofMinutes(15))).build().toString());
        return header + "." + payload + ".";
    }

    /** A valid USER token whose payload was edited to say ADMIN, keeping the original signature. */
    public String withTamperedRole(UUID userId) {
        String[] parts = user(userId).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"role\":\"USER\"", "\"role\":\"ADMIN\"");
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    private static JWTClaimsSet.Builder claims(UUID userId, String role, Instant expiresAt) {
        Instant issuedAt = expiresAt.isBefore(Instant.now()) ? expiresAt.minus(Duration.ofMinutes(15)) : Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .jwtID(UUID.randomUUID().toString())
                .claim("email", userId + "@test.tiketi.dev")
                .claim("role", role)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
