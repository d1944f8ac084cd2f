package dev.tiketi.user.token;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {

    @TempDir
    Path directory;

    @Test
    void createsAnOwnerOnlyKeyFileOnceAndReusesItAfterARestart() throws Exception {
        Path file = directory.resolve("keys/nested/signing-key.pem");

        var first = SigningKeys.load(file.toString(), true);
        var second = SigningKeys.load(file.toString(), true);

        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(second.getKeyID()).isEqualTo(first.getKeyID()).isEqualTo(first.computeThumbprint().toString());
        assertThat(second.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
        assertThat(second.toRSAPrivateKey().getModulus().bitLength()).isEqualTo(2048);
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void missingFileFailsWhenGenerationIsOff() {
        Path file = directory.resolve("absent.pem");

        assertThatThrownBy(() -> SigningKeys.load(file.toString(), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
        assertThat(file).doesNotExist();
    }

    @Test
    void garbageFileIsRefused() throws Exception {
        Path file = Files.writeString(directory.resolve("garbage.pem"), "not a key");

        assertThatThrownBy(() -> SigningKeys.load(file.toString(), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a PEM");
    }

    @Test
    void emptyLocationGivesAFreshInMemoryKeyEachTime() {
        var one = SigningKeys.load("", true);
        var two = SigningKeys.load("", true);

        assertThat(one.isPrivate()).isTrue();
        assertThat(one.getKeyID()).isNotEqualTo(two.getKeyID());
    }
}
