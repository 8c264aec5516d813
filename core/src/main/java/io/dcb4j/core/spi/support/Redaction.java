package io.dcb4j.core.spi.support;

import io.dcb4j.core.model.Msisdn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redaction rules shared by logging, exception messages and {@code toString()}. Internal: not part of the
 * public API.
 *
 * <p>Text from a provider (error messages and codes, request ids, raw states, bodies) is untrusted. Before it
 * is shown anywhere, {@link #providerText(String, Collection)}:
 * <ol>
 *   <li>keeps at most the first {@value #WINDOW} characters (a 3 MB message costs no more than a short one);</li>
 *   <li>replaces every value the request carried that is secret (a client secret, password, API key, token,
 *       PIN) with {@value #MASK}, also in its URL-encoded and JSON-escaped forms;</li>
 *   <li>removes ANSI escape sequences, replaces control characters (C0, C1, DEL), line and paragraph separators
 *       (U+2028, U+2029) by a space, drops format characters (bidi embeddings, overrides and isolates
 *       U+202A-U+202E and U+2066-U+2069, marks U+200E, U+200F, U+061C, zero-width characters, BOM), replaces
 *       lone surrogates by U+FFFD and collapses runs of white space;</li>
 *   <li>masks bearer tokens, JSON string values and {@code key=value} pairs whose key names a credential;</li>
 *   <li>masks phone-number-like digit groups ({@link #maskPhoneNumbers});</li>
 *   <li>cuts the result to {@value #MAX_TEXT} characters, ending with {@value #TRUNCATED} when it was longer.</li>
 * </ol>
 * Every step is a single linear pass or a regular expression without nested quantifiers, on at most
 * {@value #WINDOW} characters.
 */
public final class Redaction {

    /** What replaces a secret. */
    public static final String MASK = "***";

    /** The most characters a provider text keeps once cleaned, marker included. */
    public static final int MAX_TEXT = 300;

    /**
     * The most characters the summary of an exception keeps (dcb4j's own words, which may quote provider text
     * or list configuration keys), marker included.
     */
    public static final int MAX_SUMMARY = 1000;

    /** The end of a provider text that was cut. */
    public static final String TRUNCATED = "...[truncated]";

    /** The most characters of a provider text that are looked at: the rest is dropped unread. */
    public static final int WINDOW = 4096;

    /**
     * The fewest characters a value must have to be masked when it was collected automatically (a header
     * value, a credential field of a body): shorter ones would mask ordinary words and numbers.
     */
    public static final int MIN_AUTOMATIC_SECRET = 4;

    /** Query, form, header and JSON keys whose values are never shown. Compared in lower case. */
    public static final Set<String> SENSITIVE_KEYS = Set.of(
            "client_secret", "clientsecret", "client_id", "clientid", "password", "p", "u", "username", "identity",
            "pin", "otp", "token", "access_token", "accesstoken", "refresh_token", "refreshtoken", "id_token",
            "authorization", "apikey", "api_key", "api-key", "x-api-key", "x-infomedia-api-key", "secret",
            "headervalue", "sessionid", "session_id", "code", "hmac", "signature");

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s{1,8})[A-Za-z0-9._~+/=-]+");
    /** A JSON string member; the key is judged in code, the value is a possessive scan (no backtracking). */
    private static final Pattern JSON_MEMBER = Pattern.compile(
            "\"([A-Za-z0-9_-]{1,64})\"\\s{0,8}:\\s{0,8}\"(?:[^\"\\\\]++|\\\\.)*+\"");
    /** A {@code key=value} pair (query strings, form bodies); the key is judged in code. */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]{1,64})=([^&\\s\"',;]*+)");
    private static final List<String> SECRET_WORDS = List.of("token", "secret", "password", "passwd", "pin",
            "apikey", "api_key", "api-key", "headervalue");

    private Redaction() {
    }

    /**
     * Whether a parameter, header or field name holds a secret.
     *
     * @param key the name
     * @return true when its value must be masked
     */
    public static boolean isSensitiveKey(String key) {
        return key != null && SENSITIVE_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    private static boolean isSecretJsonKey(String key) {
        if (isSensitiveKey(key)) {
            return true;
        }
        String k = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (k.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A provider text made safe to show, without request secrets: see the class comment.
     *
     * @param text any text, or null
     * @return the cleaned text, at most {@value #MAX_TEXT} characters, or null
     */
    public static String scrubText(String text) {
        return providerText(text, List.of());
    }

    /**
     * A provider text made safe to show: see the class comment.
     *
     * @param text any text, or null
     * @param secrets values that must never appear (null and empty ones are ignored)
     * @return the cleaned text, at most {@value #MAX_TEXT} characters, or null
     */
    public static String providerText(String text, Collection<String> secrets) {
        return providerText(text, secrets, MAX_TEXT);
    }

    /**
     * A provider text made safe to show, cut to {@code max} characters: see the class comment.
     *
     * @param text any text, or null
     * @param secrets values that must never appear (null and empty ones are ignored)
     * @param max the most characters of the result, marker included; at least 100
     * @return the cleaned text, or null
     */
    public static String providerText(String text, Collection<String> secrets, int max) {
        if (text == null) {
            return null;
        }
        List<String> forms = secretForms(secrets);
        boolean cut = text.length() > WINDOW;
        String s = text;
        if (cut) {
            // the window may end inside a secret: drop a tail as long as the longest one could be
            s = head(text, WINDOW - (forms.isEmpty() ? 0 : Math.min(WINDOW / 2, forms.get(0).length())));
        }
        s = mask(s, forms);
        s = sanitize(s);
        s = mask(s, forms);
        s = maskCredentials(s);
        s = maskPhoneNumbers(s);
        return cap(s, Math.max(100, max), cut);
    }

    /**
     * A text made printable without masking anything: {@link #sanitize} and cut to {@value #MAX_TEXT}
     * characters. For ids chosen to be shown whole (a provider reference).
     *
     * @param text any text, or null
     * @return the printable text, or null
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        boolean cut = text.length() > WINDOW;
        return cap(sanitize(cut ? head(text, WINDOW) : text), MAX_TEXT, cut);
    }

    /**
     * Keeps at most {@value #WINDOW} characters of a provider text, unchanged otherwise: what an exception
     * keeps of it before cleaning.
     *
     * @param text any text, or null
     * @return the text or its beginning
     */
    public static String window(String text) {
        return text == null || text.length() <= WINDOW ? text : head(text, WINDOW) + TRUNCATED;
    }

    /**
     * Replaces every occurrence of each secret, and of its URL-encoded and JSON-escaped forms, by
     * {@value #MASK}; longer secrets first.
     *
     * @param text the text, or null
     * @param secrets the values; null and empty ones are ignored
     * @return the text without them
     */
    public static String maskSecrets(String text, Collection<String> secrets) {
        return mask(text, secretForms(secrets));
    }

    /** Every secret with its URL-encoded and JSON-escaped forms, longest first. */
    private static List<String> secretForms(Collection<String> secrets) {
        if (secrets == null || secrets.isEmpty()) {
            return List.of();
        }
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            forms.add(secret);
            String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            forms.add(form);
            forms.add(form.replace("+", "%20"));
            String json = secret.replace("\\", "\\\\").replace("\"", "\\\"");
            forms.add(json);
            forms.add(json.replace("/", "\\/"));
        }
        List<String> ordered = new ArrayList<>(forms);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return ordered;
    }

    private static String mask(String text, List<String> forms) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        for (String form : forms) {
            if (s.contains(form)) {
                s = s.replace(form, MASK);
            }
        }
        return s;
    }

    /**
     * Removes what could change how a text is displayed: ANSI escape sequences are dropped, control
     * characters (C0, C1, DEL) and line or paragraph separators become a space, format characters (bidi
     * controls, zero-width characters, BOM) are dropped, lone surrogates become U+FFFD, runs of white space
     * become one space, and the ends are stripped. One linear pass.
     *
     * @param text the text, or null
     * @return the printable one-line text, or null
     */
    public static String sanitize(String text) {
        if (text == null) {
            return null;
        }
        if (isVisibleAscii(text)) {
            return text;
        }
        int n = text.length();
        StringBuilder sb = new StringBuilder(Math.min(n, WINDOW));
        boolean space = true; // drops leading white space
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == 0x1B || c == 0x9B) {
                i = skipEscape(text, i);
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(i + 1));
                int type = Character.getType(cp);
                if (type != Character.FORMAT && type != Character.CONTROL) {
                    sb.append(c).append(text.charAt(i + 1));
                    space = false;
                }
                i += 2;
                continue;
            }
            i++;
            if (Character.isSurrogate(c)) {
                sb.append('\uFFFD');
                space = false;
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.FORMAT) {
                continue;
            }
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SPACE_SEPARATOR) {
                if (!space) {
                    sb.append(' ');
                    space = true;
                }
                continue;
            }
            sb.append(c);
            space = false;
        }
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == ' ') {
            sb.setLength(end - 1);
        }
        return sb.toString();
    }

    /** Whether every character is visible ASCII ({@code !} to {@code ~}): such a text is printable as it is. */
    private static boolean isVisibleAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    /** The index after an escape sequence starting at {@code i} (ESC or C1 CSI): CSI, OSC or a two-character one. */
    private static int skipEscape(String text, int i) {
        int n = text.length();
        boolean csi = text.charAt(i) == 0x9B;
        int j = i + 1;
        if (!csi) {
            if (j >= n) {
                return j;
            }
            char next = text.charAt(j);
            if (next == '[') {
                csi = true;
                j++;
            } else if (next == ']' || next == 'P' || next == '_' || next == '^') {
                // OSC, DCS, APC, PM: up to BEL or ESC \ (or the end)
                j++;
                while (j < n) {
                    char c = text.charAt(j);
                    if (c == 0x07 || c == 0x9C) {
                        return j + 1;
                    }
                    if (c == 0x1B) {
                        return j + 1 < n && text.charAt(j + 1) == '\\' ? j + 2 : j;
                    }
                    j++;
                }
                return j;
            } else {
                return j + 1;
            }
        }
        // CSI: parameter and intermediate bytes 0x20-0x3F, then one final byte 0x40-0x7E
        while (j < n && text.charAt(j) >= 0x20 && text.charAt(j) <= 0x3F) {
            j++;
        }
        if (j < n && text.charAt(j) >= 0x40 && text.charAt(j) <= 0x7E) {
            j++;
        }
        return j;
    }

    /**
     * Masks bearer tokens, JSON string values whose key names a credential ({@code "password":"..."},
     * {@code "access_token":"..."}) and {@code key=value} pairs whose key is {@linkplain #isSensitiveKey
     * sensitive} ({@code client_secret=...}).
     *
     * @param text the text, or null
     * @return the masked text
     */
    public static String maskCredentials(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        s = BEARER.matcher(s).replaceAll("$1" + MASK);
        if (s.indexOf(':') >= 0) {
            Matcher m = JSON_MEMBER.matcher(s);
            StringBuilder sb = null;
            int last = 0;
            while (m.find()) {
                if (isSecretJsonKey(m.group(1))) {
                    if (sb == null) {
                        sb = new StringBuilder(s.length());
                    }
                    sb.append(s, last, m.start()).append('"').append(m.group(1)).append("\":\"").append(MASK)
                            .append('"');
                    last = m.end();
                }
            }
            if (sb != null) {
                s = sb.append(s, last, s.length()).toString();
            }
        }
        if (s.indexOf('=') >= 0) {
            Matcher m = KEY_VALUE.matcher(s);
            StringBuilder sb = null;
            int last = 0;
            while (m.find()) {
                if (isSensitiveKey(m.group(1)) && !m.group(2).isEmpty() && !m.group(2).equals(MASK)) {
                    if (sb == null) {
                        sb = new StringBuilder(s.length());
                    }
                    sb.append(s, last, m.start(2)).append(MASK);
                    last = m.end(2);
                }
            }
            if (sb != null) {
                s = sb.append(s, last, s.length()).toString();
            }
        }
        return s;
    }

    /**
     * Masks runs of eight or more digits. Kept for callers of the former rule: the same as
     * {@link #maskPhoneNumbers(String)}.
     *
     * @param text any text
     * @return the text with phone-number-like numbers masked
     */
    public static String maskDigitRuns(String text) {
        return maskPhoneNumbers(text);
    }

    /**
     * Masks phone-number-like numbers the way {@link Msisdn} masks itself (first four and last two digits
     * kept), whatever their shape: a number is a sequence of digit groups (any Unicode decimal digits) joined
     * by one to three separators (space, no-break space, {@code -}, {@code .}, {@code (}, {@code )}, Unicode
     * dashes), optionally after {@code +}, with eight or more digits in all: {@code 21698765432},
     * {@code +216 98 765 432}, {@code 216-98-765-432}, {@code (216) 98.765.432}. Separators are kept, digits
     * are masked in place. Not masked: dates ({@code 2024-01-26}, {@code 26.01.2024}), amounts with a
     * decimal point and thousands grouped by three ({@code 1 000 000.00}, {@code 10.00}), and anything with
     * fewer than eight digits. One linear pass.
     *
     * @param text any text, or null
     * @return the text with phone-number-like numbers masked
     */
    public static String maskPhoneNumbers(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        StringBuilder out = null;
        int copied = 0;
        int[] starts = new int[8];
        int[] ends = new int[8];
        int i = 0;
        while (i < n) {
            if (!Character.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int groups = 0;
            while (true) {
                int gs = i;
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                if (groups == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, groups * 2);
                    ends = java.util.Arrays.copyOf(ends, groups * 2);
                }
                starts[groups] = gs;
                ends[groups] = i;
                groups++;
                int j = i;
                while (j < n && j - i < 3 && isSeparator(text.charAt(j))) {
                    j++;
                }
                if (j > i && j < n && Character.isDigit(text.charAt(j))) {
                    i = j;
                    continue;
                }
                break;
            }
            int total = 0;
            for (int g = 0; g < groups; g++) {
                total += ends[g] - starts[g];
            }
            if (total < 8) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(text, copied, starts[0]);
            int base = out.length() - starts[0];
            out.append(text, starts[0], ends[groups - 1]);
            judgeAll(text, starts, ends, groups, out, base);
            copied = ends[groups - 1];
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\u00A0' || c == '\u2007'
                || c == '\u202F' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
    }

    /**
     * Masks, in {@code out}, the digits of one sequence of groups: dates are left alone, the groups between
     * them are judged as numbers. {@code base} turns a text index into an index of {@code out}.
     */
    private static void judgeAll(String text, int[] starts, int[] ends, int groups, StringBuilder out, int base) {
        int segment = 0;
        int g = 0;
        while (g < groups) {
            if (g + 2 < groups && isDate(text, starts, ends, g)) {
                judge(text, starts, ends, segment, g, out, base);
                g += 3;
                segment = g;
            } else {
                g++;
            }
        }
        judge(text, starts, ends, segment, groups, out, base);
    }

    /** Masks groups [from, to) in {@code out} when they hold eight digits or more (a decimal fraction aside). */
    private static void judge(String text, int[] starts, int[] ends, int from, int to, StringBuilder out, int base) {
        if (from >= to) {
            return;
        }
        int last = to - 1;
        if (last > from && isDecimalFraction(text, starts, ends, from, last)) {
            judge(text, starts, ends, from, last, out, base);
            return;
        }
        StringBuilder digits = new StringBuilder();
        for (int g = from; g < to; g++) {
            digits.append(text, starts[g], ends[g]);
        }
        if (digits.length() < 8) {
            return;
        }
        String masked = Msisdn.mask(digits.toString());
        int k = 0;
        for (int g = from; g < to; g++) {
            for (int p = starts[g]; p < ends[g]; p++, k++) {
                out.setCharAt(p + base, masked.length() == digits.length() ? masked.charAt(k) : '*');
            }
        }
    }

    /**
     * Whether the last group is a decimal fraction: joined by a single {@code .}, one or two
     * digits, and the integer part either one group or thousands grouped by three with spaces.
     */
    private static boolean isDecimalFraction(String text, int[] starts, int[] ends, int from, int last) {
        if (ends[last] - starts[last] > 2 || starts[last] - ends[last - 1] != 1) {
            return false;
        }
        char point = text.charAt(ends[last - 1]);
        if (point != '.') {
            return false;
        }
        for (int g = from + 1; g < last; g++) {
            if (ends[g] - starts[g] != 3 || starts[g] - ends[g - 1] != 1 || !isSpace(text.charAt(ends[g - 1]))) {
                return false;
            }
        }
        return last - 1 == from || ends[from] - starts[from] <= 3;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    /** Whether groups g, g+1, g+2 are a date: 4-2-2 or 2-2-4 digits, the same single - or . between them. */
    private static boolean isDate(String text, int[] starts, int[] ends, int g) {
        int a = ends[g] - starts[g];
        int b = ends[g + 1] - starts[g + 1];
        int c = ends[g + 2] - starts[g + 2];
        if (starts[g + 1] - ends[g] != 1 || starts[g + 2] - ends[g + 1] != 1) {
            return false;
        }
        char s1 = text.charAt(ends[g]);
        char s2 = text.charAt(ends[g + 1]);
        if (s1 != s2 || (s1 != '-' && s1 != '.')) {
            return false;
        }
        if (a == 4 && b == 2 && c == 2) {
            return month(text, starts[g + 1]) && day(text, starts[g + 2]);
        }
        if (a == 2 && b == 2 && c == 4) {
            return day(text, starts[g]) && month(text, starts[g + 1]);
        }
        return false;
    }

    private static int twoDigits(String text, int at) {
        return Character.digit(text.charAt(at), 10) * 10 + Character.digit(text.charAt(at + 1), 10);
    }

    private static boolean month(String text, int at) {
        int m = twoDigits(text, at);
        return m >= 1 && m <= 12;
    }

    private static boolean day(String text, int at) {
        int d = twoDigits(text, at);
        return d >= 1 && d <= 31;
    }

    /**
     * A {@code toString()} text that holds provider text, made safe: at most {@value #WINDOW} characters,
     * {@link #sanitize sanitized}, credential shapes and phone-number-like numbers masked.
     *
     * @param text the text, or null
     * @return the cleaned text
     */
    public static String cleanDescription(String text) {
        if (text == null) {
            return null;
        }
        boolean cut = text.length() > WINDOW;
        String s = maskPhoneNumbers(maskCredentials(sanitize(cut ? head(text, WINDOW) : text)));
        return cut ? s + TRUNCATED : s;
    }

    /**
     * A record as its default {@code toString()} shows it ({@code Name[a=1, b=x]}), with every text component
     * cleaned as provider text ({@link #scrubText}) and every other component's text sanitized, credentials and
     * phone numbers masked: for public records that carry provider text.
     *
     * @param record the record
     * @return the text
     */
    public static String describeRecord(Record record) {
        StringBuilder sb = new StringBuilder(record.getClass().getSimpleName()).append('[');
        java.lang.reflect.RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(components[i].getName()).append('=');
            Object value;
            try {
                value = components[i].getAccessor().invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                sb.append('?');
                continue;
            }
            if (value instanceof CharSequence text) {
                sb.append(scrubText(text.toString()));
            } else {
                sb.append(cleanDescription(String.valueOf(value)));
            }
        }
        return sb.append(']').toString();
    }

    /**
     * A short excerpt of a body for an error message: at most {@code max} characters, scrubbed, control
     * characters replaced.
     *
     * @param body the body text, or null
     * @param max the maximum length
     * @return the excerpt
     */
    public static String excerpt(String body, int max) {
        if (body == null) {
            return "";
        }
        String clean = maskPhoneNumbers(maskCredentials(sanitize(body.length() > WINDOW ? head(body, WINDOW) : body)));
        return clean.length() > max ? head(clean, max) + "..." : clean;
    }

    /**
     * Cuts a cleaned text to {@code max} characters, marker included.
     *
     * @param text the text
     * @param max the most characters
     * @param alreadyCut whether the text was cut before (the marker is added even if it is short now)
     * @return the text, or its beginning and {@value #TRUNCATED}
     */
    static String cap(String text, int max, boolean alreadyCut) {
        if (text.length() <= max && !alreadyCut) {
            return text;
        }
        int keep = Math.min(text.length(), max - TRUNCATED.length());
        return head(text, keep) + TRUNCATED;
    }

    /** The first {@code n} characters, one fewer when the cut would split a surrogate pair. */
    private static String head(String text, int n) {
        if (n >= text.length()) {
            return text;
        }
        int keep = n > 0 && Character.isHighSurrogate(text.charAt(n - 1)) ? n - 1 : n;
        return text.substring(0, keep);
    }
}
