package org.onewindow.sftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * An SSH public key as a party registers it: one OpenSSH {@code authorized_keys} line
 * ({@code ecdsa-sha2-nistp256 AAAA… comment}). Its id is the SHA-256 (hex) of the key's wire encoding, so the
 * same key always has the same id whatever its comment; {@link #fingerprint()} is what {@code ssh-keygen -l} shows.
 */
public record SshPublicKey(String keyId, String keyType, String line, PublicKey key) {

    /** Parses an OpenSSH public key line; IllegalArgumentException saying what is wrong with it. */
    public static SshPublicKey parse(String line) {
        String text = line == null ? "" : line.strip();
        if (text.isEmpty() || text.contains("\n")) {
            throw new IllegalArgumentException("send one OpenSSH public key line (the content of id_ecdsa.pub, id_ed25519.pub …)");
        }
        try {
            AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(text);
            if (entry == null) {
                throw new IllegalArgumentException("not an OpenSSH public key line");
            }
            PublicKey key = entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
            return new SshPublicKey(idOf(key), KeyUtils.getKeyType(key), text, key);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw (IllegalArgumentException) e;
            }
            throw new IllegalArgumentException("not a usable OpenSSH public key: " + e.getMessage());
        }
    }

    /** The id of a key presented at login: SHA-256 (hex) of its SSH wire encoding. */
    public static String idOf(PublicKey key) {
        ByteArrayBuffer buffer = new ByteArrayBuffer();
        buffer.putRawPublicKey(key);
        try {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            wire.write(buffer.array(), buffer.rpos(), buffer.available());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wire.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The OpenSSH fingerprint ({@code SHA256:…}), as {@code ssh-keygen -lf key.pub} prints it. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(key);
    }
}
