package io.dcb4j.core.notification;

import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.NotificationRejectedException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Parses {@code application/x-www-form-urlencoded} text (a query string or a form body): {@code +} is a
 * space, {@code %XX} is a UTF-8 byte, keys may repeat. Tolerant: a malformed escape is kept literally,
 * never an exception. {@link #singleValues} then gives a callback parser one value per parameter and
 * refuses ambiguous callbacks.
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
     * One value per parameter, for a callback parser, from one or more sources (the query string, a form
     * body, the fields of a JSON object). Ambiguity is refused: a parameter given more than once with
     * different values, within one source or across sources ({@code etid=1&etid=2}, or {@code action} in the
     * query and another {@code action} in the body), is a {@link NotificationRejectedException} naming the
     * parameter, never its values, because a parser that picked one of them could be made to read what the
     * sender of the other value wanted. Identical repeats count once. Names are compared without
     * surrounding whitespace and, with {@code ignoreCase}, in any case, as the parser reads them.
     *
     * @param provider the provider id, for the exception
     * @param ignoreCase whether names that differ only in case are one parameter
     * @param sources name to values maps, for example {@link InboundNotification#queryParameters()} and
     *     {@link #parse(String)} of a form body
     * @return name (as first spelled, stripped) to its value, in order of first appearance; unmodifiable
     * @throws NotificationRejectedException when a parameter has different values
     */
    public static Map<String, String> singleValues(String provider, boolean ignoreCase,
            List<Map<String, List<String>>> sources) {
        Objects.requireNonNull(sources, "sources");
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Map<String, List<String>> source : sources) {
            if (source == null) {
                continue;
            }
            for (Map.Entry<String, List<String>> e : source.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                String name = e.getKey().strip();
                String id = ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
                for (String value : e.getValue()) {
                    if (value == null) {
                        continue;
                    }
                    String before = values.putIfAbsent(id, value);
                    if (before == null) {
                        spelling.put(id, name);
                    } else if (!before.equals(value)) {
                        throw ambiguous(provider, name);
                    }
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((id, value) -> out.put(spelling.get(id), value));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The refusal of a callback that gives a parameter twice with different values.
     *
     * @param provider the provider id
     * @param name the parameter name, as received (shown shortened and printable)
     * @return the exception
     */
    static NotificationRejectedException ambiguous(String provider, String name) {
        return new NotificationRejectedException(NotificationRejectedException.Reason.AMBIGUOUS,
                "callback parameter '" + printable(name)
                + "' is given more than once with different values", ErrorContext.of(provider, "parseNotification"),
                null);
    }

    /** A received name for a message: printable ASCII only, at most 64 characters. */
    static String printable(String name) {
        StringBuilder sb = new StringBuilder(Math.min(name.length(), 64));
        for (int i = 0; i < name.length(); i++) {
            if (sb.length() == 64) {
                return sb.append("...").toString();
            }
            char c = name.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f && c != '\'' ? c : '?');
        }
        return sb.toString();
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
