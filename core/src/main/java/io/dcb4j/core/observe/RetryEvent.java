package io.dcb4j.core.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * An attempt failed and is repeated: a retryable status, an I/O failure of a request that is safe to repeat,
 * or a token the provider refused (a 401 answered once with a new token).
 *
 * @param provider the provider id
 * @param operation the provider's name of the request repeated ({@code sendPin}, or the token request's)
 * @param attempt the number of the attempt that failed, from 1
 * @param cause the HTTP status of the answer ({@code 503}, {@code 401}), or the simple class name of the I/O
 *     failure ({@code SocketTimeoutException})
 * @param delay the pause before the next attempt
 */
public record RetryEvent(String provider, String operation, int attempt, String cause, Duration delay) {

    /**
     * Checks the components.
     *
     * @param provider the provider id
     * @param operation the request's name
     * @param attempt the failed attempt
     * @param cause the status or failure class
     * @param delay the pause
     */
    public RetryEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(delay, "delay");
    }
}
