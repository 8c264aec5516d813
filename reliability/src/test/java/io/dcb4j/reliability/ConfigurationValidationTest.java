package io.dcb4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dcb4j.b2maoc.B2mAocClient;
import io.dcb4j.b2maoc.notification.B2mAocNotificationParser;
import io.dcb4j.centili.notification.CentiliNotificationParser;
import io.dcb4j.centili.CentiliClient;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.eclipsevas.EclipseVasClient;
import io.dcb4j.eclipsevas.notification.EclipseVasNotificationParser;
import io.dcb4j.eklectic.EklecticClient;
import io.dcb4j.eklectic.notification.EklecticNotificationParser;
import io.dcb4j.infomedia.InfomediaClient;
import io.dcb4j.infomedia.notification.InfomediaNotificationParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every provider's factory and builder rejects missing or malformed configuration with a {@link
 * ConfigurationException} naming the key, and builds from a valid minimal configuration.
 */
class ConfigurationValidationTest {

    /** A valid minimal configuration per provider. */
    static final Map<String, Map<String, String>> VALID = Map.of(
            "eklectic", Map.of("client-id", "id", "client-secret", "secret"),
            "infomedia", Map.of("api-key", "k", "username", "u", "password", "p"),
            "eclipse-vas", Map.of("base-url", "https://eclipse.example", "tenant-id", "242", "identity", "i",
                    "password", "p"),
            "centili", Map.of("client-id", "c", "username", "u", "password", "p"),
            "b2m-aoc", Map.of(),
            "camara", Map.of("base-url", "https://api.operator.example", "token-url", "https://auth.operator.example/t",
                    "client-id", "c", "client-secret", "s"));

    /** Required keys per provider. */
    static final Map<String, List<String>> REQUIRED = Map.of(
            "eklectic", List.of("client-id", "client-secret"),
            "infomedia", List.of("api-key", "username", "password"),
            "eclipse-vas", List.of("base-url", "tenant-id", "identity", "password"),
            "centili", List.of("client-id", "username", "password"),
            "b2m-aoc", List.of(),
            "camara", List.of("base-url", "token-url", "client-id", "client-secret"));

    /** Malformed values: key, value; applied on top of the valid configuration. */
    static final Map<String, List<String[]>> MALFORMED = Map.of(
            "eklectic", List.of(new String[] {"zone", "Mars/Olympus"}, new String[] {"currency", "XXXX"}),
            "infomedia", List.of(new String[] {"currency", "12"},
                    new String[] {"notification-allowed-sources", "10.0.0.0/99"}),
            "eclipse-vas", List.of(new String[] {"tenant-id", "two hundred"}, new String[] {"customer-id", "x"},
                    new String[] {"wallet-id", "1.5"}),
            "centili", List.of(new String[] {"zone", "Nowhere/Else"}, new String[] {"currency", "EURO"},
                    new String[] {"token-url", "not a url"}, new String[] {"token-url", "http://auth.example/t"},
                    new String[] {"notification-allowed-sources", "bad"}),
            "b2m-aoc", List.of(new String[] {"get-token-method", "PATCH"}, new String[] {"currency", "ZZZ1"},
                    new String[] {"zone", "Atlantis"}, new String[] {"notification-allowed-sources", "1.2.3/8"}),
            "camara", List.of(new String[] {"token-url", "http://auth.example/t"}, new String[] {"client-auth", "jwt"},
                    new String[] {"charge-flow", "three-step"}, new String[] {"sink", "http://shop.example/sink"},
                    new String[] {"sink-credential-lifetime", "-1d"}, new String[] {"payments-path", "/"},
                    new String[] {"notification-allowed-sources", "10.0.0.0/99"}));

    /** Common keys: every factory reads them through ProviderConfig.clientOptions(). */
    static final List<String[]> COMMON_MALFORMED = List.of(
            new String[] {"base-url", "not a url"}, new String[] {"base-url", "http://plain.example"},
            new String[] {"base-url", "ftp://files.example"}, new String[] {"connect-timeout", "soon"},
            new String[] {"read-timeout", "-5s"}, new String[] {"call-timeout", "0"},
            new String[] {"max-attempts", "0"}, new String[] {"max-attempts", "three"},
            new String[] {"allow-insecure-http", "perhaps"});

    @Test
    void factoriesBuildFromAValidConfiguration() {
        VALID.forEach((id, config) -> {
            try (BillingProvider p = BillingProviders.create(id, config)) {
                assertThat(p.id()).isEqualTo(id);
            }
        });
    }

    @Test
    void factoriesNameEachMissingOrMalformedKey() {
        List<String> problems = new ArrayList<>();
        int cases = 0;
        for (String id : VALID.keySet()) {
            for (String key : REQUIRED.get(id)) {
                Map<String, String> config = new LinkedHashMap<>(VALID.get(id));
                config.remove(key);
                cases++;
                check(problems, id + " without " + key, key, () -> BillingProviders.create(id, config));
                config.put(key, "   ");
                cases++;
                check(problems, id + " with a blank " + key, key, () -> BillingProviders.create(id, config));
            }
            List<String[]> malformed = new ArrayList<>(MALFORMED.get(id));
            malformed.addAll(COMMON_MALFORMED);
            for (String[] kv : malformed) {
                Map<String, String> config = new LinkedHashMap<>(VALID.get(id));
                config.put(kv[0], kv[1]);
                cases++;
                check(problems, id + " with " + kv[0] + "=" + kv[1], kv[0], () -> BillingProviders.create(id, config));
            }
        }
        System.out.println("configuration: " + cases + " malformed configurations checked");
        assertThat(problems).isEmpty();
    }

    @Test
    void buildersNameTheMissingKey() {
        List<String> problems = new ArrayList<>();
        check(problems, "eklectic builder", "client-id", () -> EklecticClient.builder().clientSecret("s").build());
        check(problems, "eklectic builder", "client-secret", () -> EklecticClient.builder().clientId("c").build());
        check(problems, "eklectic builder", "base-url", () -> EklecticClient.builder().clientId("c").clientSecret("s")
                .baseUrl(null).build());
        check(problems, "infomedia builder", "api-key", () -> InfomediaClient.builder().username("u").password("p")
                .build());
        check(problems, "infomedia builder", "password", () -> InfomediaClient.builder().apiKey("k").username("u")
                .build());
        check(problems, "eclipse builder", "base-url", () -> EclipseVasClient.builder().tenantId(1)
                .credentials("i", "p").build());
        check(problems, "eclipse builder", "tenant-id", () -> EclipseVasClient.builder().baseUrl("https://e.example")
                .credentials("i", "p").build());
        check(problems, "eclipse builder", "identity", () -> EclipseVasClient.builder().baseUrl("https://e.example")
                .tenantId(1).credentials(null, "p").build());
        check(problems, "centili builder", "username", () -> CentiliClient.builder().clientId("c").password("p")
                .build());
        check(problems, "centili builder", "token-url", () -> CentiliClient.builder().clientId("c").username("u")
                .password("p").tokenUrl(" ").build());
        check(problems, "b2m builder", "base-url", () -> B2mAocClient.builder().baseUrl("").build());
        check(problems, "b2m builder", "zone", () -> B2mAocClient.builder().zone(null).build());
        assertThat(problems).isEmpty();
    }

    // ---------------------------------------------------------------- callback security settings fail closed

    /** What an empty or forgotten value gives: empty, spaces, a tab, an empty comma-separated list. */
    static final List<String> BLANKS = List.of("", "   ", " , ", "\t", ",");

    /** The keys that turn callback authentication on, per provider. */
    static final Map<String, List<String>> SECURITY_KEYS = Map.of(
            "eklectic", List.of("notification-secret", "notification-secret-parameter", "notification-allowed-sources"),
            "infomedia", List.of("notification-secret", "notification-secret-parameter", "notification-allowed-sources"),
            "eclipse-vas", List.of("notification-secret", "notification-allowed-sources"),
            "centili", List.of("notification-secret", "notification-secret-parameter", "notification-allowed-sources"),
            "b2m-aoc", List.of("notification-secret", "notification-secret-parameter", "notification-allowed-sources"),
            "camara", List.of("notification-secret", "notification-allowed-sources"));

    @Test
    void aBlankSecurityKeyIsAConfigurationExceptionThroughEveryFactory() {
        List<String> problems = new ArrayList<>();
        int cases = 0;
        for (String id : VALID.keySet()) {
            for (String key : SECURITY_KEYS.get(id)) {
                for (String blank : BLANKS) {
                    Map<String, String> config = new LinkedHashMap<>(VALID.get(id));
                    if (key.equals("notification-secret-parameter")) {
                        config.put("notification-secret", "s3cr3t"); // the parameter alone is refused anyway
                    }
                    config.put(key, blank);
                    cases++;
                    check(problems, id + " with " + key + "='" + blank + "'", key,
                            () -> BillingProviders.create(id, config));
                    // an exported but empty environment variable, DCB_<PROVIDER>_<KEY>=
                    Map<String, String> env = new LinkedHashMap<>();
                    config.forEach((k, v) -> env.put(envName(id, k), v));
                    cases++;
                    check(problems, id + " with " + envName(id, key) + "='" + blank + "'", key,
                            () -> BillingProviders.create(id, io.dcb4j.core.ProviderConfig.fromEnvironment(id, env)));
                }
            }
            if (SECURITY_KEYS.get(id).contains("notification-secret-parameter")) {
                Map<String, String> config = new LinkedHashMap<>(VALID.get(id));
                config.put("notification-secret-parameter", "key");
                cases++;
                check(problems, id + " with a secret parameter but no secret", "notification-secret",
                        () -> BillingProviders.create(id, config));
            }
            // absent keys stay "not configured": the valid configuration has none and builds
            try (BillingProvider p = BillingProviders.create(id, VALID.get(id))) {
                assertThat(p.notifications()).as(id).isPresent();
            }
        }
        System.out.println("blank security keys: " + cases + " factory configurations checked");
        assertThat(problems).isEmpty();
    }

    static String envName(String id, String key) {
        return "DCB_" + id.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_"
                + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** A builder or parser call with a blank value, and the key it must name. */
    record BlankCase(String what, String key, java.util.function.Function<String, Object> call) {
    }

    static final List<BlankCase> BLANK_CASES = List.of(
            // client builders
            new BlankCase("eklectic builder notificationSecret", "notification-secret",
                    v -> EklecticClient.builder().clientId("c").clientSecret("s").notificationSecret(v).build()),
            new BlankCase("eklectic builder notificationSecret parameter", "notification-secret-parameter",
                    v -> EklecticClient.builder().clientId("c").clientSecret("s").notificationSecretParameter(v).notificationSecret("s3cr3t").build()),
            new BlankCase("eklectic builder notificationAllowedSources", "notification-allowed-sources",
                    v -> EklecticClient.builder().clientId("c").clientSecret("s").notificationAllowedSources(v)
                            .build()),
            new BlankCase("eclipse builder notificationSecret", "notification-secret",
                    v -> EclipseVasClient.builder().baseUrl("https://e.example").tenantId(1).credentials("i", "p")
                            .notificationSecret(v).build()),
            new BlankCase("eclipse builder notificationAllowedSources", "notification-allowed-sources",
                    v -> EclipseVasClient.builder().baseUrl("https://e.example").tenantId(1).credentials("i", "p")
                            .notificationAllowedSources(v).build()),
            new BlankCase("b2m builder notificationSecret", "notification-secret",
                    v -> B2mAocClient.builder().notificationSecret(v).build()),
            new BlankCase("b2m builder notificationSecretParameter", "notification-secret-parameter",
                    v -> B2mAocClient.builder().notificationSecret("s3cr3t").notificationSecretParameter(v).build()),
            new BlankCase("b2m builder notificationAllowedSources", "notification-allowed-sources",
                    v -> B2mAocClient.builder().notificationAllowedSources(v).build()),
            // parser builders and constructors (Infomedia and Centili clients take a parser)
            new BlankCase("eklectic parser sharedSecret", "notification-secret",
                    v -> EklecticNotificationParser.builder().sharedSecret("secret", v).build()),
            new BlankCase("eklectic parser sharedSecret parameter", "notification-secret-parameter",
                    v -> EklecticNotificationParser.builder().sharedSecret(v, "s3cr3t").build()),
            new BlankCase("eklectic parser allowedSources", "notification-allowed-sources",
                    v -> EklecticNotificationParser.builder().allowedSources(List.of(v)).build()),
            new BlankCase("infomedia parser sharedSecret", "notification-secret",
                    v -> InfomediaNotificationParser.builder().sharedSecret("secret", v).build()),
            new BlankCase("infomedia parser sharedSecret parameter", "notification-secret-parameter",
                    v -> InfomediaNotificationParser.builder().sharedSecret(v, "s3cr3t").build()),
            new BlankCase("infomedia parser allowedSources", "notification-allowed-sources",
                    v -> InfomediaNotificationParser.builder().allowedSources(List.of(v)).build()),
            new BlankCase("eclipse parser secret", "notification-secret", v -> EclipseVasNotificationParser.builder().secret(v).build()),
            new BlankCase("centili parser sharedSecret", "notification-secret",
                    v -> CentiliNotificationParser.builder().sharedSecret(v).build()),
            new BlankCase("centili parser secretParameter", "notification-secret-parameter",
                    v -> CentiliNotificationParser.builder().sharedSecret("s3cr3t").secretParameter(v).build()),
            new BlankCase("centili parser allowedSources", "notification-allowed-sources",
                    v -> CentiliNotificationParser.builder().allowedSources(List.of(v)).build()),
            new BlankCase("b2m parser secret", "notification-secret", v -> B2mAocNotificationParser.builder().secret(v).build()),
            new BlankCase("b2m parser secret parameter", "notification-secret-parameter",
                    v -> B2mAocNotificationParser.builder().secret("s3cr3t").secretParameter(v).build()));

    @Test
    void aBlankSecurityValueIsAConfigurationExceptionThroughEveryBuilderAndParser() {
        List<String> problems = new ArrayList<>();
        for (BlankCase c : BLANK_CASES) {
            for (String blank : BLANKS) {
                check(problems, c.what() + "('" + blank + "')", c.key(), () -> c.call().apply(blank));
            }
        }
        // an address list with nothing in it is not "accept any"
        check(problems, "infomedia parser allowedSources(empty)", "notification-allowed-sources",
                () -> InfomediaNotificationParser.builder().allowedSources(List.of()).build());
        check(problems, "centili parser allowedSources(empty)", "notification-allowed-sources",
                () -> CentiliNotificationParser.builder().allowedSources(List.of()).build());
        assertThat(problems).isEmpty();
        // null stays "not configured" where it was allowed before
        assertThat(EclipseVasNotificationParser.create().verifiesSignatures()).isFalse();
        assertThat(CentiliNotificationParser.builder().sharedSecret(null).build()).isNotNull();
        assertThat(B2mAocNotificationParser.create()).isNotNull();
    }

    static void check(List<String> problems, String what, String key, Supplier<Object> build) {
        Throwable t = catchThrowable(() -> {
            Object built = build.get();
            if (built instanceof AutoCloseable c) {
                c.close();
            }
        });
        if (!(t instanceof ConfigurationException)) {
            problems.add(what + ": expected ConfigurationException naming '" + key + "', got " + t);
        } else if (!t.getMessage().contains("'" + key + "'")) {
            problems.add(what + ": the message does not name '" + key + "': " + t.getMessage());
        }
    }
}
