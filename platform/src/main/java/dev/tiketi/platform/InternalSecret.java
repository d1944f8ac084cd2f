package dev.tiketi.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret a platform's services sign and check their service tokens with ({@code TIKETI_INTERNAL_SECRET},
 * see common/service-auth): 32 random bytes, created once per data directory next to the JWT signing key and
 * readable by its owner only. The launcher hands it to each service through the environment, never the
 * command line (which any local user can read); whoever drives the platform from outside (end-to-end tests)
 * reads it to call internal endpoints as a service would.
 */
public final class InternalSecret {

    /** The environment variable a service reads the secret from. */
    public static final String ENVIRONMENT_VARIABLE = "TIKETI_INTERNAL_SECRET";

    private static final int BYTES = 32;

    private InternalSecret() {
    }

    /** The data directory's secret, created on first use. */
    public static String forDataDirectory(PlatformOptions options) {
        Path file = options.internalSecretFile();
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the internal secret " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, secret, StandardCharsets.US_ASCII);
    }
}
