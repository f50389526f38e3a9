package org.onewindow.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;

class SshPublicKeyTest {
    private static final KeyPair KEY = generate();

    @Test
    void aKeyLineHasOneIdWhateverItsCommentAndTheFingerprintSshKeygenShows() {
        String line = PublicKeyEntry.toString(KEY.getPublic());
        SshPublicKey plain = SshPublicKey.parse(line);
        SshPublicKey commented = SshPublicKey.parse(line + " ops@harbour.example");

        assertThat(plain.keyType()).isEqualTo("ecdsa-sha2-nistp256");
        assertThat(plain.keyId()).hasSize(64).isEqualTo(commented.keyId()).isEqualTo(SshPublicKey.idOf(KEY.getPublic()));
        assertThat(plain.fingerprint()).startsWith("SHA256:");
    }

    @Test
    void whatIsNotOneOpenSshPublicKeyLineIsRefusedWithWhatToSend() {
        assertThatThrownBy(() -> SshPublicKey.parse("")).hasMessageContaining("one OpenSSH public key line");
        assertThatThrownBy(() -> SshPublicKey.parse("ssh-rsa not-base64")).isInstanceOf(IllegalArgumentException.class);
        String line = PublicKeyEntry.toString(KEY.getPublic());
        assertThatThrownBy(() -> SshPublicKey.parse(line + "\n" + line)).hasMessageContaining("one OpenSSH public key line");
    }

    private static KeyPair generate() {
        try {
            return KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
