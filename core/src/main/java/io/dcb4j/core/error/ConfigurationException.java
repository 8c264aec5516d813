package io.dcb4j.core.error;

/**
 * Bad builder or registry configuration: a missing or malformed key. The message names the key, never its value.
 */
public class ConfigurationException extends DcbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public ConfigurationException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }

    /**
     * A configuration problem with one key.
     *
     * @param provider the provider id, or {@code core}
     * @param key the configuration key or builder option, for example {@code client-secret}
     * @param problem what is wrong, for example {@code is required}; never the value itself
     */
    public ConfigurationException(String provider, String key, String problem) {
        super("configuration '" + key + "' " + problem, ErrorContext.of(provider, "configure"), null);
    }

}
