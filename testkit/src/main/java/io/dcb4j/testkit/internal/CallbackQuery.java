package io.dcb4j.testkit.internal;

import io.dcb4j.testkit.CallbackSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Builds the encoded query string of a written callback, with the shared secret where one is given. */
public final class CallbackQuery {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StringBuilder query = new StringBuilder();

    /** Starts an empty query. */
    public CallbackQuery() {
    }

    /**
     * Adds a parameter; nothing when the value is null.
     *
     * @param name the name
     * @param value the value, encoded here
     * @return this query
     */
    public CallbackQuery add(String name, Object value) {
        if (value != null) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
        return this;
    }

    /**
     * Adds the shared secret the merchant put in its callback URL, when the spec has one.
     *
     * @param spec the spec
     * @param defaultParameter the provider's usual parameter name
     * @return this query
     */
    public CallbackQuery secret(CallbackSpec spec, String defaultParameter) {
        if (spec.secret() != null) {
            add(spec.secretParameter() == null ? defaultParameter : spec.secretParameter(), spec.secret());
        }
        return this;
    }

    /**
     * The encoded query.
     *
     * @return the query, empty when nothing was added
     */
    public String build() {
        return query.toString();
    }

    /**
     * A fresh numeric id.
     *
     * @param digits how many digits
     * @return the id, not starting with 0
     */
    public static String numericId(int digits) {
        StringBuilder sb = new StringBuilder().append(1 + RANDOM.nextInt(9));
        for (int i = 1; i < digits; i++) {
            sb.append(RANDOM.nextInt(10));
        }
        return sb.toString();
    }
}
