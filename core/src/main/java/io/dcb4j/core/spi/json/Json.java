package io.dcb4j.core.spi.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dcb4j.core.spi.support.Decimals;
import io.dcb4j.core.spi.support.Redaction;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one configured Jackson mapper: unknown fields ignored, BigDecimal for decimals, numbers accepted as
 * strings, empty strings read as null for scalars. Readers and writers are cached per type. Internal.
 *
 * <p>Two defences apply to everything read here (provider answers and JSON callbacks):
 * <ul>
 *   <li>Every {@code BigDecimal} (a DTO field, or a decimal in a tree) is within
 *       {@link io.dcb4j.core.model.Money#isWithinBounds}: {@code 1e999999999} is a {@link DcbProtocolException},
 *       not a gigabyte string later.</li>
 *   <li>A key given twice in one object with different values ({@code "status":"Charged", ...,
 *       "status":"Denied"}) is ambiguous and a {@link DcbProtocolException} naming the key, instead of
 *       Jackson's silent last-one-wins. Identical repeats are accepted. The parser detects any repeat; only
 *       then, on that exceptional path, is the body scanned again to compare the values, so an answer
 *       without repeats costs one parse.</li>
 * </ul>
 */
public final class Json {

    private static final ObjectMapper MAPPER = builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** The same mapper without duplicate detection, for the exceptional path only. */
    private static final ObjectMapper LENIENT = builder().build();

    /**
     * For trees: a repeated key fails as the tree is built (the map's put returns the earlier value), which
     * costs nothing when there is none, where the parser's duplicate detection keeps a set of every object's
     * names. Either failure leads to the same scan.
     */
    private static final ObjectMapper TREES = builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

    private static final ConcurrentMap<Class<?>, ObjectReader> READERS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Class<?>, ObjectWriter> WRITERS = new ConcurrentHashMap<>();

    private Json() {
    }

    private static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("dcb4j-bounded-decimals")
                        .addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer()))
                .nodeFactory(new BoundedNodeFactory())
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
                        cfg -> cfg.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsEmpty));
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
            return writer(value.getClass()).writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** The cached reader of a type; a map read without the lambda that {@code computeIfAbsent} would cost. */
    private static ObjectReader reader(Class<?> type) {
        ObjectReader r = READERS.get(type);
        return r != null ? r : READERS.computeIfAbsent(type, MAPPER::readerFor);
    }

    private static ObjectWriter writer(Class<?> type) {
        ObjectWriter w = WRITERS.get(type);
        return w != null ? w : WRITERS.computeIfAbsent(type, MAPPER::writerFor);
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
        T value;
        try (JsonParser parser = new DuplicateCheckingParser(MAPPER.getFactory().createParser(body))) {
            value = reader(type).<T>readValue(parser);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DcbProtocolException dpe) {
                throw dpe;
            }
            value = readAgain(body, e, type, context);
        }
        if (value == null) {
            throw new DcbProtocolException("answer is JSON null", context, null);
        }
        return value;
    }

    /**
     * The exceptional path of {@link #read}: a number out of range, a key repeated with different values, a
     * key repeated with the same value (read again without duplicate detection), or unreadable JSON.
     */
    private static <T> T readAgain(byte[] body, Exception failure, Class<T> type, ErrorContext context) {
        Exception last = failure;
        if (!outOfRange(last)) {
            Scan scan;
            try {
                scan = scan(body);
            } catch (IOException | RuntimeException e) {
                scan = null;
                last = outOfRange(e) ? e : last;
            }
            if (scan != null && scan.differing() != null) {
                throw new DcbProtocolException("ambiguous JSON: the key '" + Redaction.excerpt(scan.differing(), 40)
                        + "' appears twice in one object with different values", context, null);
            }
            if (scan != null) {
                // every repeat was identical: bind the scanned tree, which holds each key once
                try {
                    return LENIENT.readerFor(type).readValue(scan.tree());
                } catch (IOException | RuntimeException e) {
                    last = e;
                }
            }
        }
        if (outOfRange(last)) {
            throw new DcbProtocolException("a number in the answer" + path(last) + " is out of range: more than "
                    + io.dcb4j.core.model.Money.MAX_PRECISION + " significant digits, or a scale beyond -"
                    + io.dcb4j.core.model.Money.MAX_SCALE + ".." + io.dcb4j.core.model.Money.MAX_SCALE, context,
                    null);
        }
        throw new DcbProtocolException("unreadable answer, expected " + type.getSimpleName() + " JSON: "
                + Redaction.excerpt(context.scrub(new String(body, 0, Math.min(body.length, Redaction.WINDOW),
                        StandardCharsets.UTF_8)), 120),
                context, null);
    }

    private static boolean outOfRange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Decimals.OutOfRangeException) {
                return true;
            }
        }
        return false;
    }

    /** The DTO field path of a mapping failure, for example {@code " at 'data.amount'"}; empty when unknown. */
    private static String path(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (JsonMappingException.Reference r : m.getPath()) {
                    if (r.getFieldName() != null) {
                        sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
                    } else if (r.getIndex() >= 0) {
                        sb.append('[').append(r.getIndex()).append(']');
                    }
                }
                return sb.length() == 0 ? "" : " at '" + Redaction.excerpt(sb.toString(), 80) + "'";
            }
        }
        return "";
    }

    /**
     * What a scan without duplicate detection found.
     *
     * @param tree the JSON as a tree, each key once (the first value when a key repeats)
     * @param differing the first key repeated in one object with a different value, or null when every repeat
     *     is identical (or there is none)
     */
    record Scan(JsonNode tree, String differing) {
    }

    /**
     * Scans JSON without duplicate detection, comparing the values of repeated keys.
     *
     * @param body the JSON
     * @return what the scan found
     * @throws IOException when the body is not JSON
     */
    static Scan scan(byte[] body) throws IOException {
        try (JsonParser p = LENIENT.getFactory().createParser(body)) {
            if (p.nextToken() == null) {
                throw new IOException("no JSON value");
            }
            String[] found = new String[1];
            JsonNode tree = scan(p, found);
            return new Scan(tree, found[0]);
        }
    }

    /**
     * The first key a JSON body repeats in one object (at any depth) with a different value.
     *
     * @param body the JSON
     * @return the key; empty when every repeat is identical, there is none, or the body is not JSON (its
     *     reader reports that its own way)
     */
    public static java.util.Optional<String> firstAmbiguousKey(byte[] body) {
        if (body.length == 0 || !repeatsAKeyOrFails(body)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.ofNullable(scan(body).differing());
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * One pass over the tokens with the mapper's duplicate detection, nothing built: false when no object
     * repeats a key (then no repeat can differ, and {@link #firstAmbiguousKey} needs no tree); true when a
     * key repeats or the pass fails for another reason, for the scan to decide as before.
     */
    private static boolean repeatsAKeyOrFails(byte[] body) {
        try (JsonParser p = MAPPER.getFactory().createParser(body)) {
            while (p.nextToken() != null) {
                // the tokens alone: values are skipped, names checked for repeats per object
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Reads the value at the current token into a tree, stopping at the first differing repeat. */
    private static JsonNode scan(JsonParser p, String[] found) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            ObjectNode node = MAPPER.getNodeFactory().objectNode();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                JsonNode value = scan(p, found);
                if (found[0] != null) {
                    return node;
                }
                JsonNode previous = node.get(name);
                if (previous != null && !previous.equals(value)) {
                    found[0] = name;
                    return node;
                }
                node.set(name, value);
            }
            return node;
        }
        if (t == JsonToken.START_ARRAY) {
            ArrayNode node = MAPPER.getNodeFactory().arrayNode();
            while (p.nextToken() != JsonToken.END_ARRAY && found[0] == null) {
                if (p.currentToken() == null) {
                    throw new IOException("unexpected end of input");
                }
                node.add(scan(p, found));
            }
            return node;
        }
        JsonNodeFactory f = MAPPER.getNodeFactory();
        if (t == null) {
            throw new IOException("unexpected end of input");
        }
        return switch (t) {
            case VALUE_STRING -> f.textNode(p.getText());
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? f.numberNode(p.getBigIntegerValue()) : f.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> f.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            default -> throw new IOException("unexpected token " + t);
        };
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
            return TREES.readTree(text);
        } catch (IOException | RuntimeException e) {
            if (outOfRange(e)) {
                return null;
            }
        }
        // the exceptional path: a repeated key (identical repeats are read again), or not JSON
        try {
            Scan scan = scan(text.getBytes(StandardCharsets.UTF_8));
            return scan.differing() != null ? null : LENIENT.readTree(LENIENT.treeAsTokens(scan.tree()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A parser that refuses a key given twice in one object, at any depth (also in parts the binding skips),
     * with a {@link JsonParseException} as {@link StreamReadFeature#STRICT_DUPLICATE_DETECTION} does, at less
     * cost: Jackson's detector makes a hash set for every object of more than two keys (a kilobyte for an answer
     * of twenty fields); this one keeps the keys of the open objects in one array and compares a new key with
     * those of its object (the parser hands out one instance per distinct name, so the comparison is mostly by
     * identity), switching to a set only for an object of more than {@value #LINEAR} keys. Every token the
     * binding reads passes through {@link #nextToken()}: {@code nextFieldName}, {@code nextTextValue} and the
     * other shortcuts of {@link JsonParser} call it, and {@link #nextValue()} and {@link #skipChildren()} are
     * written on it here.
     */
    static final class DuplicateCheckingParser extends com.fasterxml.jackson.core.util.JsonParserDelegate {

        /** The most keys of one object compared one by one. */
        private static final int LINEAR = 32;

        /**
         * The arrays of the last parser closed on this thread, for the next one (JDK types only, so that a
         * thread keeps no class of this library alive): {names, starts}, or nulls while a parser uses them.
         */
        private static final ThreadLocal<Object[]> SPARE = ThreadLocal.withInitial(() -> new Object[2]);

        /** The keys of the open objects, outermost first. */
        private String[] names;
        private int count;
        /** For each open object or array, where its keys start in {@link #names}. */
        private int[] starts;
        /** For each open object with more than {@link #LINEAR} keys, its keys as a set; else null. */
        private java.util.Set<String>[] sets;
        private int depth;

        DuplicateCheckingParser(JsonParser parser) {
            super(parser);
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            Object[] spare = SPARE.get();
            names = spare[0] != null ? (String[]) spare[0] : new String[16];
            starts = spare[1] != null ? (int[]) spare[1] : new int[8];
            spare[0] = null;
            spare[1] = null;
        }

        @Override
        public void close() throws IOException {
            try {
                delegate.close();
            } finally {
                if (names != null) {
                    java.util.Arrays.fill(names, null);
                    Object[] spare = SPARE.get();
                    spare[0] = names;
                    spare[1] = starts;
                    names = null;
                    starts = null;
                }
            }
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = delegate.nextToken();
            if (t == null) {
                return null;
            }
            switch (t) {
                case START_OBJECT, START_ARRAY -> enter();
                case END_OBJECT, END_ARRAY -> leave();
                case FIELD_NAME -> key(delegate.currentName());
                default -> {
                }
            }
            return t;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.FIELD_NAME ? nextToken() : t;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken t = currentToken();
            if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
                return this;
            }
            int open = 1;
            while (open > 0) {
                JsonToken n = nextToken();
                if (n == null) {
                    return this;
                }
                if (n.isStructStart()) {
                    open++;
                } else if (n.isStructEnd()) {
                    open--;
                }
            }
            return this;
        }

        private void enter() {
            if (depth == starts.length) {
                starts = java.util.Arrays.copyOf(starts, depth * 2);
            }
            starts[depth++] = count;
        }

        private void leave() {
            if (depth > 0) {
                depth--;
                count = starts[depth];
                if (sets != null && depth < sets.length) {
                    sets[depth] = null;
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void key(String name) throws JsonParseException {
            if (depth == 0) {
                return;
            }
            int start = starts[depth - 1];
            int level = depth - 1;
            java.util.Set<String> set = sets != null && level < sets.length ? sets[level] : null;
            if (set != null) {
                if (!set.add(name)) {
                    throw duplicate(name);
                }
            } else {
                for (int i = start; i < count; i++) {
                    if (names[i] == name || names[i].equals(name)) {
                        throw duplicate(name);
                    }
                }
                if (count - start == LINEAR) {
                    if (sets == null || level >= sets.length) {
                        sets = java.util.Arrays.copyOf(sets == null ? new java.util.Set[0] : sets,
                                Math.max(starts.length, level + 1));
                    }
                    set = new java.util.HashSet<>(java.util.Arrays.asList(names).subList(start, count));
                    set.add(name);
                    sets[level] = set;
                }
            }
            if (count == names.length) {
                names = java.util.Arrays.copyOf(names, count * 2);
            }
            names[count++] = name;
        }

        private JsonParseException duplicate(String name) {
            return new JsonParseException(this, "Duplicate field '" + name + "'");
        }
    }

    /** Every {@code BigDecimal} a DTO reads is within bounds. */
    private static final class BoundedDecimalDeserializer extends NumberDeserializers.BigDecimalDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Decimals.requireWithinBounds(super.deserialize(p, ctxt));
        }
    }

    /** Every decimal in a tree is within bounds. */
    private static final class BoundedNodeFactory extends JsonNodeFactory {

        private static final long serialVersionUID = 1L;

        BoundedNodeFactory() {
            super();
        }

        @Override
        public ValueNode numberNode(BigDecimal v) {
            return super.numberNode(Decimals.requireWithinBounds(v));
        }
    }
}
