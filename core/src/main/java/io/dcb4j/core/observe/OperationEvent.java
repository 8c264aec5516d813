package io.dcb4j.core.observe;

import io.dcb4j.core.error.DcbException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an operation ended. Holds no secret: the error is a {@link DcbException}, whose message is cleaned, and
 * the request id is provider text cleaned like every provider text.
 *
 * @param provider the provider id, for example {@code eklectic}
 * @param operation the operation's name, for example {@code confirmPin}
 * @param outcome success or failure
 * @param errorType the simple class name of the exception the caller got ({@code InvalidPinException}); empty
 *     on success
 * @param retryable whether the failure is worth repeating later ({@link DcbException#isRetryable()}); false on
 *     success
 * @param attempts the HTTP requests the operation sent or tried to send, retries and the repeat after a refused
 *     token included, token fetches excluded; 0 when it failed before the first
 * @param retries how many of those attempts repeated a failed one
 * @param duration from start to end, on the calling thread
 * @param requestId the provider's request id of the last answer, when the provider sends one
 * @param error the exception the caller got, when it is a {@link DcbException}
 */
public record OperationEvent(String provider, String operation, Outcome outcome, Optional<String> errorType,
        boolean retryable, int attempts, int retries, Duration duration, Optional<String> requestId,
        Optional<DcbException> error) {

    /** How an operation ended. */
    public enum Outcome {
        /** The caller got a result. */
        SUCCESS,
        /** The caller got an exception. */
        FAILURE
    }

    /**
     * Checks the components.
     *
     * @param provider the provider id
     * @param operation the operation's name
     * @param outcome the outcome
     * @param errorType the error's class name
     * @param retryable whether retryable
     * @param attempts the attempts
     * @param retries the retries
     * @param duration the duration
     * @param requestId the provider's request id
     * @param error the exception
     */
    public OperationEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(error, "error");
    }
}
