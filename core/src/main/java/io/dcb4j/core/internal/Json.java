package io.dcb4j.core.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one configured Jackson mapper: unknown fields ignored, BigDecimal for decimals, numbers accepted as
 * strings, empty strings read as null for scalars. Readers and writers are cached per type. Internal.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .withCoercionConfigDefaults(cfg -> cfg.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
            .withCoercionConfig(LogicalType.Textual,
                    cfg -> cfg.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsEmpty))
            .build();

    private static final ConcurrentMap<Class<?>, ObjectReader> READERS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Class<?>, ObjectWriter> WRITERS = new ConcurrentHashMap<>();

    private Json() {
    }

    /**
     * The shared mapper. Do not reconfigure it.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Serialises a value to UTF-8 JSON.
     *
     * @param value the value
     * @return the bytes
     */
    public static byte[] write(Object value) {
        try {
            return WRITERS.computeIfAbsent(value.getClass(), MAPPER::writerFor).writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads JSON into a type, mapping every failure to {@link DcbProtocolException} with a short, redacted
     * excerpt of the body.
     *
     * @param body the body bytes
     * @param type the target type
     * @param context the error context (provider, operation, status)
     * @param <T> the type
     * @return the value; never null
     */
    public static <T> T read(byte[] body, Class<T> type, ErrorContext context) {
        if (body == null || body.length == 0) {
            throw new DcbProtocolException("empty answer where JSON was expected", context, null);
        }
        try {
            T value = READERS.computeIfAbsent(type, MAPPER::readerFor).readValue(body);
            if (value == null) {
                throw new DcbProtocolException("answer is JSON null", context, null);
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DcbProtocolException dpe) {
                throw dpe;
            }
            throw new DcbProtocolException("unreadable answer, expected " + type.getSimpleName() + " JSON: "
                    + Redaction.excerpt(context.scrub(new String(body, 0, Math.min(body.length, Redaction.WINDOW),
                            StandardCharsets.UTF_8)), 120),
                    context, null);
        }
    }

    /**
     * Reads JSON into a tree, mapping every failure to {@link DcbProtocolException}.
     *
     * @param body the body bytes
     * @param context the error context
     * @return the tree; never null
     */
    public static JsonNode tree(byte[] body, ErrorContext context) {
        return read(body, JsonNode.class, context);
    }

    /**
     * Reads JSON text embedded in a string field (Eclipse {@code extraInfo}); null when blank or unreadable.
     *
     * @param text the embedded JSON
     * @return the tree, or null
     */
    public static JsonNode treeOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
