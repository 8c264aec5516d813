package io.dcb4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dcb4j.b2maoc.B2mAocClient;
import io.dcb4j.centili.CentiliClient;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.eclipsevas.EclipseVasClient;
import io.dcb4j.eklectic.EklecticClient;
import io.dcb4j.infomedia.InfomediaClient;
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
            "b2m-aoc", Map.of());

    /** Required keys per provider. */
    static final Map<String, List<String>> REQUIRED = Map.of(
            "eklectic", List.of("client-id", "client-secret"),
            "infomedia", List.of("api-key", "username", "password"),
            "eclipse-vas", List.of("base-url", "tenant-id", "identity", "password"),
            "centili", List.of("client-id", "username", "password"),
            "b2m-aoc", List.of());

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
                    new String[] {"zone", "Atlantis"}, new String[] {"notification-allowed-sources", "1.2.3/8"}));

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
