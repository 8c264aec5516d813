package io.dcb4j.core.spi.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable short digests for derived ids (token cache keys, event ids of providers that send none). Internal. */
public final class Digests {

    private Digests() {
    }

    /**
     * The first {@code bytes} bytes of the SHA-256 of {@code text} (UTF-8), in lower-case hex.
     *
     * @param text the text
     * @param bytes how many bytes to keep, 1 to 32
     * @return {@code 2 * bytes} hex characters
     */
    public static String sha256Hex(String text, int bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
