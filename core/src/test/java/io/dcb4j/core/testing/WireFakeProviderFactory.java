package io.dcb4j.core.testing;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.spi.BillingProviderFactory;
import java.util.HashSet;
import java.util.Set;

/** Registers {@link WireFakeClient} as provider {@code fake}, for tests that go through the registry. */
public final class WireFakeProviderFactory implements BillingProviderFactory {

    @Override
    public String id() {
        return WireFakeClient.ID;
    }

    @Override
    public Set<String> configKeys() {
        return new HashSet<>(ProviderConfig.COMMON_KEYS);
    }

    @Override
    public BillingProvider create(ProviderConfig config) {
        return WireFakeClient.create(config.require("base-url"), config.clientOptions());
    }
}
