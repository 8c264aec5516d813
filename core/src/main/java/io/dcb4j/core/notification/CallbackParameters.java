package io.dcb4j.core.notification;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The parameters of one callback, one value per name, read once from wherever the provider put them (the
 * query string, a form body, the fields of a JSON object) for a provider's parser to look up, check and keep
 * as the event's {@link BillingEvent#rawParameters()} without another copy.
 *
 * <p>Ambiguity is refused as {@link QueryString#singleValues} refuses it: a parameter given more than once
 * with different values, within one source or across sources, is a
 * {@link io.dcb4j.core.error.NotificationRejectedException} naming the parameter, never its values;
 * identical repeats count once. Names are compared without surrounding whitespace and in any case: two
 * names are one parameter when they are equal ignoring case ({@link String#equalsIgnoreCase}) or equal in
 * lower case ({@link Locale#ROOT}), so that no spelling a look-up would match can carry a second value.
 *
 * <p>As a {@link Map}: name (as first spelled, stripped) to value, in order of first appearance; {@link #get}
 * is exact, {@link #value} matches the name in any case. Immutable and thread-safe.
 */
public final class CallbackParameters extends AbstractMap<String, String> {

    /** The {@link #fold} of a name with a character beyond ASCII: compared the slow way. */
    private static final int NOT_ASCII = 0;

    private static final CallbackParameters EMPTY = new CallbackParameters(new String[0], new String[0], new int[0],
            0, true);

    private final String[] names;
    private final String[] values;
    /** The {@link #fold} of each name. */
    private final int[] folds;
    private final int size;
    /** False only for {@link QueryString#singleValues} asked to compare names exactly. */
    private final boolean ignoreCase;

    private CallbackParameters(String[] names, String[] values, int[] folds, int size, boolean ignoreCase) {
        this.names = names;
        this.values = values;
        this.folds = folds;
        this.size = size;
        this.ignoreCase = ignoreCase;
    }

    /**
     * Starts reading a callback's parameters, names in any case.
     *
     * @param provider the provider id, for the exception that refuses an ambiguous callback
     * @return the builder
     */
    public static Builder builder(String provider) {
        return new Builder(provider, true);
    }

    /**
     * No parameters.
     *
     * @return the empty parameters
     */
    public static CallbackParameters empty() {
        return EMPTY;
    }

    /**
     * The value of a parameter, its name matched in any case (as the builder compares names).
     *
     * @param name the name
     * @return the value as received, possibly blank; empty when the callback has no such parameter
     */
    public Optional<String> value(String name) {
        return Optional.ofNullable(valueOr(name, null));
    }

    /**
     * The value of a parameter, its name matched in any case, or a fallback: {@link #value} without the
     * {@code Optional}, for parsers that look up many parameters per callback. The exact spelling wins; else
     * the first name that matches.
     *
     * @param name the name
     * @param fallback what to return when the callback has no such parameter
     * @return the value as received, possibly blank; the fallback when absent
     */
    public String valueOr(String name, String fallback) {
        Objects.requireNonNull(name, "name");
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return values[i]; // the exact spelling, the usual case
            }
        }
        int fold = fold(name);
        boolean slow = fold == NOT_ASCII;
        for (int i = 0; i < size; i++) {
            if (fold != NOT_ASCII && folds[i] != NOT_ASCII && folds[i] != fold) {
                continue; // two ASCII names that differ in more than case
            }
            if (names[i].equalsIgnoreCase(name)) {
                return values[i];
            }
            slow |= folds[i] == NOT_ASCII;
        }
        if (slow) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (int i = 0; i < size; i++) {
                if (names[i].toLowerCase(Locale.ROOT).equals(lower)) {
                    return values[i];
                }
            }
        }
        return fallback;
    }

    /**
     * These parameters without one (a shared secret the parser has checked): every name that is the same
     * parameter, compared as the builder compares names.
     *
     * @param name the name
     * @return the parameters without it; these when there is no such parameter
     */
    public CallbackParameters without(String name) {
        String w = name.strip();
        int wFold = fold(w);
        String[] n = null;
        String[] v = null;
        int[] f = null;
        int count = 0;
        for (int i = 0; i < size; i++) {
            boolean drop = same(ignoreCase, names[i], folds[i], w, wFold);
            if (drop && n == null) {
                n = Arrays.copyOf(names, size);
                v = Arrays.copyOf(values, size);
                f = Arrays.copyOf(folds, size);
                count = i;
            } else if (!drop && n != null) {
                n[count] = names[i];
                v[count] = values[i];
                f[count] = folds[i];
                count++;
            }
        }
        if (n == null) {
            return this;
        }
        return count == 0 ? EMPTY : new CallbackParameters(n, v, f, count, ignoreCase);
    }

    /**
     * A hash of the name with ASCII letters in lower case, never {@link #NOT_ASCII}; {@link #NOT_ASCII} when
     * the name has another character. Two ASCII names are the same parameter only if their folds are equal,
     * so that most pairs of names are told apart by one comparison of two ints.
     */
    private static int fold(String name) {
        int h = 1;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return NOT_ASCII;
            }
            h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return h == NOT_ASCII ? 1 : h;
    }

    /** Whether two names (with their folds) are one parameter. */
    private static boolean same(boolean ignoreCase, String a, int aFold, String b, int bFold) {
        if (!ignoreCase) {
            return a.equals(b);
        }
        if (aFold != NOT_ASCII && bFold != NOT_ASCII) {
            // ASCII only: equal ignoring case is equal in lower case
            return aFold == bFold && a.equalsIgnoreCase(b);
        }
        return a.equalsIgnoreCase(b) || a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The value of a parameter by its exact name (as first spelled, stripped).
     *
     * @param key the name
     * @return the value, or null when absent (as {@link Map#get} does)
     */
    @Override
    public String get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public String getOrDefault(Object key, String defaultValue) {
        int i = indexOf(key);
        return i < 0 ? defaultValue : values[i];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        Objects.requireNonNull(action, "action");
        for (int i = 0; i < size; i++) {
            action.accept(names[i], values[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }
        };
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Reads a callback's parameters; refuses differing repeats as they are added. Not thread-safe. */
    public static final class Builder {
        private final String provider;
        private final boolean ignoreCase;
        private String[] names = new String[16];
        private String[] values = new String[16];
        private int[] folds = new int[16];
        private int size;
        /** Whether the arrays belong to a built result: then the next add copies them first. */
        private boolean shared;

        Builder(String provider, boolean ignoreCase) {
            this.provider = provider;
            this.ignoreCase = ignoreCase;
        }

        /**
         * Adds every value of every query parameter of the callback.
         *
         * @param notification the callback
         * @return this builder
         * @throws io.dcb4j.core.error.NotificationRejectedException when a parameter now has two different
         *     values
         */
        public Builder query(InboundNotification notification) {
            String[] pairs = notification.queryPairs();
            for (int i = 0; i < pairs.length; i += 2) {
                add(pairs[i], pairs[i + 1]);
            }
            return this;
        }

        /**
         * Adds the parameters of form-encoded text ({@code application/x-www-form-urlencoded}, read as
         * {@link QueryString#parse} reads it).
         *
         * @param text the text, for example a form body; null or empty adds nothing
         * @return this builder
         * @throws io.dcb4j.core.error.NotificationRejectedException when a parameter now has two different
         *     values
         */
        public Builder form(String text) {
            String[] pairs = QueryString.pairs(text);
            for (int i = 0; i < pairs.length; i += 2) {
                add(pairs[i], pairs[i + 1]);
            }
            return this;
        }

        /**
         * Adds every value of every name of a source, for example the fields of a JSON object; null names
         * and values are skipped.
         *
         * @param source name to values
         * @return this builder
         * @throws io.dcb4j.core.error.NotificationRejectedException when a parameter now has two different
         *     values
         */
        public Builder add(Map<String, List<String>> source) {
            for (Map.Entry<String, List<String>> e : source.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                String name = e.getKey().strip();
                for (String value : e.getValue()) {
                    add(name, value);
                }
            }
            return this;
        }

        /**
         * Adds one value of a parameter.
         *
         * @param name the name; stripped; null skips the value
         * @param value the value; null is skipped
         * @return this builder
         * @throws io.dcb4j.core.error.NotificationRejectedException when the parameter now has two different
         *     values
         */
        public Builder add(String name, String value) {
            if (name == null || value == null) {
                return this;
            }
            String n = name.strip();
            int fold = fold(n);
            for (int i = 0; i < size; i++) {
                if (same(ignoreCase, names[i], folds[i], n, fold)) {
                    if (!values[i].equals(value)) {
                        throw QueryString.ambiguous(provider, n);
                    }
                    return this;
                }
            }
            if (size == names.length || shared) {
                int capacity = Math.max(size * 2, 16);
                names = Arrays.copyOf(names, capacity);
                values = Arrays.copyOf(values, capacity);
                folds = Arrays.copyOf(folds, capacity);
                shared = false;
            }
            names[size] = n;
            values[size] = value;
            folds[size] = fold;
            size++;
            return this;
        }

        /**
         * The parameters.
         *
         * @return the parameters, in order of first appearance
         */
        public CallbackParameters build() {
            if (size == 0) {
                return EMPTY;
            }
            // no copy: a later add copies the builder's arrays first, and entries past size are never read
            shared = true;
            return new CallbackParameters(names, values, folds, size, ignoreCase);
        }
    }
}
