package io.dcb4j.b2maoc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.core.spi.support.Redaction;
import io.dcb4j.core.spi.http.ApiResponse;
import java.util.Locale;
import java.util.Map;

/**
 * The AOC answer envelope {@code {status, errors, message, data}}, with every object key stripped of
 * surrounding spaces and lower-cased (the document shows keys such as {@code " spTransID "}, and casing
 * varies), so that DTOs bind by their lower-case names. Two keys that become the same name with different
 * values ({@code "status"} and {@code " Status "}) are ambiguous: {@link #read} refuses the answer with a
 * {@link DcbProtocolException}. Success is judged by the envelope, never by the HTTP
 * status: {@code status:false}, {@code errors:true} or a {@code data.errorCode} other than {@code 00} is a
 * failure.
 */
public final class AocEnvelope {

    private final ApiResponse response;
    private final Boolean status;
    private final Boolean errors;
    private final String message;
    private final ObjectNode data;

    private AocEnvelope(ApiResponse response, ObjectNode root) {
        this.response = response;
        this.status = bool(root.get("status"));
        this.errors = bool(root.get("errors"));
        // the gateway's message can echo the subscriber's number or a credential header, and carry control
        // characters: it reaches public results and their toString(), so it is kept cleaned
        this.message = response.context().scrub(text(root.get("message")));
        JsonNode d = root.get("data");
        this.data = d instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    }

    /**
     * Reads an answer as an envelope.
     *
     * @param response the answer
     * @return the envelope
     * @throws DcbProtocolException when the body is not a JSON object with {@code status}, {@code errors} or
     *     {@code data}
     */
    public static AocEnvelope read(ApiResponse response) {
        JsonNode tree = response.jsonTree();
        AocEnvelope env;
        try {
            env = of(response, tree);
        } catch (AmbiguousKeyException e) {
            throw new DcbProtocolException("ambiguous answer: the key '" + Redaction.excerpt(e.key, 40)
                    + "' appears twice in one object with different values (keys are compared without case and"
                    + " surrounding spaces)", response.context(), null);
        }
        if (env == null) {
            throw new DcbProtocolException("answer is not an AOC envelope {status, errors, message, data}",
                    response.context(), null);
        }
        return env;
    }

    /**
     * Reads an answer as an envelope, or null when it is not one (error bodies may be HTML).
     *
     * @param response the answer
     * @return the envelope or null
     */
    public static AocEnvelope readOrNull(ApiResponse response) {
        try {
            return of(response, response.jsonTreeOrNull());
        } catch (AmbiguousKeyException e) {
            return null;
        }
    }

    private static AocEnvelope of(ApiResponse response, JsonNode tree) {
        if (!(tree instanceof ObjectNode)) {
            return null;
        }
        ObjectNode root = (ObjectNode) normalize(tree);
        if (!root.has("status") && !root.has("errors") && !root.has("data")) {
            return null;
        }
        return new AocEnvelope(response, root);
    }

    /** Two keys of one object that normalise to the same name hold different non-null values. */
    public static final class AmbiguousKeyException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /** The normalised key. */
        final String key;

        AmbiguousKeyException(String key) {
            super("ambiguous key", null, false, false);
            this.key = key;
        }
    }

    /**
     * A copy of a tree with object keys stripped and lower-cased. A null value gives way to a non-null one of
     * the same name; two different non-null values are ambiguous.
     *
     * @param node the tree
     * @return the normalised copy
     * @throws AmbiguousKeyException when two keys of one object normalise to the same name with different
     *     non-null values
     */
    public static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey().strip().toLowerCase(Locale.ROOT);
                JsonNode value = normalize(e.getValue());
                JsonNode previous = out.get(key);
                if (previous == null || previous.isNull()) {
                    out.set(key, value);
                } else if (!value.isNull() && !previous.equals(value)) {
                    throw new AmbiguousKeyException(key);
                }
            }
            return out;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(normalize(n)));
            return out;
        }
        return node;
    }

    static Boolean bool(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.intValue() != 0;
        }
        String s = n.asText().strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * The text of a scalar node, stripped; null when absent, null, blank or not a scalar.
     *
     * @param n the node
     * @return the text
     */
    public static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * The answer.
     *
     * @return the answer
     */
    public ApiResponse response() {
        return response;
    }

    /**
     * The error context of the answer.
     *
     * @return the context
     */
    public ErrorContext context() {
        return response.context();
    }

    /**
     * The envelope's {@code message}.
     *
     * @return the text, or null
     */
    public String message() {
        return message;
    }

    /**
     * The {@code data} object (empty when absent or not an object), keys normalised.
     *
     * @return the object
     */
    public ObjectNode data() {
        return data;
    }

    /**
     * A text field of {@code data}.
     *
     * @param key the lower-case key
     * @return the stripped text, or null when absent or blank
     */
    public String dataText(String key) {
        return text(data.get(key));
    }

    /**
     * {@code data.errorCode}.
     *
     * @return the code, or null when absent or blank
     */
    public String errorCode() {
        return dataText("errorcode");
    }

    /**
     * {@code data.errorMessage}.
     *
     * @return the text, or null when absent or blank
     */
    public String errorMessage() {
        return dataText("errormessage");
    }

    /**
     * Whether the envelope reports a failure.
     *
     * @return true for {@code status:false}, {@code errors:true} or an error code other than {@code 00}
     */
    public boolean failed() {
        String code = errorCode();
        return Boolean.FALSE.equals(status) || Boolean.TRUE.equals(errors) || (code != null && !"00".equals(code));
    }

    /**
     * Binds {@code data} to a DTO.
     *
     * @param type the DTO record
     * @param <T> the type
     * @return the DTO
     * @throws DcbProtocolException when a field has the wrong shape
     */
    public <T> T data(Class<T> type) {
        try {
            return Json.mapper().convertValue(data, type);
        } catch (IllegalArgumentException e) {
            throw new DcbProtocolException("unreadable data in the answer, expected " + type.getSimpleName(),
                    response.context(), null);
        }
    }
}
