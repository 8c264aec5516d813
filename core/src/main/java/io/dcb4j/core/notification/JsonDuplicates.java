package io.dcb4j.core.notification;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a key given twice in one JSON object with different values, at any depth, before a tree or data
 * binding keeps only one of them. Values are compared as written: scalars by type and text, objects and
 * arrays structurally. Text that is not JSON passes: the parser reports it its own way.
 */
final class JsonDuplicates {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonDuplicates() {
    }

    /**
     * The first key, in document order, that an object gives twice with different values.
     *
     * @param body the JSON bytes
     * @return the key, or null when there is none (or the body is not JSON)
     */
    static String firstAmbiguousKey(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() == null) {
                return null;
            }
            String[] found = new String[1];
            read(p, found);
            return found[0];
        } catch (IOException | RuntimeException e) {
            return null; // not JSON, or over the parser's limits: the provider's parser refuses it
        }
    }

    /** Reads the value at the current token; stops early once an ambiguous key is found. */
    private static Object read(JsonParser p, String[] found) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Object> fields = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                Object value = read(p, found);
                if (found[0] != null) {
                    return null;
                }
                Object before = fields.putIfAbsent(name, value);
                if (before != null && !before.equals(value)) {
                    found[0] = name;
                    return null;
                }
            }
            return fields;
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> items = new ArrayList<>();
            for (JsonToken next = p.nextToken(); next != JsonToken.END_ARRAY; next = p.nextToken()) {
                if (next == null) {
                    throw new IOException("truncated");
                }
                items.add(read(p, found));
                if (found[0] != null) {
                    return null;
                }
            }
            return items;
        }
        if (t == null) {
            throw new IOException("truncated");
        }
        return t.id() + ":" + p.getText();
    }
}
