package io.dcb4j.eclipsevas.model;

import java.util.Map;
import java.util.Optional;

/**
 * A payment's {@code extraInfo}: a JSON document sent inside a string. The raw text is kept; its top-level
 * fields are read as text (nested values as JSON text). When the text is not a JSON object, {@link #values()}
 * is empty.
 *
 * @param raw the text as received, or null when absent
 * @param values the top-level fields as text; never null
 */
public record ExtraInfo(String raw, Map<String, String> values) {

    /**
     * Copies the values.
     *
     * @param raw optional
     * @param values optional, copied
     */
    public ExtraInfo {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /**
     * No extra information.
     *
     * @return an empty instance
     */
    public static ExtraInfo empty() {
        return new ExtraInfo(null, Map.of());
    }

    /**
     * One field.
     *
     * @param key the field name, for example {@code dtbSourceType}
     * @return the value as text
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Field names only: the values hold account numbers, names and phone numbers. */
    @Override
    public String toString() {
        String text = "ExtraInfo" + new java.util.TreeSet<>(values.keySet());
        return io.dcb4j.core.spi.support.Redaction.cleanDescription(text);
    }
}
