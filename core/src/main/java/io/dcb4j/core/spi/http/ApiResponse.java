package io.dcb4j.core.spi.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.spi.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's answer, body fully read. Internal.
 *
 * @param status the HTTP status
 * @param headers the headers, names in lower case
 * @param body the body bytes; empty when none
 * @param context the error context for this call (provider, operation, status, request id)
 */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body, ErrorContext context) {

    /**
     * The first value of a header.
     *
     * @param name the name, any case
     * @return the value
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Whether the status is 2xx.
     *
     * @return true on success statuses
     */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the text
     */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body read as JSON into {@code type}; a {@link io.dcb4j.core.error.DcbProtocolException} when it is
     * not.
     *
     * @param type the type
     * @param <T> the type
     * @return the value
     */
    public <T> T json(Class<T> type) {
        return Json.read(body, type, context);
    }

    /**
     * The body as a JSON tree; a {@link io.dcb4j.core.error.DcbProtocolException} when it is not JSON.
     *
     * @return the tree
     */
    public JsonNode jsonTree() {
        return Json.tree(body, context);
    }

    /**
     * The body as a JSON tree, or null when it is not JSON (for error bodies that may be HTML).
     *
     * @return the tree or null
     */
    public JsonNode jsonTreeOrNull() {
        if (body.length == 0) {
            return null;
        }
        return Json.treeOrNull(text());
    }
}
