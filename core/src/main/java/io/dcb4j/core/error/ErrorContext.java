package io.dcb4j.core.error;

import io.dcb4j.core.spi.support.Redaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a call failed: carried by every {@link DcbException}. Immutable; the {@code with...} methods
 * return copies.
 *
 * <p>The provider code, the provider message and the request id are provider text, which is untrusted: what
 * the accessors return is cleaned. The values the call carried that must stay secret (client secret, password,
 * API key, token, PIN: see {@link #redacting(Collection)}) are replaced by {@code ***}; ANSI escape sequences,
 * control, line-separator and bidi characters are removed; phone-number-like numbers are masked
 * ({@code +216 9* *** *32}); each text is cut to at most 300 characters, ending with {@code ...[truncated]}.
 * The summary of an exception built from this context is cleaned the same way, cut at 1000 characters.
 */
public final class ErrorContext {

    private final String provider;
    private final String operation;
    private final Integer httpStatus;
    private final String rawCode;
    private final String rawMessage;
    private final String rawRequestId;
    private final ProviderReference reference;
    private final List<String> sensitive;
    private final String providerCode;
    private final String providerMessage;
    private final String requestId;

    /**
     * Creates a context; the provider texts are cleaned.
     *
     * @param provider the provider id, for example {@code eklectic}
     * @param operation the operation, for example {@code confirmPin}
     * @param httpStatus the HTTP status, or null when no answer came
     * @param providerCode the provider's error code, or null
     * @param providerMessage the provider's error text, or null
     * @param requestId the provider's request or trace id, or null
     */
    public ErrorContext(String provider, String operation, Integer httpStatus, String providerCode,
            String providerMessage, String requestId) {
        this(provider, operation, httpStatus, providerCode, providerMessage, requestId, null, List.of());
    }

    private ErrorContext(String provider, String operation, Integer httpStatus, String code, String message,
            String requestId, ProviderReference reference, List<String> sensitive) {
        this.provider = provider;
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.rawCode = Redaction.window(code);
        this.rawMessage = Redaction.window(message);
        this.rawRequestId = Redaction.window(requestId);
        this.reference = reference;
        this.sensitive = sensitive;
        this.providerCode = Redaction.providerText(rawCode, sensitive);
        this.providerMessage = Redaction.providerText(rawMessage, sensitive);
        this.requestId = Redaction.providerText(rawRequestId, sensitive);
    }

    /**
     * A context for an operation of a provider.
     *
     * @param provider the provider id
     * @param operation the operation
     * @return the context
     */
    public static ErrorContext of(String provider, String operation) {
        return new ErrorContext(provider, operation, null, null, null, null);
    }

    /**
     * The provider id.
     *
     * @return for example {@code eklectic}
     */
    public String provider() {
        return provider;
    }

    /**
     * The operation.
     *
     * @return for example {@code confirmPin}
     */
    public String operation() {
        return operation;
    }

    /**
     * The HTTP status.
     *
     * @return the status, or null when no answer came
     */
    public Integer httpStatus() {
        return httpStatus;
    }

    /**
     * The provider's error code, cleaned.
     *
     * @return the code, or null
     */
    public String providerCode() {
        return providerCode;
    }

    /**
     * The provider's error text, cleaned.
     *
     * @return the text, or null
     */
    public String providerMessage() {
        return providerMessage;
    }

    /**
     * The provider's request or trace id, cleaned.
     *
     * @return the id, or null
     */
    public String requestId() {
        return requestId;
    }

    /**
     * The provider's reference of what the call was about, to reconcile with a status query when the outcome
     * of a write is unknown.
     *
     * @return the reference, empty when the call has none
     */
    public Optional<ProviderReference> reference() {
        return Optional.ofNullable(reference);
    }

    /**
     * With an HTTP status.
     *
     * @param status the status
     * @return a copy
     */
    public ErrorContext withHttpStatus(Integer status) {
        return new ErrorContext(provider, operation, status, rawCode, rawMessage, rawRequestId, reference, sensitive);
    }

    /**
     * With the provider's code and message.
     *
     * @param code the code, or null
     * @param message the message, or null
     * @return a copy
     */
    public ErrorContext withProviderError(String code, String message) {
        return new ErrorContext(provider, operation, httpStatus, code, message, rawRequestId, reference, sensitive);
    }

    /**
     * With a request id.
     *
     * @param id the id, or null
     * @return a copy
     */
    public ErrorContext withRequestId(String id) {
        return new ErrorContext(provider, operation, httpStatus, rawCode, rawMessage, id, reference, sensitive);
    }

    /**
     * With the provider's reference of what the call was about.
     *
     * @param reference the reference, or null for none
     * @return a copy
     */
    public ErrorContext withReference(ProviderReference reference) {
        return new ErrorContext(provider, operation, httpStatus, rawCode, rawMessage, rawRequestId, reference,
                sensitive);
    }

    /**
     * With values that must never be shown: wherever they appear in the provider code, message or request id,
     * or in the summary of an exception built from the copy, they are replaced by {@code ***}, also in their
     * URL-encoded and JSON-escaped forms. The transport adds every secret the call carried (credentials,
     * tokens, PINs, credential headers) to the context of its answer, so that a provider that echoes one
     * cannot put it in an exception. The values never appear in {@link #toString()}.
     *
     * @param values the secret values; null and empty ones are ignored
     * @return a copy, or this context when there is nothing to add
     */
    public ErrorContext redacting(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return this;
        }
        List<String> merged = new ArrayList<>(sensitive);
        for (String v : values) {
            if (v != null && !v.isEmpty() && !merged.contains(v)) {
                merged.add(v);
            }
        }
        if (merged.size() == sensitive.size()) {
            return this;
        }
        return new ErrorContext(provider, operation, httpStatus, rawCode, rawMessage, rawRequestId, reference,
                List.copyOf(merged));
    }

    /**
     * Cleans a provider text the way this context cleans its own: the values given to
     * {@link #redacting(Collection)} masked, control and bidi characters removed, phone-number-like numbers
     * masked, at most 300 characters. For provider text that an exception carries in other fields.
     *
     * @param providerText any text, or null
     * @return the cleaned text, or null
     */
    public String scrub(String providerText) {
        return Redaction.providerText(providerText, sensitive);
    }

    /** A summary of an exception built from this context, cleaned like provider text but allowed more room. */
    String scrubSummary(String summary) {
        return Redaction.providerText(summary, sensitive, Redaction.MAX_SUMMARY);
    }

    String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("provider=").append(provider).append(", operation=").append(operation);
        if (httpStatus != null) {
            sb.append(", httpStatus=").append(httpStatus);
        }
        if (providerCode != null) {
            sb.append(", code=").append(providerCode);
        }
        if (providerMessage != null) {
            sb.append(", message=").append(providerMessage);
        }
        if (requestId != null) {
            sb.append(", requestId=").append(requestId);
        }
        if (reference != null) {
            sb.append(", reference=").append(reference);
        }
        return sb.toString();
    }

    /**
     * Equal when every shown field is equal (the secrets given to {@link #redacting} are not compared).
     *
     * @param o the other object
     * @return whether it is an equal context
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorContext c && Objects.equals(provider, c.provider)
                && Objects.equals(operation, c.operation) && Objects.equals(httpStatus, c.httpStatus)
                && Objects.equals(providerCode, c.providerCode) && Objects.equals(providerMessage, c.providerMessage)
                && Objects.equals(requestId, c.requestId) && Objects.equals(reference, c.reference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, operation, httpStatus, providerCode, providerMessage, requestId, reference);
    }

    /**
     * The shown fields, cleaned; never a secret.
     *
     * @return for example {@code ErrorContext[provider=centili, operation=submitPin, httpStatus=400, ...]}
     */
    @Override
    public String toString() {
        return "ErrorContext[" + describe() + "]";
    }
}
