package io.dcb4j.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.token.TokenStore;
import io.dcb4j.spring.fake.AcmeProviderFactory;
import io.dcb4j.spring.test.RunningSimulators;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.centili.CentiliSimulator;
import io.dcb4j.testkit.eklectic.EklecticSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The auto-configuration in a bare context: properties, beans, shared beans, customizers, shutdown. */
class Dcb4jAutoConfigurationTest {

    private static RunningSimulators simulators;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Dcb4jAutoConfiguration.class));

    @BeforeAll
    static void startSimulators() {
        simulators = RunningSimulators.start(List.of("eklectic", "centili", "b2m-aoc"));
    }

    @AfterAll
    static void stopSimulators() {
        simulators.close();
    }

    @BeforeEach
    void reset() {
        simulators.resetAll();
    }

    private static String[] props(String... ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            RunningSimulators.properties(simulators.get(id)).forEach((k, v) -> out.add(k + "=" + v));
        }
        return out.toArray(String[]::new);
    }

    private static String[] with(String[] base, String... more) {
        List<String> out = new ArrayList<>(List.of(base));
        out.addAll(List.of(more));
        return out.toArray(String[]::new);
    }

    @Test
    void withoutProvidersTheRegistryIsEmptyAndNoProviderBeanExists() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(BillingProviderRegistry.class).ids()).isEmpty();
            assertThat(context.getBeansOfType(BillingProvider.class)).isEmpty();
        });
    }

    @Test
    void oneConfiguredProviderIsABeanThatSubscribesWithNoOtherCode() {
        runner.withPropertyValues(props("eklectic")).run(context -> {
            BillingProvider provider = context.getBean(BillingProvider.class);
            assertThat(provider.id()).isEqualTo("eklectic");
            assertThat(context.getBean(BillingProviderRegistry.class).require("eklectic")).isSameAs(provider);

            EklecticSimulator sim = simulators.get("eklectic", EklecticSimulator.class);
            Msisdn msisdn = sim.sampleMsisdn();
            PinSubscriptions pins = provider.pinSubscriptions().orElseThrow();
            PinChallenge challenge = pins.requestPin(sim.sampleSubscribeRequest(msisdn));
            SubscriptionResult result = pins.confirmPin(challenge, sim.pinSentTo(msisdn).orElseThrow());
            assertThat(result.state()).isEqualTo(SubscriptionState.ACTIVE);
        });
    }

    /** Components qualified by id receive the provider of that id. */
    static class Checkout {
        final BillingProvider eklectic;
        final BillingProvider centili;

        Checkout(@Qualifier("eklectic") BillingProvider eklectic, @Qualifier("centili") BillingProvider centili) {
            this.eklectic = eklectic;
            this.centili = centili;
        }
    }

    @Test
    void severalProvidersAreQualifiedByIdAndOneMayBePrimary() {
        runner.withPropertyValues(props("eklectic", "centili")).withBean(Checkout.class).run(context -> {
            Checkout checkout = context.getBean(Checkout.class);
            assertThat(checkout.eklectic.id()).isEqualTo("eklectic");
            assertThat(checkout.centili.id()).isEqualTo("centili");
            assertThat(context.getBeansOfType(BillingProvider.class)).containsOnlyKeys("dcb4j.provider.centili",
                    "dcb4j.provider.eklectic");
            assertThat(context.getBean(BillingProviderRegistry.class).ids()).containsExactly("centili", "eklectic");
        });
        runner.withPropertyValues(with(props("eklectic", "centili"), "dcb4j.primary=centili")).run(context ->
                assertThat(context.getBean(BillingProvider.class).id()).isEqualTo("centili"));
        runner.withPropertyValues(with(props("eklectic"), "dcb4j.primary=centili")).run(context ->
                assertThat(context).getFailure().hasMessageContaining("dcb4j.primary names 'centili'")
                        .hasMessageContaining("[eklectic]"));
    }

    @Test
    void aDisabledProviderKeepsItsSettingsWithoutABean() {
        runner.withPropertyValues(with(props("eklectic", "centili"), "dcb4j.providers.centili.enabled=false"))
                .run(context -> {
                    assertThat(context.getBean(BillingProviderRegistry.class).ids()).containsExactly("eklectic");
                    assertThat(context.getBean(BillingProvider.class).id()).isEqualTo("eklectic");
                });
    }

    @Test
    void environmentVariablesBindInSpringsSpellingsAndReachTheProvider() {
        EklecticSimulator sim = simulators.get("eklectic", EklecticSimulator.class);
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("DCB4J_PROVIDERS_EKLECTIC_CLIENTID", EklecticSimulator.CLIENT_ID);
        env.put("DCB4J_PROVIDERS_EKLECTIC_CLIENTSECRET", EklecticSimulator.CLIENT_SECRET);
        env.put("DCB4J_PROVIDERS_EKLECTIC_BASEURL", sim.baseUrl());
        env.put("DCB4J_PROVIDERS_EKLECTIC_ALLOWINSECUREHTTP", "true");
        env.put("DCB4J_PROVIDERS_EKLECTIC_READTIMEOUT", "7");
        env.put("DCB4J_PROVIDERS_B2MAOC_BASEURL", simulators.get("b2m-aoc").baseUrl());
        env.put("DCB4J_PROVIDERS_B2MAOC_ALLOWINSECUREHTTP", "true");
        List<ClientOptions> seen = new ArrayList<>();
        runner.withInitializer(context -> environment(context, env))
                .withBean(ClientOptionsCustomizer.class, () -> (id, options) -> seen.add(options.build()))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(BillingProviderRegistry.class).ids()).containsExactly("b2m-aoc",
                            "eklectic");
                    BillingProvider eklectic = context.getBean(BillingProviderRegistry.class).require("eklectic");
                    Msisdn msisdn = sim.sampleMsisdn();
                    PinChallenge challenge = eklectic.pinSubscriptions().orElseThrow()
                            .requestPin(sim.sampleSubscribeRequest(msisdn));
                    assertThat(challenge.challengeId()).isNotBlank();
                    assertThat(seen).extracting(ClientOptions::readTimeout).as("a bare number is seconds")
                            .contains(Duration.ofSeconds(7));
                });
    }

    @Test
    void environmentVariablesWithUnderscoresForDashesBindToo() {
        EklecticSimulator sim = simulators.get("eklectic", EklecticSimulator.class);
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("DCB4J_PROVIDERS_EKLECTIC_CLIENT_ID", EklecticSimulator.CLIENT_ID);
        env.put("DCB4J_PROVIDERS_EKLECTIC_CLIENT_SECRET", EklecticSimulator.CLIENT_SECRET);
        env.put("DCB4J_PROVIDERS_EKLECTIC_BASE_URL", sim.baseUrl());
        env.put("DCB4J_PROVIDERS_EKLECTIC_ALLOW_INSECURE_HTTP", "true");
        env.put("DCB4J_PROVIDERS_OTHER_ACME_API_KEY", "acme-key");
        env.put("DCB4J_PROVIDERS_OTHER_ACME_READ_TIMEOUT", "3s");
        runner.withInitializer(context -> environment(context, env)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(BillingProviderRegistry.class).ids()).containsExactly("acme", "eklectic");
            BillingProvider eklectic = context.getBean(BillingProviderRegistry.class).require("eklectic");
            Msisdn msisdn = sim.sampleMsisdn();
            assertThat(eklectic.pinSubscriptions().orElseThrow().requestPin(sim.sampleSubscribeRequest(msisdn))
                    .challengeId()).isNotBlank();
            assertThat(AcmeProviderFactory.last().keys()).as("the factory's spelling of each key")
                    .containsEntry("api-key", "acme-key").containsEntry("read-timeout", "3s");
            assertThat(AcmeProviderFactory.last().options().readTimeout()).isEqualTo(Duration.ofSeconds(3));
        });
    }

    private static void environment(ConfigurableApplicationContext context, Map<String, Object> env) {
        context.getEnvironment().getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", env));
    }

    @Test
    void aMissingKeyFailsTheStartNamingThePropertyBlockAndTheKeyButNoValue() {
        runner.withPropertyValues("dcb4j.providers.eklectic.client-secret=s3cr3t-value").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context).getFailure().hasStackTraceContaining("dcb4j.providers.eklectic")
                    .hasStackTraceContaining("'client-id' is required");
            assertThat(stackTrace(context.getStartupFailure())).doesNotContain("s3cr3t-value");
        });
    }

    @Test
    void blankCallbackSecurityPropertiesFailClosed() {
        runner.withPropertyValues(with(props("eklectic"), "dcb4j.providers.eklectic.notification-secret="))
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("notification-secret"));
        runner.withPropertyValues(with(props("eklectic"), "dcb4j.providers.eklectic.notification-allowed-sources= , "))
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("notification-allowed-sources"));
        runner.withPropertyValues(with(props("eklectic"), "dcb4j.providers.eklectic.max-attempts=0"))
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("max-attempts"));
    }

    @Test
    void aTypedProviderUnderOtherIsRefused() {
        runner.withPropertyValues("dcb4j.providers.other.eklectic.client-id=x").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("configure eklectic under"
                        + " dcb4j.providers.eklectic"));
    }

    @Configuration(proxyBeanMethods = false)
    static class SharedBeans {
        static final AtomicInteger REQUESTS = new AtomicInteger();

        @Bean
        OkHttpClient okHttpClient() {
            return new OkHttpClient.Builder().addInterceptor(chain -> {
                REQUESTS.incrementAndGet();
                return chain.proceed(chain.request());
            }).build();
        }

        @Bean
        TokenStore sharedTokens() {
            return TokenStore.inMemory();
        }

        @Bean
        @Order(2)
        ClientOptionsCustomizer second() {
            return (id, options) -> options.extraHeader("X-Order", "second");
        }

        @Bean
        @Order(1)
        ClientOptionsCustomizer first() {
            return (id, options) -> options.extraHeader("X-Order", "first").readTimeout(Duration.ofSeconds(9));
        }
    }

    @Test
    void withAnObservationRegistryEveryProviderIsObserved() {
        io.micrometer.observation.tck.TestObservationRegistry registry =
                io.micrometer.observation.tck.TestObservationRegistry.create();
        runner.withPropertyValues(props("eklectic"))
                .withBean(io.micrometer.observation.ObservationRegistry.class, () -> registry)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EklecticSimulator sim = simulators.get("eklectic", EklecticSimulator.class);
                    BillingProvider eklectic = context.getBean(BillingProviderRegistry.class).require("eklectic");
                    eklectic.pinSubscriptions().orElseThrow().requestPin(sim.sampleSubscribeRequest(sim.sampleMsisdn()));
                    io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat(registry)
                            .hasObservationWithNameEqualTo("dcb.operation").that()
                            .hasLowCardinalityKeyValue("provider", "eklectic")
                            .hasLowCardinalityKeyValue("outcome", "success");
                });
        // without a registry nothing is observed, and the context starts all the same
        runner.withPropertyValues(props("eklectic")).run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theApplicationsOkHttpClientTokenStoreAndCustomizersReachEveryProvidersOptions() {
        List<ClientOptions> seen = new ArrayList<>();
        runner.withPropertyValues(with(props("centili"), "dcb4j.providers.centili.read-timeout=2s",
                        "dcb4j.providers.other.acme.api-key=k"))
                .withUserConfiguration(SharedBeans.class)
                .withBean("last", ClientOptionsCustomizer.class, () -> (id, options) -> seen.add(options.build()))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    OkHttpClient shared = context.getBean(OkHttpClient.class);
                    TokenStore tokens = context.getBean(TokenStore.class);
                    assertThat(seen).hasSize(2).allSatisfy(o -> {
                        assertThat(o.okHttpClient()).isSameAs(shared);
                        assertThat(o.tokenStore()).isSameAs(tokens);
                        assertThat(o.extraHeaders()).containsEntry("X-Order", "second");
                        assertThat(o.readTimeout()).as("customizers run after the properties")
                                .isEqualTo(Duration.ofSeconds(9));
                    });

                    CentiliSimulator sim = simulators.get("centili", CentiliSimulator.class);
                    int before = SharedBeans.REQUESTS.get();
                    BillingProvider centili = context.getBean(BillingProviderRegistry.class).require("centili");
                    centili.pinSubscriptions().orElseThrow().requestPin(sim.sampleSubscribeRequest(sim.sampleMsisdn()));
                    assertThat(SharedBeans.REQUESTS.get()).as("calls go through the application's OkHttp client")
                            .isGreaterThan(before);
                    assertThat(sim.requests()).anySatisfy(r -> assertThat(r.header("X-Order")).contains("second"));
                });
    }

    @Test
    void theProvidersAreClosedWithTheContext() {
        List<BillingProvider> kept = new ArrayList<>();
        runner.withPropertyValues(props("eklectic")).run(context -> kept.add(context.getBean(BillingProvider.class)));
        EklecticSimulator sim = simulators.get("eklectic", EklecticSimulator.class);
        int before = sim.requests().size();
        assertThatThrownBy(() -> kept.get(0).pinSubscriptions().orElseThrow()
                .requestPin(sim.sampleSubscribeRequest(sim.sampleMsisdn()))).isInstanceOf(IllegalStateException.class);
        assertThat(sim.requests()).hasSize(before);
    }

    @Test
    void thePropertiesNeverShowASecret() {
        runner.withPropertyValues(with(props("centili", "b2m-aoc"), "dcb4j.providers.b2m-aoc.header.X-Api-Key=hk-123"))
                .run(context -> {
                    String text = context.getBean(Dcb4jProperties.class).toString();
                    assertThat(text).contains("clientId=" + CentiliSimulator.CLIENT_ID)
                            .contains("clientSecret=******").contains("password=******").contains("X-Api-Key=******")
                            .doesNotContain(CentiliSimulator.CLIENT_SECRET).doesNotContain(CentiliSimulator.PASSWORD)
                            .doesNotContain("hk-123");
                    assertThat(context.getBean(BillingProviderRegistry.class).ids()).contains("b2m-aoc", "centili");
                });
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    static Simulator sim(String id) {
        return simulators.get(id);
    }
}
