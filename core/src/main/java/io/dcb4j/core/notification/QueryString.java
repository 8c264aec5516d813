package io.dcb4j.core.notification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code application/x-www-form-urlencoded} text (a query string or a form body): {@code +} is a
 * space, {@code %XX} is a UTF-8 byte, keys may repeat. Tolerant: a malformed escape is kept literally,
 * never an exception.
 */
public final class QueryString {

    private QueryString() {
    }

    /**
     * Parses a query string, with or without a leading {@code ?}.
     *
     * @param raw the text; null or empty gives an empty map
     * @return the parameters in order of first appearance, each with all its values; unmodifiable
     */
    public static Map<String, List<String>> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        String s = raw.charAt(0) == '?' ? raw.substring(1) : raw;
        Map<String, List<String>> out = new LinkedHashMap<>();
        int start = 0;
        int n = s.length();
        while (start <= n) {
            int amp = s.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start) {
                int eq = s.indexOf('=', start);
                String key;
                String value;
                if (eq < 0 || eq > end) {
                    key = decode(s, start, end);
                    value = "";
                } else {
                    key = decode(s, start, eq);
                    value = decode(s, eq + 1, end);
                }
                if (!key.isEmpty()) {
                    out.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Decodes one form-encoded component.
     *
     * @param s the text
     * @return the decoded text
     */
    public static String decode(String s) {
        return decode(s, 0, s.length());
    }

    private static String decode(String s, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '+' || c == '%') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from);
        ByteArrayOutputStream bytes = null;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '%' && hex(s, i + 1, to) >= 0) {
                if (bytes == null) {
                    bytes = new ByteArrayOutputStream();
                }
                bytes.reset();
                while (i < to && s.charAt(i) == '%' && hex(s, i + 1, to) >= 0) {
                    bytes.write(hex(s, i + 1, to));
                    i += 3;
                }
                sb.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
                continue;
            }
            sb.append(c == '+' ? ' ' : c);
            i++;
        }
        return sb.toString();
    }

    /** The byte of the two hex digits at {@code i}, or -1 when there are not two hex digits before {@code to}. */
    private static int hex(String s, int i, int to) {
        if (i + 1 >= to) {
            return -1;
        }
        int hi = Character.digit(s.charAt(i), 16);
        int lo = Character.digit(s.charAt(i + 1), 16);
        return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
    }
}
