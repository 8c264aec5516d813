package io.dcb4j.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.Cancellations;
import io.dcb4j.core.Capability;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.SubscriptionState;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderBasesTest {

    /** A minimal provider written on the bases, as a provider module would. */
    static final class FooClient extends ProviderClient {
        private final NeutralApi neutral;
        final ClientOptions options;

        private FooClient(Builder b) {
            super("foo", HttpTransport.builder("foo", b.clientOptions()).baseUrl("base-url", b.baseUrl()).build());
            this.options = b.clientOptions();
            Cancellations cancel = ref -> new CancelResult(ref, SubscriptionState.CANCELLED, null, Map.of());
            this.neutral = NeutralApi.builder().cancellations(cancel).build();
        }

        @Override
        protected NeutralApi neutralApi() {
            return neutral;
        }

        static final class Builder extends ProviderClientBuilder<Builder, FooClient> {
            Builder() {
                super("foo", "https://api.foo.example/v1");
            }

            @Override
            public FooClient build() {
                return new FooClient(this);
            }
        }
    }

    @Test
    void capabilitiesAndAccessorsComeFromThePartsAndNeverDisagree() {
        Subscriptions status = ref -> {
            throw new AssertionError("not called");
        };
        NeutralApi api = NeutralApi.builder().subscriptions(status).notifications(n -> null).build();
        assertThat(api.capabilities()).containsExactly(Capability.SUBSCRIPTION_STATUS, Capability.NOTIFICATIONS);
        assertThat(api.subscriptions()).containsSame(status);
        assertThat(api.pinSubscriptions()).isEmpty();
        assertThat(api.cancellations()).isEmpty();
        assertThat(api.renewals()).isEmpty();
        assertThat(api.charges()).isEmpty();

        try (FooClient foo = new FooClient.Builder().build()) {
            assertThat(foo.id()).isEqualTo("foo");
            assertThat(foo.capabilities()).containsExactly(Capability.CANCEL);
            assertThat(foo.cancellations()).isPresent();
            assertThat(foo.subscriptions()).isEmpty();
            assertThat(foo.renewals()).isEmpty();
            assertThat(foo.supports(Capability.RENEW)).isFalse();
        }
    }

    @Test
    void theChargeConfirmationCancellationAndRefundPartsGiveTheirCapabilities() {
        io.dcb4j.core.ChargeConfirmations confirm = (charge, code) -> charge;
        io.dcb4j.core.ChargeCancellations cancel = ref -> {
            throw new AssertionError("not called");
        };
        io.dcb4j.core.Refunds refunds = new io.dcb4j.core.Refunds() {
            @Override
            public io.dcb4j.core.model.RefundResult refund(io.dcb4j.core.model.RefundRequest request) {
                throw new AssertionError("not called");
            }

            @Override
            public io.dcb4j.core.model.RefundResult status(io.dcb4j.core.model.RefundRef refund) {
                throw new AssertionError("not called");
            }
        };
        NeutralApi api = NeutralApi.builder().chargeConfirmations(confirm).chargeCancellations(cancel)
                .refunds(refunds).build();
        assertThat(api.capabilities()).containsExactly(Capability.CONFIRM_CHARGE, Capability.CANCEL_CHARGE,
                Capability.REFUND);
        assertThat(api.chargeConfirmations()).containsSame(confirm);
        assertThat(api.chargeCancellations()).containsSame(cancel);
        assertThat(api.refunds()).containsSame(refunds);
        assertThat(NeutralApi.builder().build().capabilities()).isEmpty();
        io.dcb4j.core.model.ChargeResult reserved = new io.dcb4j.core.model.ChargeResult(
                io.dcb4j.core.model.ChargeRef.of("p-1"), io.dcb4j.core.model.ChargeState.RESERVED, "reserved", null,
                null, null, Map.of());
        assertThat(confirm.confirm(reserved)).isSameAs(reserved);
        assertThat(io.dcb4j.core.model.ChargeState.RESERVED.isFinal()).isFalse();

        try (FooClient foo = new FooClient.Builder().build()) {
            assertThat(foo.chargeConfirmations()).isEmpty();
            assertThat(foo.chargeCancellations()).isEmpty();
            assertThat(foo.refunds()).isEmpty();
        }
    }

    @Test
    void shortcutsOverrideTheOptionsWhateverTheOrder() {
        ClientOptions base = ClientOptions.builder().readTimeout(Duration.ofSeconds(7)).callTimeout(Duration.ofSeconds(9))
                .extraHeader("X-A", "from-options").build();
        RetryPolicy once = RetryPolicy.builder().maxAttempts(1).build();

        FooClient.Builder shortcutsFirst = new FooClient.Builder().readTimeout(Duration.ofSeconds(3)).retryPolicy(once)
                .extraHeader("X-A", "from-builder");
        shortcutsFirst.options(base);
        FooClient.Builder optionsFirst = new FooClient.Builder().options(base).readTimeout(Duration.ofSeconds(3))
                .retryPolicy(once).extraHeader("X-A", "from-builder");

        for (FooClient.Builder b : new FooClient.Builder[] {shortcutsFirst, optionsFirst}) {
            ClientOptions o = b.clientOptions();
            assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(o.callTimeout()).isEqualTo(Duration.ofSeconds(9));
            assertThat(o.retryPolicy().maxAttempts()).isEqualTo(1);
            assertThat(o.extraHeaders()).containsEntry("X-A", "from-builder");
        }
        assertThat(new FooClient.Builder().options(null).clientOptions().readTimeout())
                .isEqualTo(ClientOptions.defaults().readTimeout());
    }

    @Test
    void blankCallbackSettingsAreRefusedNamingTheKey() {
        for (String blank : new String[] {"", "  ", " , "}) {
            assertThatThrownBy(() -> new FooClient.Builder().notificationSecret(blank))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
            assertThatThrownBy(() -> new FooClient.Builder().configure(ProviderConfig.of("foo",
                    Map.of("notification-secret", blank)))).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("'notification-secret'");
        }
        assertThat(new FooClient.Builder().notificationAllowedSources("10.0.0.0/8, 192.0.2.1")
                .notificationAllowedSources().orElseThrow().allows("192.0.2.1")).isTrue();
        assertThatThrownBy(() -> new FooClient.Builder().notificationSecret("  "))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("\'notification-secret\'");
        assertThatThrownBy(() -> new FooClient.Builder().notificationAllowedSources(new String[0]))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("\'notification-allowed-sources\'");
        assertThatThrownBy(() -> new FooClient.Builder().notificationAllowedSources("not-an-address"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("\'notification-allowed-sources\'");
        assertThatThrownBy(() -> new FooClient.Builder().readTimeout(Duration.ZERO).clientOptions())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("\'options\'");
    }

    @Test
    void configureAppliesTheSharedKeys() {
        ProviderConfig config = ProviderConfig.of("foo", Map.of("base-url", "http://127.0.0.1:1/api",
                "allow-insecure-http", "true", "read-timeout", "2s", "notification-secret", "s3cret",
                "notification-allowed-sources", "10.0.0.0/8"));
        FooClient.Builder b = new FooClient.Builder().configure(config);
        assertThat(b.baseUrl()).isEqualTo("http://127.0.0.1:1/api");
        assertThat(b.clientOptions().readTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.notificationSecret()).contains("s3cret");
        assertThat(b.notificationAllowedSources().orElseThrow().allows("10.1.2.3")).isTrue();
        assertThatThrownBy(() -> ProviderConfig.of("foo", Map.of("zone", "Mars/Base")).zone("zone"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'zone'");
        assertThat(ProviderConfig.of("foo", Map.of("currency", "tnd")).currency("currency").orElseThrow().getCurrencyCode())
                .isEqualTo("TND");
    }
}
