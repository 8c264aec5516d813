package io.dcb4j.core.spi.support;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code details} of a neutral result, written the first time something reads them: a provider puts its
 * fields (texts, numbers, instants, ids) as they are, and each value becomes its {@code toString()} (an instant
 * its ISO-8601 text) only when the map is read. Most callers never read the details of a result, and rendering
 * a subscriber's twenty fields cost a quarter more memory than the call that fetched them. The neutral result
 * records keep a {@code Details} as it is instead of copying it. Immutable and thread-safe once built; keys keep
 * the order they were first put in, a key put again keeps its first place and takes the last value, as in a
 * {@link LinkedHashMap}. For provider modules.
 */
public final class Details extends AbstractMap<String, String> {

    /** Key and value, alternately; values not yet rendered. */
    private final Object[] pairs;
    private final int size;
    private volatile Map<String, String> rendered;

    private Details(Object[] pairs, int size) {
        this.pairs = pairs;
        this.size = size;
    }

    /**
     * Starts the details of one result.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The rendered map: made once, unmodifiable, without null values. */
    private Map<String, String> rendered() {
        Map<String, String> m = rendered;
        if (m == null) {
            Map<String, String> made = new LinkedHashMap<>();
            for (int i = 0; i < size; i += 2) {
                String value = pairs[i + 1].toString();
                if (value != null) {
                    made.put((String) pairs[i], value);
                }
            }
            m = Collections.unmodifiableMap(made);
            rendered = m;
        }
        return m;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return rendered().entrySet();
    }

    @Override
    public String get(Object key) {
        return rendered().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return rendered().containsKey(key);
    }

    @Override
    public int size() {
        return rendered().size();
    }

    /** Collects the fields of one result; single use. */
    public static final class Builder {
        private Object[] pairs = new Object[32];
        private int size;

        private Builder() {
        }

        /**
         * Adds a field, unless the key or the value is null.
         *
         * @param key the field's name, as the provider spells it
         * @param value the value, made text with its {@code toString()} when the details are first read; it
         *     must be immutable (a string, a number, an instant, a model value)
         * @return this builder
         * @throws IllegalStateException after {@link #build()}
         */
        public Builder put(String key, Object value) {
            if (pairs == null) {
                throw new IllegalStateException("the details are built already");
            }
            if (key != null && value != null) {
                if (size == pairs.length) {
                    pairs = Arrays.copyOf(pairs, size * 2);
                }
                pairs[size++] = key;
                pairs[size++] = value;
            }
            return this;
        }

        /**
         * The details; the builder can not be used afterwards.
         *
         * @return the details, rendered when first read
         * @throws IllegalStateException when called twice
         */
        public Map<String, String> build() {
            if (pairs == null) {
                throw new IllegalStateException("the details are built already");
            }
            Details details = new Details(pairs, size);
            pairs = null;
            return details;
        }
    }
}
