package io.dcb4j.core.testing;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Capability;
import io.dcb4j.core.Charges;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.spi.BillingProviderFactory;
import java.util.Optional;
import java.util.Set;

/** A provider factory registered only in core's tests, to exercise the registry. */
public final class FakeProviderFactory implements BillingProviderFactory {

    private static volatile io.dcb4j.core.ClientOptions lastClientOptions;

    /**
     * The transport options the last {@link #create} read from its configuration.
     *
     * @return the options
     */
    public static io.dcb4j.core.ClientOptions lastClientOptions() {
        return lastClientOptions;
    }

    @Override
    public String id() {
        return "core-test-fake";
    }

    @Override
    public Set<String> configKeys() {
        return Set.of("api-key", "base-url", "header.<name>");
    }

    @Override
    public BillingProvider create(ProviderConfig config) {
        String key = config.require("api-key");
        lastClientOptions = config.clientOptions();
        return new BillingProvider() {
            @Override
            public String id() {
                return "core-test-fake:" + key.length();
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
            public Optional<io.dcb4j.core.ChargeConfirmations> chargeConfirmations() {
                return Optional.empty();
            }

            @Override
            public Optional<io.dcb4j.core.ChargeCancellations> chargeCancellations() {
                return Optional.empty();
            }

            @Override
            public Optional<io.dcb4j.core.Refunds> refunds() {
                return Optional.empty();
            }

            @Override
            public Optional<Subscriptions> subscriptions() {
                return Optional.empty();
            }

            @Override
            public Optional<io.dcb4j.core.Cancellations> cancellations() {
                return Optional.empty();
            }

            @Override
            public Optional<io.dcb4j.core.Renewals> renewals() {
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
