package io.dcb4j.spring.fake;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Cancellations;
import io.dcb4j.core.Capability;
import io.dcb4j.core.ChargeCancellations;
import io.dcb4j.core.ChargeConfirmations;
import io.dcb4j.core.Charges;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Refunds;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.Renewals;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.spi.BillingProviderFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A provider maintained "elsewhere", registered only in these tests: it remembers what it was built with. */
public final class AcmeProviderFactory implements BillingProviderFactory {

    /** What one client was built with. */
    public record Built(Map<String, String> keys, ClientOptions options) {
    }

    private static volatile Built last;

    public static Built last() {
        return last;
    }

    @Override
    public String id() {
        return "acme";
    }

    @Override
    public Set<String> configKeys() {
        return Set.of("api-key", "region", "header.<name>", "base-url", "read-timeout", "max-attempts",
                "allow-insecure-http", "connect-timeout", "call-timeout");
    }

    @Override
    public BillingProvider create(ProviderConfig config) {
        config.require("api-key");
        Map<String, String> keys = new LinkedHashMap<>();
        config.keys().forEach(k -> keys.put(k, config.optional(k).orElse("")));
        last = new Built(keys, config.clientOptions());
        return new BillingProvider() {
            @Override
            public String id() {
                return "acme";
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of();
            }

            @Override
            public Optional<PinSubscriptions> pinSubscriptions() {
                return Optional.empty();
            }

            @Override
            public Optional<Charges> charges() {
                return Optional.empty();
            }

            @Override
            public Optional<ChargeConfirmations> chargeConfirmations() {
                return Optional.empty();
            }

            @Override
            public Optional<ChargeCancellations> chargeCancellations() {
                return Optional.empty();
            }

            @Override
            public Optional<Refunds> refunds() {
                return Optional.empty();
            }

            @Override
            public Optional<Subscriptions> subscriptions() {
                return Optional.empty();
            }

            @Override
            public Optional<Cancellations> cancellations() {
                return Optional.empty();
            }

            @Override
            public Optional<Renewals> renewals() {
                return Optional.empty();
            }

            @Override
            public Optional<NotificationParser> notifications() {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }
}
