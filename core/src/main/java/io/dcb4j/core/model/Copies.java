package io.dcb4j.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable, order-keeping copies of string maps with null keys and values dropped; a map that is one already
 * ({@link io.dcb4j.core.spi.support.Details}, or a copy) is kept, not copied.
 */
final class Copies {

    private Copies() {
    }

    static Map<String, String> of(Map<String, String> map) {
        if (map instanceof Scrubbed) {
            return map;
        }
        if (map instanceof io.dcb4j.core.spi.support.Details) {
            // immutable and without nulls already; rendered when first read, not here
            return new Scrubbed(map);
        }
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return new Scrubbed(Collections.unmodifiableMap(copy));
    }

    /**
     * An unmodifiable map whose {@code toString()} masks MSISDN-like numbers and credential fields, so that
     * printing a request or result never shows a full MSISDN passed as a provider parameter.
     */
    private static final class Scrubbed extends java.util.AbstractMap<String, String>
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final Map<String, String> delegate;

        Scrubbed(Map<String, String> delegate) {
            this.delegate = delegate;
        }

        @Override
        public java.util.Set<Entry<String, String>> entrySet() {
            return delegate.entrySet();
        }

        @Override
        public String get(Object key) {
            return delegate.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return delegate.containsKey(key);
        }

        @Override
        public int size() {
            return delegate.size();
        }

        /** Serialized as a plain ordered map, and copied (scrubbing again) when read. */
        private Object writeReplace() {
            return new Serialized(new LinkedHashMap<>(delegate));
        }

        private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
            throw new java.io.InvalidObjectException("read through its serialized form only");
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("{");
            delegate.forEach((k, v) -> {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(k).append('=').append(io.dcb4j.core.spi.support.Redaction.isSensitiveKey(k)
                        ? io.dcb4j.core.spi.support.Redaction.MASK : io.dcb4j.core.spi.support.Redaction.scrubText(v));
            });
            return sb.append('}').toString();
        }
    }

    private record Serialized(LinkedHashMap<String, String> entries) implements java.io.Serializable {
        private Object readResolve() {
            return of(entries);
        }
    }
}
