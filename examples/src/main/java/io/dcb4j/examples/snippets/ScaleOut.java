package io.dcb4j.examples.snippets;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.journal.ChargeJournal;
import io.dcb4j.core.journal.Reconciler;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.EventClaim;
import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.store.jdbc.JdbcChargeJournal;
import io.dcb4j.store.jdbc.JdbcEventDeduplicator;
import io.dcb4j.store.jdbc.JdbcStores;
import io.dcb4j.store.jdbc.JdbcTokenStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** The code of docs/scale-out.md. */
final class ScaleOut {

    private ScaleOut() {
    }

    static BillingProvider client(DataSource dataSource, Map<String, String> keys) {
        // tag::scale-out-client[]
        JdbcStores.createSchema(dataSource);                  // or run the migrations with Flyway or Liquibase
        byte[] tokenKey = Base64.getDecoder().decode(System.getenv("DCB_TOKEN_KEY"));   // 32 bytes, every instance
        ChargeJournal journal = JdbcChargeJournal.create(dataSource);
        ClientOptions shared = ClientOptions.builder()
                .tokenStore(JdbcTokenStore.builder(dataSource).encryptionKey(tokenKey).build())
                .chargeJournal(journal)
                .build();
        BillingProvider provider = BillingProviders.create("centili", keys, shared);
        // end::scale-out-client[]
        return provider;
    }

    static void callback(DataSource dataSource, BillingEvent event, Consumer<BillingEvent> process) {
        // tag::scale-out-callbacks[]
        EventDeduplicator deduplicator = JdbcEventDeduplicator.create(dataSource);
        Optional<EventClaim> claim = deduplicator.claim(event, Duration.ofMinutes(5));
        if (claim.isPresent()) {                              // this instance processes it; the others acknowledge
            try {
                process.accept(event);
                claim.get().complete();
            } catch (RuntimeException e) {
                claim.get().release();                        // answer 5xx: the provider's retry is processed
                throw e;
            }
        }
        // end::scale-out-callbacks[]
    }

    static ScheduledExecutorService reconciler(ChargeJournal journal, BillingProvider provider) {
        // tag::scale-out-reconciler[]
        Reconciler reconciler = Reconciler.builder(journal)
                .provider(provider)
                .listener(resolution -> System.out.println(resolution.kind() + " " + resolution.entry()))
                .build();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleWithFixedDelay(reconciler::runOnce, 1, 1, TimeUnit.MINUTES);
        // end::scale-out-reconciler[]
        return scheduler;
    }
}
