package io.dcb4j.store.jdbc;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.journal.ChargeJournal;
import io.dcb4j.core.token.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Helpers to build an "instance" of a merchant application and to run many calls at once. */
final class Fleet {

    private Fleet() {
    }

    /**
     * A client of the fake provider as one instance builds it: through the registry, with its own stores.
     *
     * @param baseUrl WireMock
     * @param tokens the instance's token store, or null
     * @param journal the instance's journal, or null
     * @param clock the clock
     * @return the client
     */
    static BillingProvider client(String baseUrl, TokenStore tokens, ChargeJournal journal, Clock clock) {
        ClientOptions base = ClientOptions.builder().tokenStore(tokens).chargeJournal(journal).clock(clock)
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build();
        return BillingProviders.create("fake", Map.of("base-url", baseUrl, "allow-insecure-http", "true",
                "read-timeout", "20s", "call-timeout", "30s"), base);
    }

    /**
     * Runs every task at once (released together) and waits for all of them.
     *
     * @param tasks the tasks
     * @param <T> their result
     * @return each task's outcome: its result, or the exception it threw
     */
    static <T> List<Object> together(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    out.add(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static Duration lease() {
        return Duration.ofMinutes(5);
    }
}
