package io.dcb4j.core.error;

import io.dcb4j.core.internal.Redaction;

/**
 * Where and how a call failed: carried by every {@link DcbException}. Immutable; the {@code with...}
 * methods return copies. Provider messages are scrubbed of MSISDN-like digit runs on the way in.
 *
 * @param provider the provider id, for example {@code eklectic}
 * @param operation the operation, for example {@code confirmPin}
 * @param httpStatus the HTTP status, or null when no answer came
 * @param providerCode the provider's error code, or null
 * @param providerMessage the provider's error text, or null
 * @param requestId the provider's request or trace id, or null
 */
public record ErrorContext(
        String provider,
        String operation,
        Integer httpStatus,
        String providerCode,
        String providerMessage,
        String requestId) {

    /**
     * Scrubs the provider message.
     *
     * @param provider the provider id
     * @param operation the operation
     * @param httpStatus optional
     * @param providerCode optional
     * @param providerMessage optional, scrubbed
     * @param requestId optional
     */
    public ErrorContext {
        providerMessage = Redaction.scrubText(providerMessage);
        providerCode = Redaction.scrubText(providerCode);
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
     * With an HTTP status.
     *
     * @param status the status
     * @return a copy
     */
    public ErrorContext withHttpStatus(Integer status) {
        return new ErrorContext(provider, operation, status, providerCode, providerMessage, requestId);
    }

    /**
     * With the provider's code and message.
     *
     * @param code the code, or null
     * @param message the message, or null
     * @return a copy
     */
    public ErrorContext withProviderError(String code, String message) {
        return new ErrorContext(provider, operation, httpStatus, code, message, requestId);
    }

    /**
     * With a request id.
     *
     * @param id the id, or null
     * @return a copy
     */
    public ErrorContext withRequestId(String id) {
        return new ErrorContext(provider, operation, httpStatus, providerCode, providerMessage, id);
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
        return sb.toString();
    }
}
