package dev.tiketi.platform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.ThumbprintUtils;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tiketi.security.TokenClaims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * The RSA key a platform's user-service signs access tokens with, held by whoever drives the platform from
 * outside (end-to-end tests, benchmarks) so that it can sign tokens for any user, role and lifetime, exactly
 * as user-service would.
 */
public record SigningKey(RSAKey key) {

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    public static SigningKey generate() {
        try {
            return new SigningKey(new RSAKeyGenerator(2048).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new key, written where the platform's user-service reads it ({@link PlatformOptions#signingKeyFile()}),
     * the way an operator mounts one. Call it before the platform starts: user-service reads the file once.
     */
    public static SigningKey generateFor(PlatformOptions options) {
        SigningKey key = generate();
        try {
            Files.createDirectories(options.signingKeyFile().getParent());
            key.writePkcs8Pem(options.signingKeyFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signing key " + options.signingKeyFile(), e);
        }
        return key;
    }

    /** The key of a platform that is already running, read from its PEM (PKCS#8) file. */
    public static SigningKey read(Path pemFile) {
        try {
            String pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
            int begin = pem.indexOf(PEM_BEGIN);
            int end = pem.indexOf(PEM_END);
            if (begin < 0 || end < begin) {
                throw new IllegalArgumentException(pemFile + " is not a PEM PKCS#8 private key");
            }
            byte[] pkcs8 = Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new SigningKey(new RSAKey.Builder(publicKey).privateKey(privateKey).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + pemFile, e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(pemFile + " holds no RSA private key", e);
        }
    }

    public void writePkcs8Pem(Path file) throws IOException {
        try {
            byte[] pkcs8 = key.toPrivateKey().getEncoded();
            String pem = PEM_BEGIN + "\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                    + "\n" + PEM_END + "\n";
            Files.writeString(file, pem);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims user-service puts in an access token, issued 30 minutes before {@code expiresAt}. */
    public static JWTClaimsSet accessTokenClaims(UUID user, String role, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer(TokenClaims.ISSUER)
                .subject(user.toString())
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenClaims.EMAIL, user + "@example.com")
                .claim(TokenClaims.ROLE, role)
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
