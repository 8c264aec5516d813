package io.dcb4j.core.spi.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads scalar fields of a provider's JSON the one way every provider module needs: a field that is absent,
 * JSON {@code null}, an object or an array, or blank text, has no value; a present value is its text,
 * stripped. For error mappers and wire mapping. For provider modules; may change in minor versions.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /**
     * The text of a scalar node.
     *
     * @param node the node, or null
     * @return the stripped text; empty for null, JSON null, containers and blank text
     */
    public static Optional<String> text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return Optional.empty();
        }
        String s = node.asText().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /**
     * The text of the first of these fields of an object that has a value.
     *
     * @param object the object, or null
     * @param names the field names, in order of preference (for spellings that vary between answers)
     * @return the stripped text; empty when none of the fields has a value
     */
    public static Optional<String> text(JsonNode object, String... names) {
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        for (String name : names) {
            Optional<String> v = text(object.get(name));
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }
}
