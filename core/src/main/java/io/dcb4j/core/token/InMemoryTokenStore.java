package io.dcb4j.core.token;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A {@link TokenStore} in this JVM's memory. {@link #refresh} holds a lock per key, so that several clients of
 * one account sharing this store (in one JVM) fetch one token between them.
 */
public final class InMemoryTokenStore implements TokenStore {

    private final ConcurrentMap<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryTokenStore() {
    }

    @Override
    public Optional<AccessToken> get(String key) {
        return Optional.ofNullable(tokens.get(key));
    }

    @Override
    public void put(String key, AccessToken token) {
        tokens.put(key, token);
    }

    @Override
    public boolean remove(String key, AccessToken expected) {
        return tokens.remove(key, expected);
    }

    /** Holds a lock per key in this JVM while {@code refresher} runs. */
    @Override
    public Optional<AccessToken> refresh(String key, Duration maxWait,
            Function<Optional<AccessToken>, AccessToken> refresher) {
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        try {
            if (!lock.tryLock(Math.max(0L, saturatedNanos(maxWait)), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            Optional<AccessToken> stored = get(key);
            AccessToken next = Objects.requireNonNull(refresher.apply(stored), "refresher returned null");
            if (stored.isEmpty() || !stored.get().equals(next)) {
                put(key, next);
            }
            return Optional.of(next);
        } finally {
            lock.unlock();
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return Objects.requireNonNull(d, "maxWait").toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
