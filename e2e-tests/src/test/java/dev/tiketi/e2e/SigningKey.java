package dev.tiketi.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.ThumbprintUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/** An RSA key pair that can sign access tokens the way user-service does. */
public record SigningKey(RSAKey key) {

    public static SigningKey generate() {
        try {
            return new SigningKey(new RSAKeyGenerator(2048).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public void writePkcs8Pem(Path file) throws IOException {
        try {
            byte[] pkcs8 = key.toPrivateKey().getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(file, pem);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims user-service puts in an access token, issued 30 minutes before {@code expiresAt}. */
    public static JWTClaimsSet accessTokenClaims(UUID user, String role, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer("tiketi-user-service")
                .subject(user.toString())
                .jwtID(UUID.randomUUID().toString())
                .claim("email", user + "@example.com")
                .claim("role", role)
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(30))))
                .expirationTime(Date.from(expiresAt))
                .build();
    }

    /** Signs with this key, with the key id user-service publishes (the RFC 7638 thumbprint). */
    public String sign(JWTClaimsSet claims) {
        try {
            String keyId = ThumbprintUtils.compute(key.toPublicJWK()).toString();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
