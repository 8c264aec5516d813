package io.dcb4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.core.notification.QueryString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request received by a simulator.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded path
 * @param pathParams the named groups of the matched route pattern
 * @param query the decoded query parameters
 * @param headers the headers, names in lower case
 * @param body the body bytes
 */
public record SimRequest(
        String method,
        String path,
        Map<String, String> pathParams,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        byte[] body) {

    /**
     * A path parameter of the route.
     *
     * @param name the group name
     * @return the value
     * @throws IllegalArgumentException when the route has no such group
     */
    public String pathParam(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no path parameter " + name);
        }
        return v;
    }

    /**
     * The first value of a query parameter.
     *
     * @param name the name
     * @return the value
     */
    public Optional<String> query(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

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

    /**
     * The body as JSON; a {@link SimResponse.Failure} answering 400 when it is not JSON.
     *
     * @return the tree
     */
    public JsonNode json() {
        JsonNode node = Json.treeOrNull(bodyText());
        if (node == null) {
            throw new SimResponse.Failure(SimResponse.json(400, Map.of("error", "body is not JSON")));
        }
        return node;
    }

    /**
     * The body as a form ({@code application/x-www-form-urlencoded}).
     *
     * @return the fields
     */
    public Map<String, List<String>> form() {
        return QueryString.parse(bodyText());
    }

    /**
     * The first value of a form field.
     *
     * @param name the field
     * @return the value
     */
    public Optional<String> formField(String name) {
        List<String> v = form().get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }
}
