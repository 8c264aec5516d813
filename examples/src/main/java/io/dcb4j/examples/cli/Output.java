package io.dcb4j.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a command prints: readable lines by default, or with {@code --json} one JSON document per result or
 * event, each on its own line (JSON Lines), so that {@code jq} and scripts read them one by one. Thread-safe:
 * listeners print from server threads.
 */
final class Output {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Whether documents are printed instead of lines. */
    boolean json() {
        return json;
    }

    /** A result: the line, or the document. */
    synchronized void result(String line, Map<String, Object> document) {
        out.println(json ? write(document) : line);
        out.flush();
    }

    /** A line printed in human mode only (headings, hints). */
    synchronized void line(String line) {
        if (!json) {
            out.println(line);
            out.flush();
        }
    }

    /** A document printed in JSON mode only. */
    synchronized void document(Map<String, Object> document) {
        if (json) {
            out.println(write(document));
            out.flush();
        }
    }

    /**
     * One JSON document on one line.
     *
     * @param document the document; null values are left out
     * @return the text
     */
    static String write(Map<String, Object> document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * A JSON object from name/value pairs, in order, leaving out null values.
     *
     * @param pairs name, value, name, value ...
     * @return the object
     */
    static Map<String, Object> object(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }
}
