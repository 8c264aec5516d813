package io.dcb4j.core.notification;

import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.NotificationRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticity checks for callbacks: a shared secret compared in constant time (for providers that do not
 * sign), and HMAC-SHA256 signatures (for providers that do).
 */
public final class NotificationSecurity {

    private NotificationSecurity() {
    }

    /**
     * Compares a received secret with the expected one in time independent of where they differ.
     *
     * @param expected the configured secret
     * @param received what arrived, possibly null
     * @return true when equal
     */
    public static boolean secretMatches(String expected, String received) {
        if (expected == null || received == null) {
            return false;
        }
        // the loop always runs over the whole expected secret: its time depends on the configured secret only,
        // never on where, or whether, the received value differs
        byte[] a = expected.getBytes(StandardCharsets.UTF_8);
        byte[] b = received.getBytes(StandardCharsets.UTF_8);
        int diff = a.length ^ b.length;
        for (int i = 0; i < a.length; i++) {
            diff |= a[i] ^ (i < b.length ? b[i] : 0);
        }
        return diff == 0;
    }

    /**
     * Requires the shared secret in a query parameter of the callback URL.
     *
     * @param provider the provider id, for the exception
     * @param notification the callback
     * @param parameter the query parameter holding the secret
     * @param expected the configured secret
     * @throws NotificationRejectedException when missing or different
     */
    public static void requireSharedSecret(String provider, InboundNotification notification, String parameter,
            String expected) {
        String received = notification.query(parameter).orElse(null);
        if (!secretMatches(expected, received)) {
            throw new NotificationRejectedException(
                    received == null ? "shared secret missing" : "shared secret does not match",
                    ErrorContext.of(provider, "parseNotification"), null);
        }
    }

    /**
     * Computes HMAC-SHA256.
     *
     * @param key the key bytes
     * @param data the data
     * @return the MAC
     */
    public static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Checks an HMAC-SHA256 signature of {@code body}, given in hex or Base64 (optionally prefixed
     * {@code sha256=}), in constant time.
     *
     * @param key the shared key (UTF-8)
     * @param body the signed bytes
     * @param signature the received signature, possibly null
     * @return true when it matches
     */
    public static boolean hmacSha256Matches(String key, byte[] body, String signature) {
        if (key == null || signature == null || signature.isBlank()) {
            return false;
        }
        byte[] expected = hmacSha256(key.getBytes(StandardCharsets.UTF_8), body);
        String sig = signature.strip();
        if (sig.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
            sig = sig.substring(7);
        }
        byte[] received = decodeSignature(sig);
        return received != null && MessageDigest.isEqual(expected, received);
    }

    private static byte[] decodeSignature(String sig) {
        if (sig.length() == 64) {
            try {
                return HexFormat.of().parseHex(sig);
            } catch (IllegalArgumentException ignored) {
                // not hex: try Base64
            }
        }
        try {
            return Base64.getDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(sig);
            } catch (IllegalArgumentException e2) {
                return null;
            }
        }
    }
}
