package io.dcb4j.examples.cli;

import io.dcb4j.core.ProviderText;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.EndpointNotInUseException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.error.RateLimitedException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns what a command threw into its exit code and its one-line or JSON description. */
final class Failures {

    private Failures() {
    }

    /**
     * The exit code of a failure.
     *
     * @param ex what a command threw
     * @return one of {@link ExitCodes}
     */
    static int exitCode(Throwable ex) {
        if (ex instanceof CliException c) {
            return c.exitCode();
        }
        if (ex instanceof ConfigurationException || ex instanceof AuthenticationException) {
            return ExitCodes.CONFIGURATION;
        }
        if (ex instanceof EndpointNotInUseException || ex instanceof UnsupportedOperationException) {
            return ExitCodes.UNSUPPORTED;
        }
        if (ex instanceof DcbTransportException || ex instanceof ProviderUnavailableException
                || ex instanceof RateLimitedException || ex instanceof DcbProtocolException) {
            return ExitCodes.UNKNOWN_OUTCOME;
        }
        if (ex instanceof DcbApiException || ex instanceof NotificationRejectedException) {
            return ExitCodes.REFUSED;
        }
        if (ex instanceof DcbException) {
            return ExitCodes.UNKNOWN_OUTCOME;
        }
        if (ex instanceof IllegalArgumentException) {
            // a value the user gave that a dcb4j type refused (Msisdn.of, Money.of, OfferId.of)
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILED;
    }

    /**
     * One line: a {@link DcbException}'s message is already cleaned by dcb4j (secrets, phone numbers, control
     * characters); any other message may quote provider text too, so it is cleaned here.
     *
     * @param ex the failure
     * @return the line, without the {@code dcb: } prefix
     */
    static String describe(Throwable ex) {
        String msg = message(ex);
        String type = ex.getClass().getSimpleName();
        if (ex instanceof CliException) {
            return msg;
        }
        return msg == null ? type : (ex instanceof DcbException ? type + ": " + msg : msg);
    }

    /**
     * The cleaned message of a failure.
     *
     * @param ex the failure
     * @return the message, or null
     */
    static String message(Throwable ex) {
        return ex instanceof DcbException || ex instanceof CliException || ex.getMessage() == null
                ? ex.getMessage() : ProviderText.clean(ex.getMessage());
    }

    /**
     * The JSON error document: {@code {"error": {...}}}.
     *
     * @param ex the failure
     * @param exitCode its exit code
     * @return the document
     */
    static Map<String, Object> json(Throwable ex, int exitCode) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("category", ExitCodes.category(exitCode));
        e.put("exitCode", exitCode);
        if (!(ex instanceof CliException)) {
            e.put("type", ex.getClass().getSimpleName());
        }
        e.put("message", message(ex));
        if (ex instanceof CliException c) {
            e.putAll(c.fields());
        }
        if (ex instanceof DcbException d) {
            e.put("provider", d.provider());
            e.put("operation", d.operation());
            d.httpStatus().ifPresent(s -> e.put("httpStatus", s));
            d.providerCode().ifPresent(s -> e.put("providerCode", s));
            d.providerMessage().ifPresent(s -> e.put("providerMessage", s));
            d.requestId().ifPresent(s -> e.put("requestId", s));
            e.put("retryable", d.isRetryable());
            d.reference().ifPresent(r -> e.put("reference", Output.object("kind", r.kind(), "id", r.id())));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("error", e);
        return doc;
    }
}
