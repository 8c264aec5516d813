package io.dcb4j.examples.cli;

import java.util.List;
import java.util.Map;

/**
 * A failure the CLI itself detects, with its exit code and, for JSON errors, extra fields. The message is
 * written by the CLI and never holds a secret.
 */
class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final transient Map<String, Object> fields;

    CliException(int exitCode, String message) {
        this(exitCode, message, Map.of());
    }

    CliException(int exitCode, String message, Map<String, Object> fields) {
        super(message);
        this.exitCode = exitCode;
        this.fields = Map.copyOf(fields);
    }

    int exitCode() {
        return exitCode;
    }

    Map<String, Object> fields() {
        return fields;
    }

    /** A malformed or missing argument. */
    static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    /** An operation or event the provider does not offer. */
    static CliException unsupported(String message) {
        return new CliException(ExitCodes.UNSUPPORTED, message);
    }

    /** A configuration problem the CLI found before calling anything. */
    static CliException configuration(String message) {
        return new CliException(ExitCodes.CONFIGURATION, message);
    }

    /** Every missing configuration key of a provider, with its environment variable. */
    static CliException missingConfiguration(String provider, List<MissingKey> missing) {
        StringBuilder sb = new StringBuilder("missing configuration for ").append(provider).append(": ");
        for (int i = 0; i < missing.size(); i++) {
            MissingKey m = missing.get(i);
            sb.append(i == 0 ? "" : ", ").append(m.key()).append(" (").append(m.env()).append(')');
            if (!m.problem().equals("is required")) {
                sb.append(' ').append(m.problem());
            }
        }
        sb.append("; set the environment variable").append(missing.size() == 1 ? "" : "s")
                .append(" or put the key").append(missing.size() == 1 ? "" : "s").append(" in a --config file");
        List<Map<String, Object>> list = missing.stream()
                .map(m -> Map.<String, Object>of("key", m.key(), "env", m.env(), "problem", m.problem())).toList();
        return new CliException(ExitCodes.CONFIGURATION, sb.toString(), Map.of("missing", list));
    }

    /**
     * A configuration key that is missing.
     *
     * @param key the key, for example {@code client-id}
     * @param env its environment variable, for example {@code DCB_EKLECTIC_CLIENT_ID}
     * @param problem what the provider says, for example {@code is required}
     */
    record MissingKey(String key, String env, String problem) {
    }
}
