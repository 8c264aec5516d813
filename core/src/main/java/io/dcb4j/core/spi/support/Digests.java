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
        byte[] d = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, bytes);
    }

    /** One digest per thread ({@code digest} leaves it reset): no provider look-up per id. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    });
}
