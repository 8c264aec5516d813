package io.dcb4j.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock that tests move by hand, for token expiry and time-based logic without sleeping. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    /**
     * Creates the clock.
     *
     * @param start the initial instant
     */
    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /**
     * Moves the clock forward.
     *
     * @param d how far
     */
    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    /**
     * Sets the clock.
     *
     * @param instant the new now
     */
    public void set(Instant instant) {
        now.set(instant);
    }
}
