package io.dcb4j.core.notification;

import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.NotificationRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
        return group(pairs(raw));
    }

    /**
     * Pairs grouped by name, as {@link #parse} returns them.
     *
     * @param pairs from {@link #pairs}
     * @return name to its values, in order of first appearance; unmodifiable
     */
    static Map<String, List<String>> group(String[] pairs) {
        if (pairs.length == 0) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.computeIfAbsent(pairs[i], k -> new ArrayList<>(1)).add(pairs[i + 1]);
        }
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(out);
    }

    /** No parameters. */
    static final String[] NO_PAIRS = new String[0];

    /**
     * The parameters of a query string as {@link #parse} reads them, in order, without grouping them by name:
     * decoded name and value alternate, {@code [name0, value0, name1, value1, ...]}; names are never empty.
     * This is what a callback parser needs (it refuses differing repeats itself), without a map and a list
     * per name.
     *
     * @param raw the text, with or without a leading {@code ?}; null or empty gives no pairs
     * @return the pairs; a new array the caller may keep
     */
    static String[] pairs(String raw) {
        return raw == null ? NO_PAIRS : pairs(raw, 0);
    }

    /**
     * {@link #pairs(String)} of the text from an index on (a URL's query, without cutting it out first).
     *
     * @param raw the text
     * @param from where the query starts (a {@code ?} there is skipped)
     * @return the pairs
     */
    static String[] pairs(String raw, int from) {
        int n = raw.length();
        if (from >= n) {
            return NO_PAIRS;
        }
        int start = raw.charAt(from) == '?' ? from + 1 : from;
        int count = 1;
        for (int amp = raw.indexOf('&', start); amp >= 0; amp = raw.indexOf('&', amp + 1)) {
            count++;
        }
        String[] out = new String[2 * count];
        int size = 0;
        // the next '%' and '+' at or after the current component (-1: none left), found with indexOf as the
        // components go by, so that no component is scanned character by character for them
        int[] next = {raw.indexOf('%', start), raw.indexOf('+', start)};
        while (start <= n) {
            int amp = raw.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start) {
                int eq = raw.indexOf('=', start);
                String key;
                String value;
                if (eq < 0 || eq > end) {
                    key = decode(raw, start, end, next);
                    value = "";
                } else {
                    key = decode(raw, start, eq, next);
                    value = decode(raw, eq + 1, end, next);
                }
                if (!key.isEmpty()) {
                    out[size++] = key;
                    out[size++] = value;
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return size == out.length ? out : size == 0 ? NO_PAIRS : Arrays.copyOf(out, size);
    }

    /**
     * {@link #decode(String, int, int)} of a component, knowing the next {@code %} and {@code +} at or after
     * an earlier component ({@code next}, updated; -1 when there is none).
     */
    private static String decode(String s, int from, int to, int[] next) {
        if (next[0] >= 0 && next[0] < from) {
            next[0] = s.indexOf('%', from);
        }
        if (next[0] >= 0 && next[0] < to) {
            return decodeEscapes(s, from, to);
        }
        if (next[1] >= 0 && next[1] < from) {
            next[1] = s.indexOf('+', from);
        }
        String text = s.substring(from, to);
        return next[1] >= 0 && next[1] < to ? text.replace('+', ' ') : text;
    }

    /**
     * One value per parameter, for a callback parser, from one or more sources (the query string, a form
     * body, the fields of a JSON object). Ambiguity is refused: a parameter given more than once with
     * different values, within one source or across sources ({@code etid=1&etid=2}, or {@code action} in the
     * query and another {@code action} in the body), is a {@link NotificationRejectedException} naming the
     * parameter, never its values, because a parser that picked one of them could be made to read what the
     * sender of the other value wanted. Identical repeats count once. Names are compared without
     * surrounding whitespace and, with {@code ignoreCase}, in any case, as the parser reads them (as
     * {@link CallbackParameters} compares them).
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
        CallbackParameters.Builder b = new CallbackParameters.Builder(provider, ignoreCase);
        for (Map<String, List<String>> source : sources) {
            if (source != null) {
                b.add(source);
            }
        }
        return b.build();
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
        boolean plus = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                return decodeEscapes(s, from, to);
            }
            plus |= c == '+';
        }
        String text = s.substring(from, to);
        return plus ? text.replace('+', ' ') : text;
    }

    /**
     * The text with {@code +} as a space and each run of consecutive {@code %XX} escapes decoded as UTF-8
     * on its own (a malformed sequence becomes U+FFFD); an escape without two hex digits stays literal.
     */
    private static String decodeEscapes(String s, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        byte[] bytes = null;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '%' && hex(s, i + 1, to) >= 0) {
                if (bytes == null) {
                    bytes = new byte[(to - i) / 3];
                }
                int length = 0;
                int b;
                while (i < to && s.charAt(i) == '%' && (b = hex(s, i + 1, to)) >= 0) {
                    bytes[length++] = (byte) b;
                    i += 3;
                }
                sb.append(new String(bytes, 0, length, StandardCharsets.UTF_8));
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
