package io.dcb4j.core.notification;

import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.spi.support.ConfigChecks;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticity checks for callbacks: a shared secret compared in constant time (for providers that do not
 * sign), and HMAC-SHA256 signatures (for providers that do). They fail closed: a blank configured secret or
 * key never matches anything, and a blank or missing received secret or signature never matches.
 */
public final class NotificationSecurity {

    private NotificationSecurity() {
    }

    /**
     * Compares a received secret with the expected one in time independent of where they differ.
     *
     * @param expected the configured secret
     * @param received what arrived, possibly null
     * @return true when equal; always false when the configured secret is null or blank
     */
    public static boolean secretMatches(String expected, String received) {
        if (expected == null || received == null || ConfigChecks.isBlank(expected)) {
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
     * @throws NotificationRejectedException when missing or different, or when the parameter is given more
     *     than once with different values
     * @throws ConfigurationException when the configured secret is null or blank: there is nothing to
     *     compare with, and a blank secret must never admit a callback
     */
    public static void requireSharedSecret(String provider, InboundNotification notification, String parameter,
            String expected) {
        if (expected == null || ConfigChecks.isBlank(expected)) {
            throw new ConfigurationException(provider, "notification-secret", "is not configured (null or blank)");
        }
        // every value of the parameter, its name exact, from the query's pairs (no map is built for this)
        String received = null;
        String[] pairs = notification.queryPairs();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(parameter)) {
                if (received == null) {
                    received = pairs[i + 1];
                } else if (!received.equals(pairs[i + 1])) {
                    throw QueryString.ambiguous(provider, parameter);
                }
            }
        }
        if (!secretMatches(expected, received)) {
            throw new NotificationRejectedException(NotificationRejectedException.Reason.SHARED_SECRET,
                    received == null ? "shared secret missing" : "shared secret does not match",
                    ErrorContext.of(provider, "parseNotification"), null);
        }
    }

    /**
     * Computes HMAC-SHA256.
     *
     * @param key the key bytes, not empty
     * @param data the data
     * @return the MAC
     * @throws IllegalArgumentException when the key is null or empty
     */
    public static byte[] hmacSha256(byte[] key, byte[] data) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("an HMAC key must not be empty");
        }
        return mac(key).doFinal(data);
    }

    /**
     * This thread's HMAC-SHA256 for the key: the last key's {@code Mac} again when the key is the same (a
     * parser checks every callback with its one key), so that a check does not look the algorithm up and
     * schedule the key each time. {@code doFinal} leaves it reset.
     */
    private static Mac mac(byte[] key) {
        KeyedMac cached = LAST_MAC.get();
        if (cached != null && MessageDigest.isEqual(cached.key, key)) {
            return cached.mac;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            LAST_MAC.set(new KeyedMac(key.clone(), mac));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The last key a thread computed an HMAC with, and its initialised {@code Mac}. */
    private record KeyedMac(byte[] key, Mac mac) {
        @Override
        public String toString() {
            return "KeyedMac[***]";
        }
    }

    private static final ThreadLocal<KeyedMac> LAST_MAC = new ThreadLocal<>();

    /**
     * Checks an HMAC-SHA256 signature of {@code body}, given in hex or Base64 (optionally prefixed
     * {@code sha256=}), in constant time.
     *
     * @param key the shared key (UTF-8)
     * @param body the signed bytes
     * @param signature the received signature, possibly null
     * @return true when it matches; always false when the key or the signature is null or blank
     */
    public static boolean hmacSha256Matches(String key, byte[] body, String signature) {
        if (key == null || signature == null || ConfigChecks.isBlank(key) || signature.isBlank()) {
            return false;
        }
        byte[] expected = hmacSha256(key.getBytes(StandardCharsets.UTF_8), body);
        String sig = signature.strip();
        if (hasPrefix(sig, "sha256=")) {
            sig = sig.substring(7);
        }
        byte[] received = decodeSignature(sig);
        return received != null && MessageDigest.isEqual(expected, received);
    }

    /** Whether the text starts with the lower-case ASCII prefix, in any case (no lower-case copy of it). */
    private static boolean hasPrefix(String text, String prefix) {
        if (text.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(text.charAt(i)) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
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
