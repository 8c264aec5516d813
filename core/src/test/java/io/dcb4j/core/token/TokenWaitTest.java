package io.dcb4j.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.error.DcbTransportException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Callers that find a fetch in progress wait for it, each no longer than its own limit and never past an
 * interrupt; the fetch itself goes on for the others.
 */
class TokenWaitTest {

    /** A source whose first fetch blocks until released; later fetches answer at once. */
    static final class HeldSource implements TokenSource {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger fetches = new AtomicInteger();

        @Override
        public AccessToken fetch(AccessToken previous) {
            int n = fetches.incrementAndGet();
            if (n == 1) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DcbTransportException("interrupted", io.dcb4j.core.error.ErrorContext.of("test", "token"),
                            e);
                }
            }
            return AccessToken.bearer("t" + n, Instant.now().plusSeconds(3600));
        }
    }

    /** Runs a call on its own thread, recording the outcome and whether the interrupt flag was still set. */
    static final class Caller<T> {
        final Thread thread;
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
        volatile boolean interruptedAfter;

        Caller(Supplier<T> call) {
            thread = new Thread(() -> {
                Object result;
                try {
                    result = call.get();
                } catch (Throwable e) {
                    result = e;
                }
                interruptedAfter = Thread.currentThread().isInterrupted();
                outcome.complete(result);
            });
            thread.start();
        }

        Object await() throws Exception {
            return outcome.get(30, TimeUnit.SECONDS);
        }

        /** Until the caller is parked waiting for the fetch in progress. */
        void untilWaiting() {
            while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING
                    && thread.isAlive()) {
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void aWaiterGivesUpAtItsOwnLimitAndTheFetchGoesOnForTheOthers() throws Exception {
        HeldSource source = new HeldSource();
        CachingTokenProvider tokens = CachingTokenProvider.builder("eklectic:abc", source).build();
        Caller<AccessToken> fetching = new Caller<>(tokens::token);
        assertThat(source.entered.await(30, TimeUnit.SECONDS)).isTrue();

        Caller<AccessToken> hurried = new Caller<>(() -> tokens.token(Duration.ofMillis(50)));
        Object hurriedOutcome = hurried.await();
        assertThat(hurriedOutcome).isInstanceOf(DcbTransportException.class);
        DcbTransportException e = (DcbTransportException) hurriedOutcome;
        assertThat(e).hasMessageContaining("timed out waiting for a token").hasMessageContaining("before the request was sent");
        assertThat(e.provider()).isEqualTo("eklectic");
        assertThat(e.isRetryable()).isTrue();

        Caller<AccessToken> patient = new Caller<>(() -> tokens.token(Duration.ofSeconds(30)));
        patient.untilWaiting();
        source.release.countDown();
        assertThat(((AccessToken) fetching.await()).value()).isEqualTo("t1");
        assertThat(((AccessToken) patient.await()).value()).isEqualTo("t1");
        assertThat(source.fetches).hasValue(1);
    }

    @Test
    void anInterruptedWaiterEndsAtOnceAndKeepsItsFlag() throws Exception {
        HeldSource source = new HeldSource();
        CachingTokenProvider tokens = CachingTokenProvider.builder("centili:abc", source).build();
        Caller<AccessToken> fetching = new Caller<>(tokens::token);
        assertThat(source.entered.await(30, TimeUnit.SECONDS)).isTrue();

        Caller<AccessToken> waiter = new Caller<>(tokens::token);
        waiter.untilWaiting();
        waiter.thread.interrupt();
        Object waited = waiter.await();
        assertThat(waited).isInstanceOf(DcbTransportException.class);
        assertThat((DcbTransportException) waited).hasMessageContaining("interrupted while waiting for a token")
                .satisfies(e -> assertThat(e.provider()).isEqualTo("centili"));
        assertThat(waiter.interruptedAfter).isTrue();

        source.release.countDown();
        assertThat(((AccessToken) fetching.await()).value()).isEqualTo("t1");
        assertThat(source.fetches).hasValue(1);
    }

    @Test
    void whenTheFetchingThreadIsInterruptedAWaiterFetchesItself() throws Exception {
        HeldSource source = new HeldSource();
        CachingTokenProvider tokens = CachingTokenProvider.builder("k", source).build();
        Caller<AccessToken> fetching = new Caller<>(tokens::token);
        assertThat(source.entered.await(30, TimeUnit.SECONDS)).isTrue();
        Caller<AccessToken> waiter = new Caller<>(() -> tokens.token(Duration.ofSeconds(30)));
        waiter.untilWaiting();

        fetching.thread.interrupt();
        assertThat(fetching.await()).isInstanceOf(DcbTransportException.class);
        assertThat(fetching.interruptedAfter).isTrue();
        // the other caller was not interrupted: it does not inherit that failure, it fetches
        assertThat(((AccessToken) waiter.await()).value()).isEqualTo("t2");
        assertThat(waiter.interruptedAfter).isFalse();
        assertThat(source.fetches).hasValue(2);
    }

    @Test
    void aFailedFetchFailsItsWaitersOnceInsteadOfOneFetchEach() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger fetches = new AtomicInteger();
        CachingTokenProvider tokens = CachingTokenProvider.builder("k", previous -> {
            fetches.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new DcbTransportException("token endpoint timed out", io.dcb4j.core.error.ErrorContext.of("k", "token"),
                    null);
        }).build();
        Caller<AccessToken> fetching = new Caller<>(tokens::token);
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        Caller<AccessToken> a = new Caller<>(() -> tokens.token(Duration.ofSeconds(30)));
        Caller<AccessToken> b = new Caller<>(() -> tokens.token(Duration.ofSeconds(30)));
        a.untilWaiting();
        b.untilWaiting();
        release.countDown();
        assertThat(fetching.await()).isInstanceOf(DcbTransportException.class);
        assertThat(a.await()).isInstanceOf(DcbTransportException.class);
        assertThat(b.await()).isInstanceOf(DcbTransportException.class);
        assertThat(fetches).hasValue(1);
    }
}
