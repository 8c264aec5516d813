package io.dcb4j.core.observe;

import io.dcb4j.core.error.DcbException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a request for a token ended. Never holds the token.
 *
 * @param provider the provider id
 * @param outcome a hit, a fetch, a shared fetch, or a failure
 * @param errorType the simple class name of the exception, for {@link Outcome#FAILED}
 * @param duration from the request to the token (the fetch or the wait included; the lookup for a hit)
 * @param error the exception, for {@link Outcome#FAILED} when it is a {@link DcbException}
 */
public record TokenEvent(String provider, Outcome outcome, Optional<String> errorType, Duration duration,
        Optional<DcbException> error) {

    /**
     * How a request for a token ended: a {@link #HIT} is told to {@link DcbObserver#tokenCacheHit}, a miss ends
     * {@link #FETCHED}, {@link #SHARED} or {@link #FAILED} and is told to the completion of {@link
     * DcbObserver#tokenFetchStarted}.
     */
    public enum Outcome {
        /** A valid token was cached. */
        HIT,
        /** No valid token was cached: this caller fetched a new one. */
        FETCHED,
        /** No valid token was cached: this caller waited for the fetch another caller ran, and shares its token. */
        SHARED,
        /** The fetch failed, or the wait for another caller's fetch timed out or was interrupted. */
        FAILED
    }

    /**
     * Checks the components.
     *
     * @param provider the provider id
     * @param outcome the outcome
     * @param errorType the error's class name
     * @param duration the duration
     * @param error the exception
     */
    public TokenEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(error, "error");
    }
}
