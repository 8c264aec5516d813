package io.dcb4j.examples.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every {@code dcb} command, one per kind of outcome, so that a script can tell a wrong
 * flag from a missing credential, a refusal by the provider, an operation the provider does not offer and
 * an outcome that must be reconciled. {@code docs/cli.md} and {@code --help} list them.
 */
final class ExitCodes {

    /** The command did what was asked. */
    static final int OK = 0;
    /** A check failed (a demo flow ended unexpectedly), or dcb itself failed (a bug: run with -v). */
    static final int FAILED = 1;
    /** Usage: an unknown command or option, a missing or malformed argument (an MSISDN, an amount). */
    static final int USAGE = 2;
    /** Configuration: a missing or malformed key, an unknown provider setting, credentials rejected. */
    static final int CONFIGURATION = 3;
    /** Refused: the provider said no (wrong PIN, insufficient funds, not found, conflict, denied charge). */
    static final int REFUSED = 4;
    /** Unsupported: the provider does not offer the operation (or the callback event). */
    static final int UNSUPPORTED = 5;
    /** Unknown outcome: no usable answer (connection, timeout, HTTP 5xx or 429, unreadable answer). */
    static final int UNKNOWN_OUTCOME = 6;

    /** The category names used in JSON errors, by exit code. */
    static final Map<Integer, String> CATEGORIES;

    /** One line per exit code, for {@code --help}. */
    static final Map<String, String> HELP;

    static {
        Map<Integer, String> c = new LinkedHashMap<>();
        c.put(OK, "ok");
        c.put(FAILED, "failed");
        c.put(USAGE, "usage");
        c.put(CONFIGURATION, "configuration");
        c.put(REFUSED, "refused");
        c.put(UNSUPPORTED, "unsupported");
        c.put(UNKNOWN_OUTCOME, "unknown-outcome");
        CATEGORIES = java.util.Collections.unmodifiableMap(c);
        Map<String, String> h = new LinkedHashMap<>();
        h.put(Integer.toString(OK), "success");
        h.put(Integer.toString(FAILED), "a check failed (demo), or an internal error");
        h.put(Integer.toString(USAGE), "usage: unknown option, missing or malformed argument");
        h.put(Integer.toString(CONFIGURATION), "configuration: missing or malformed keys, rejected credentials");
        h.put(Integer.toString(REFUSED), "refused by the provider: wrong PIN, insufficient funds, denied...");
        h.put(Integer.toString(UNSUPPORTED), "the provider does not offer this operation or event");
        h.put(Integer.toString(UNKNOWN_OUTCOME), "no usable answer (network, timeout, 5xx): retry reads, "
                + "reconcile writes");
        HELP = java.util.Collections.unmodifiableMap(h);
    }

    private ExitCodes() {
    }

    /**
     * The category name of an exit code.
     *
     * @param code the exit code
     * @return for example {@code refused}
     */
    static String category(int code) {
        return CATEGORIES.getOrDefault(code, "failed");
    }
}
