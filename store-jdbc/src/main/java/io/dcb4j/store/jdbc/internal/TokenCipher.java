package io.dcb4j.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals token values for the token table: AES-256-GCM with a random 96-bit nonce, the row's key and the column
 * as associated data (a value copied into another row or column does not open), as {@code v1:} + base64 of
 * nonce and ciphertext; or {@code plain:} + the value when no key is configured. Internal.
 */
public final class TokenCipher {

    private static final String SEALED = "v1:";
    private static final String PLAIN = "plain:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    /**
     * A cipher.
     *
     * @param key the AES key, or null to store in clear
     */
    public TokenCipher(SecretKey key) {
        this.key = key;
    }

    /**
     * Seals a value.
     *
     * @param value the value, or null
     * @param row the row's key
     * @param column the column
     * @return the stored text, or null
     */
    public String seal(String value, String row, String column) {
        if (value == null) {
            return null;
        }
        if (key == null) {
            return PLAIN + value;
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(aad(row, column));
            byte[] sealed = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return SEALED + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * Opens a stored value.
     *
     * @param stored the stored text, or null
     * @param row the row's key
     * @param column the column
     * @return the value; empty when absent, sealed under another key (after a rotation), tampered with, or in
     *     clear while a key is configured
     */
    public Optional<String> open(String stored, String row, String column) {
        if (stored == null) {
            return Optional.empty();
        }
        if (key == null) {
            return stored.startsWith(PLAIN) ? Optional.of(stored.substring(PLAIN.length())) : Optional.empty();
        }
        if (!stored.startsWith(SEALED)) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            if (in.length < 12 + 16) {
                return Optional.empty();
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            c.updateAAD(aad(row, column));
            return Optional.of(new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static byte[] aad(String row, String column) {
        return ("dcb4j-token\u0000" + row + "\u0000" + column).getBytes(StandardCharsets.UTF_8);
    }
}
