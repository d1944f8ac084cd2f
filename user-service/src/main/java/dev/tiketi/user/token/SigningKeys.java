package dev.tiketi.user.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key that signs access tokens: read from a PEM (PKCS#8) file, created there on first start when
 * allowed, or kept in memory only. The key id is the RFC 7638 thumbprint, so the same key always gets the
 * same {@code kid} on every instance.
 */
public final class SigningKeys {

    private static final int KEY_SIZE = 2048;
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SigningKeys() {
    }

    public static RSAKey load(String location, boolean generateMissing) {
        if (location == null || location.isBlank()) {
            return toJwk(generate());
        }
        return fromFile(Path.of(location), generateMissing);
    }

    public static RSAKey fromFile(Path file, boolean generateMissing) {
        try {
            if (!Files.exists(file)) {
                if (!generateMissing) {
                    throw new IllegalStateException("signing key file " + file + " does not exist "
                            + "and tiketi.auth.generate-missing-key is false");
                }
                createKeyFile(file);
            }
            return toJwk(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create signing key file " + file, e);
        }
    }

    /**
     * Writes a new key to a private temporary file and hard-links it into place: the link fails if another
     * instance got there first, and then both use the file that won.
     */
    private static void createKeyFile(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory, ownerOnly("rwx------"));
        Path temporary = Files.createTempFile(directory, ".signing-key-", ".tmp", ownerOnly("rw-------"));
        try {
            Files.writeString(temporary, pem(generate()), StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException anotherInstanceWon) {
                // keep theirs
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temporary, file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static String pem(KeyPair keyPair) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keyPair.getPrivate().getEncoded());
        return PEM_BEGIN + "\n" + body + "\n" + PEM_END + "\n";
    }

    private static KeyPair read(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("signing key file " + file + " is not a PEM PKCS#8 private key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end));
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            if (!(factory.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey privateKey)) {
                throw new IllegalStateException("signing key file " + file + " holds no RSA CRT private key");
            }
            var publicKey = factory.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key file " + file + " is not a valid RSA private key", e);
        }
    }

    private static RSAKey toJwk(KeyPair keyPair) {
        try {
            return new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
                    .privateKey(keyPair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint()
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key thumbprint", e);
        }
    }
}
