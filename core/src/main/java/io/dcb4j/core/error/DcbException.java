package io.dcb4j.core.error;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root of every exception dcb4j throws. Unchecked. Carries the provider, the operation, the HTTP status
 * (if an answer came), the provider's code and message (if any), a request id and whether a later retry of
 * the same call may succeed. Its message never contains a secret, a token, a PIN or a full MSISDN: the
 * summary and the provider's texts are cleaned as {@link ErrorContext} describes (secrets the call carried
 * masked, control and bidi characters removed, phone-number-like numbers masked, each provider text cut to
 * 300 characters, the summary to 1000).
 */
public class DcbException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorContext context;

    /**
     * Creates an exception.
     *
     * @param summary what went wrong, in a few words; must not contain secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public DcbException(String summary, ErrorContext context, Throwable cause) {
        super(Objects.requireNonNull(context, "context").scrubSummary(summary) + " [" + context.describe() + "]",
                cause);
        this.context = context;
    }

    /**
     * The full context.
     *
     * @return the context
     */
    public ErrorContext context() {
        return context;
    }

    /**
     * The provider id.
     *
     * @return for example {@code centili}
     */
    public String provider() {
        return context.provider();
    }

    /**
     * The operation that failed.
     *
     * @return for example {@code submitPin}
     */
    public String operation() {
        return context.operation();
    }

    /**
     * The HTTP status of the provider's answer.
     *
     * @return the status, empty when no answer came
     */
    public OptionalInt httpStatus() {
        return context.httpStatus() == null ? OptionalInt.empty() : OptionalInt.of(context.httpStatus());
    }

    /**
     * The provider's error code.
     *
     * @return the code
     */
    public Optional<String> providerCode() {
        return Optional.ofNullable(context.providerCode());
    }

    /**
     * The provider's error message, cleaned: secrets the call carried masked, control and bidi characters
     * removed, phone-number-like numbers masked, at most 300 characters.
     *
     * @return the message
     */
    public Optional<String> providerMessage() {
        return Optional.ofNullable(context.providerMessage());
    }

    /**
     * The provider's request or trace id, for support tickets.
     *
     * @return the id
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(context.requestId());
    }

    /**
     * The provider's reference of what the call was about (a payment id, a transaction id, a subscription id,
     * an idempotency key), when the call had one. When a write failed with an unknown outcome (a
     * {@link DcbTransportException} that is not retryable), this is what to query before trying again. Never
     * personal data.
     *
     * @return the reference, for example {@code paymentId 172565}
     */
    public Optional<ProviderReference> reference() {
        return context.reference();
    }

    /**
     * Whether the same call may succeed if retried later, unchanged. A transport failure on a charge is
     * retryable only after reconciling by status query: see {@link DcbTransportException}.
     *
     * @return false by default
     */
    public boolean isRetryable() {
        return false;
    }
}
