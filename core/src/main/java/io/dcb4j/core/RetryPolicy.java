package io.dcb4j.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How failed calls are retried: exponential backoff with jitter, honouring {@code Retry-After}, up to a
 * maximum number of attempts. Only calls that are safe to repeat are retried, whatever the policy says:
 * reads, writes whose request never reached the server, and writes that carry an idempotency key the
 * provider honours. Immutable.
 */
public final class RetryPolicy {

    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(500, 502, 503, 504);
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();
    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder b) {
        if (b.maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (b.multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
        if (b.jitter < 0 || b.jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1");
        }
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = requireNonNegative(b.initialBackoff, "initialBackoff");
        this.maxBackoff = requireNonNegative(b.maxBackoff, "maxBackoff");
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.maxRetryAfter = requireNonNegative(b.maxRetryAfter, "maxRetryAfter");
    }

    private static Duration requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return d;
    }

    /**
     * Three attempts, 200 ms initial backoff doubling to at most 5 s, 20 % jitter, Retry-After honoured up
     * to 30 s.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * One attempt, no retries.
     *
     * @return the policy
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * Starts a builder with the default values.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The maximum number of attempts, the first included.
     *
     * @return at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The longest {@code Retry-After} honoured; a longer one ends the retries.
     *
     * @return the cap
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * Whether an HTTP status is worth a retry (for a call that is safe to repeat).
     *
     * @param status the status
     * @param hasRetryAfter whether the answer carried {@code Retry-After}
     * @return true for 500, 502, 503, 504, and 429 with {@code Retry-After}
     */
    public boolean isRetryableStatus(int status, boolean hasRetryAfter) {
        return RETRYABLE_STATUSES.contains(status) || (status == 429 && hasRetryAfter);
    }

    /**
     * The wait before the next attempt.
     *
     * @param failedAttempt the attempt that just failed, from 1
     * @param retryAfter the server's {@code Retry-After}, or null
     * @return the delay; a server delay is used as given, a computed one has jitter applied
     */
    public Duration delayBeforeRetry(int failedAttempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        }
        double base = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
        double capped = Math.min(base, maxBackoff.toNanos());
        double factor = jitter == 0 ? 1.0 : 1.0 - jitter + ThreadLocalRandom.current().nextDouble() * 2 * jitter;
        return Duration.ofNanos((long) Math.max(0, capped * factor));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter + ", maxRetryAfter="
                + maxRetryAfter + "]";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private double multiplier = 2.0;
        private double jitter = 0.2;
        private Duration maxRetryAfter = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * The maximum number of attempts, the first included.
         *
         * @param maxAttempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The wait after the first failure.
         *
         * @param initialBackoff the delay
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /**
         * The longest computed wait.
         *
         * @param maxBackoff the cap
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /**
         * The growth factor between waits.
         *
         * @param multiplier at least 1
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /**
         * The random spread around each computed wait, as a fraction.
         *
         * @param jitter 0 to 1
         * @return this builder
         */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /**
         * The longest {@code Retry-After} honoured.
         *
         * @param maxRetryAfter the cap
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
