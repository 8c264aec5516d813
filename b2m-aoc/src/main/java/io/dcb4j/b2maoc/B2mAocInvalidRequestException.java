package io.dcb4j.b2maoc;

import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.InvalidRequestException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway rejected the request's parameters without an AOC error code, listing them in {@code data}
 * (for example {@code {"msisdn": "required", "keyword": "required"}}). The message names the fields only; the
 * gateway's text per field is in {@link #fields()}.
 */
public class B2mAocInvalidRequestException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> fields;

    /**
     * Creates the exception.
     *
     * @param fields field name to the gateway's text (scrubbed of MSISDN-like numbers), in answer order
     * @param context where it went wrong
     */
    public B2mAocInvalidRequestException(Map<String, String> fields, ErrorContext context) {
        super("missing or invalid parameters: " + String.join(", ", fields.keySet()), context, null);
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * The rejected fields.
     *
     * @return field name to the gateway's text, for example {@code msisdn -> required}
     */
    public Map<String, String> fields() {
        return fields;
    }
}
