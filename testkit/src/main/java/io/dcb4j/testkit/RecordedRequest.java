package io.dcb4j.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as a simulator received it, for assertions in tests.
 *
 * @param method the HTTP method
 * @param path the path
 * @param rawQuery the raw query string, or null
 * @param headers the headers, names in lower case
 * @param body the body bytes
 */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
        byte[] body) {

    /**
     * The first value of a header.
     *
     * @param name any case
     * @return the value
     */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Method, path and body size only: bodies may hold credentials. */
    @Override
    public String toString() {
        return method + " " + path + " (" + body.length + " body bytes)";
    }
}
