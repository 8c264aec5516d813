package io.dcb4j.core.spi.http;

import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.spi.support.Redaction;
import io.dcb4j.core.token.AccessToken;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;

/**
 * The values a request carries that must never reach an exception, collected so that a provider module
 * cannot forget one: the values it marked {@linkplain ApiRequest.Builder#sensitive sensitive}; every
 * {@linkplain ClientOptions#extraHeaders() extra header} value and every header value of the request except
 * plain content headers (API keys, session headers); the URL's password and its query values, form fields and
 * JSON members whose name is {@linkplain Redaction#isSensitiveKey sensitive} ({@code client_secret},
 * {@code password}, {@code p}, {@code refresh_token} ...); the access and refresh token. Automatically
 * collected values shorter than {@value Redaction#MIN_AUTOMATIC_SECRET} characters are left out (they would
 * mask ordinary words and numbers); marked ones never are. Internal.
 */
final class RequestSecrets {

    /** Headers whose values are never secret. */
    private static final Set<String> PLAIN_HEADERS = Set.of("content-type", "accept", "accept-language",
            "accept-encoding", "user-agent", "content-length", "cache-control", "x-correlator");
    private static final long MAX_SCANNED_BODY = 64 * 1024;
    /** {@link Redaction#SENSITIVE_KEYS}, for comparing a JSON member name's bytes without making a string. */
    private static final byte[][] SENSITIVE_KEYS = Redaction.SENSITIVE_KEYS.stream()
            .map(k -> k.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

    private RequestSecrets() {
    }

    /**
     * The secrets of a request, the token aside.
     *
     * @param request the request
     * @param options the client options (extra headers)
     * @return the values, possibly empty
     */
    static List<String> of(ApiRequest request, ClientOptions options) {
        // made when the first value is found: most requests carry none but the token
        List<String> out = request.sensitive.isEmpty() ? null : new ArrayList<>(request.sensitive);
        if (!options.extraHeaders().isEmpty()) {
            for (String v : options.extraHeaders().values()) {
                out = automatic(out, v);
            }
        }
        if (!request.headers.isEmpty()) {
            for (Map.Entry<String, String> h : request.headers.entrySet()) {
                if (!isPlainHeader(h.getKey())) {
                    out = automatic(out, h.getValue());
                }
            }
        }
        HttpUrl url = request.url;
        out = automatic(out, url.password());
        for (int i = 0; i < url.querySize(); i++) {
            if (Redaction.isSensitiveKey(url.queryParameterName(i))) {
                out = automatic(out, url.queryParameterValue(i));
            }
        }
        if (request.body instanceof FormBody form) {
            for (int i = 0; i < form.size(); i++) {
                if (Redaction.isSensitiveKey(form.name(i))) {
                    out = automatic(out, form.value(i));
                }
            }
        } else if (request.json != null && request.json.length <= MAX_SCANNED_BODY) {
            out = collectJson(request.json, out);
        }
        return out == null ? List.of() : out;
    }

    /**
     * The secrets of a token: its value and its refresh token.
     *
     * @param token the token, or null
     * @return the values
     */
    static List<String> of(AccessToken token) {
        if (token == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        out.add(token.value());
        if (token.refreshToken() != null) {
            out.add(token.refreshToken());
        }
        return out;
    }

    /** Whether a header is one of {@link #PLAIN_HEADERS}, in any case, without a lower-case copy of its name. */
    private static boolean isPlainHeader(String name) {
        for (String plain : PLAIN_HEADERS) {
            if (plain.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Collects the values of the members with a sensitive name, at any depth, from a JSON body this client
     * wrote: one pass over the bytes, without a tree or a string per member. A string value is collected
     * unescaped; a number, {@code true}, {@code false} or {@code null} as written; an object or array value is
     * searched in turn. A name is compared as {@link Redaction#isSensitiveKey} compares it: ASCII names byte by
     * byte ignoring case, any other name (escaped, non-ASCII) decoded first.
     *
     * @param json a complete JSON text, as {@link io.dcb4j.core.spi.json.Json#write} writes it
     * @param out where the values go, or null to make a list when one is found
     * @return {@code out}, or the list made; null when there was none and nothing was found
     */
    static List<String> collectJson(byte[] json, List<String> out) {
        int n = json.length;
        int i = 0;
        while (i < n) {
            if (json[i] != '"') {
                i++;
                continue;
            }
            int end = endOfString(json, i);
            int colon = skipSpace(json, end + 1);
            if (colon >= n || json[colon] != ':') {
                i = end + 1; // a string value: not a member name
                continue;
            }
            boolean sensitive = isSensitiveName(json, i + 1, end);
            i = colon + 1;
            if (!sensitive) {
                continue;
            }
            int start = skipSpace(json, i);
            if (start >= n) {
                return out;
            }
            if (json[start] == '"') {
                int valueEnd = endOfString(json, start);
                out = automatic(out, unescape(json, start + 1, valueEnd));
                i = valueEnd + 1;
            } else if (json[start] != '{' && json[start] != '[') {
                int valueEnd = start;
                while (valueEnd < n && json[valueEnd] != ',' && json[valueEnd] != '}' && json[valueEnd] != ']'
                        && !isSpace(json[valueEnd])) {
                    valueEnd++;
                }
                out = automatic(out, new String(json, start, valueEnd - start, StandardCharsets.UTF_8));
                i = valueEnd;
            }
            // an object or array value: its members are searched as the scan goes on
        }
        return out;
    }

    /** The index of the quote that closes the string opening at {@code quote}; the length when none does. */
    private static int endOfString(byte[] json, int quote) {
        int i = quote + 1;
        while (i < json.length && json[i] != '"') {
            i += json[i] == '\\' ? 2 : 1;
        }
        return Math.min(i, json.length);
    }

    private static int skipSpace(byte[] json, int from) {
        int i = from;
        while (i < json.length && isSpace(json[i])) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** Whether the member name between the quotes at {@code from - 1} and {@code end} is sensitive. */
    private static boolean isSensitiveName(byte[] json, int from, int end) {
        for (int i = from; i < end; i++) {
            if (json[i] == '\\' || json[i] < 0) {
                return Redaction.isSensitiveKey(unescape(json, from, end));
            }
        }
        for (byte[] key : SENSITIVE_KEYS) {
            if (key.length == end - from && equalsIgnoreAsciiCase(key, json, from)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code json} at {@code from} holds {@code lower}, a lower-case ASCII name, in any case. */
    private static boolean equalsIgnoreAsciiCase(byte[] lower, byte[] json, int from) {
        for (int k = 0; k < lower.length; k++) {
            int b = json[from + k];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lower[k]) {
                return false;
            }
        }
        return true;
    }

    /** The text of a JSON string's content, escapes decoded; an unpaired surrogate escape is kept as it is. */
    private static String unescape(byte[] json, int from, int end) {
        int backslash = -1;
        for (int i = from; i < end; i++) {
            if (json[i] == '\\') {
                backslash = i;
                break;
            }
        }
        if (backslash < 0) {
            return new String(json, from, end - from, StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream(end - from);
        StringBuilder sb = new StringBuilder(end - from);
        int i = from;
        while (i < end) {
            if (json[i] != '\\') {
                utf8.write(json[i++]);
                continue;
            }
            if (utf8.size() > 0) {
                sb.append(utf8.toString(StandardCharsets.UTF_8));
                utf8.reset();
            }
            char c = i + 1 < end ? (char) json[i + 1] : '\\';
            switch (c) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    int code = i + 6 <= end ? hex4(json, i + 2) : -1;
                    if (code >= 0) {
                        sb.append((char) code);
                        i += 4;
                    } else {
                        sb.append(c);
                    }
                }
                default -> sb.append(c); // \" \\ \/
            }
            i += 2;
        }
        if (utf8.size() > 0) {
            sb.append(utf8.toString(StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** The value of four hex digits at {@code from}; -1 when one is not a hex digit. */
    private static int hex4(byte[] json, int from) {
        int v = 0;
        for (int k = from; k < from + 4; k++) {
            int d = Character.digit(json[k], 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static List<String> automatic(List<String> out, String value) {
        if (value != null && value.strip().length() >= Redaction.MIN_AUTOMATIC_SECRET) {
            List<String> list = out != null ? out : new ArrayList<>();
            list.add(value);
            if (!value.strip().equals(value)) {
                list.add(value.strip());
            }
            return list;
        }
        return out;
    }
}
