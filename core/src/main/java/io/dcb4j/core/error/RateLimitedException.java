package io.dcb4j.core.error;

import java.time.Duration;
import java.util.Optional;

/** The provider rate-limited the caller (HTTP 429 or a rate-limit code). Retryable after the given delay. */
public class RateLimitedException extends DcbApiException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param retryAfter the provider's {@code Retry-After}, or null
     * @param cause the cause, or null
     */
    public RateLimitedException(String summary, ErrorContext context, Duration retryAfter, Throwable cause) {
        super(summary, context, cause);
        this.retryAfter = retryAfter;
    }

    /**
     * How long the provider asked to wait.
     *
     * @return the delay, when given
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether a retry may succeed.
     *
     * @return true
     */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
