package io.dcb4j.examples.cli;

import io.dcb4j.centili.CentiliClient;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.spi.BillingProviderFactory;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the CLI turns a provider id, a {@code --config} file, the environment and {@code --base-url} into the
 * keys {@link BillingProviders#create} reads, and what it checks before anything is sent:
 * <ul>
 *   <li>an unknown provider id is a usage error naming the known ones;</li>
 *   <li>{@code --base-url} moves every endpoint of the provider: an endpoint key such as Centili's
 *       {@code token-url} follows it to the same host, or the command refuses to run (a base URL on this
 *       machine with a token URL elsewhere would send the simulator's credentials away, and the other way
 *       round);</li>
 *   <li>every missing key is named at once, with its environment variable;</li>
 *   <li>commands that only parse callbacks get a parser without API credentials.</li>
 * </ul>
 */
final class Configs {

    /** Endpoint keys whose production default the CLI knows, so that {@code --base-url} can move them. */
    private static final Map<String, String> KNOWN_ENDPOINT_DEFAULTS = Map.of(
            "centili/token-url", CentiliClient.DEFAULT_TOKEN_URL);

    /** Keys ending in {@code -url} that name the merchant's own URLs, not an endpoint of the provider. */
    private static final Set<String> MERCHANT_URL_KEYS = Set.of("base-url", "callback-url", "return-url");

    private static final Pattern REQUIRED = Pattern.compile("configuration '([^']+)' (is required[^\\[]*)");

    private Configs() {
    }

    /**
     * Checks a provider id.
     *
     * @param provider the id given
     * @return the id
     * @throws CliException a usage error naming the known ids
     */
    static String provider(String provider) {
        if (provider == null || provider.isBlank()) {
            throw CliException.usage("a provider is required; known: " + BillingProviders.available());
        }
        if (BillingProviders.factory(provider).isEmpty()) {
            throw CliException.usage("unknown provider '" + io.dcb4j.core.ProviderText.clean(provider) + "'; known: "
                    + BillingProviders.available());
        }
        return provider;
    }

    /**
     * The environment variable of a key.
     *
     * @param provider the provider id
     * @param key the key
     * @return for example {@code DCB_EKLECTIC_CLIENT_ID}
     */
    static String env(String provider, String key) {
        return "DCB_" + provider.toUpperCase(Locale.ROOT).replace('-', '_') + "_"
                + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    /**
     * The merged configuration: the file, then the environment, then {@code --base-url}, with the endpoints
     * moved (see the class description).
     *
     * @param provider the provider id
     * @param configFile the {@code --config} file, or null
     * @param baseUrl the {@code --base-url}, or null
     * @param env the environment
     * @return the keys
     */
    static Map<String, String> merge(String provider, Path configFile, String baseUrl, Map<String, String> env) {
        Map<String, String> config = new LinkedHashMap<>();
        if (configFile != null) {
            config.putAll(readFile(provider, configFile));
        }
        config.putAll(ProviderConfig.fromEnvironment(provider, env));
        if (baseUrl != null) {
            checkUrl("--base-url", baseUrl);
            config.put("base-url", baseUrl);
        }
        moveEndpoints(provider, config, baseUrl != null);
        String base = config.get("base-url");
        if (base != null && isLoopbackHttp(base)) {
            config.putIfAbsent("allow-insecure-http", "true");
        }
        return config;
    }

    /**
     * The keys of a properties file: {@code key=value} lines, or {@code <provider>.key=value} lines so that one
     * file serves several providers (lines of another provider are left out).
     */
    private static Map<String, String> readFile(String provider, Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.configuration("cannot read --config file " + file + ": " + e.getClass().getSimpleName());
        }
        Set<String> others = new TreeSet<>(BillingProviders.available());
        others.remove(provider);
        Map<String, String> keys = new LinkedHashMap<>();
        String prefix = provider + ".";
        for (String name : new TreeSet<>(p.stringPropertyNames())) {
            if (name.startsWith(prefix)) {
                keys.put(name.substring(prefix.length()), p.getProperty(name));
            } else if (others.stream().noneMatch(o -> name.startsWith(o + "."))) {
                keys.putIfAbsent(name, p.getProperty(name));
            }
        }
        return keys;
    }

    private static void moveEndpoints(String provider, Map<String, String> config, boolean baseUrlFlag) {
        String base = config.get("base-url");
        if (base == null) {
            return;
        }
        boolean loopback = isLoopback(base);
        if (!baseUrlFlag && !loopback) {
            return;
        }
        for (String key : endpointKeys(provider)) {
            String value = config.get(key);
            if (value != null) {
                if (isLoopback(value) != loopback) {
                    throw CliException.configuration("base-url points at " + origin(base) + " but " + key
                            + " points at " + origin(value) + "; both must point at the same place (a simulator"
                            + " or sandbox, or production): set " + key + " (" + env(provider, key)
                            + ") too, or leave it out to have it follow base-url");
                }
                continue;
            }
            String known = KNOWN_ENDPOINT_DEFAULTS.get(provider + "/" + key);
            if (known == null) {
                throw CliException.configuration("base-url moves only the API of " + provider + ", which also calls "
                        + key + " (its production default otherwise): set " + key + " (" + env(provider, key)
                        + ") for this sandbox or simulator too");
            }
            config.put(key, origin(base) + URI.create(known).getRawPath());
        }
    }

    /** The provider's endpoint keys besides {@code base-url}: keys ending in {@code -url}, merchant URLs left out. */
    static List<String> endpointKeys(String provider) {
        return BillingProviders.factory(provider).map(BillingProviderFactory::configKeys).orElse(Set.of()).stream()
                .filter(k -> k.endsWith("-url") && !MERCHANT_URL_KEYS.contains(k)).sorted().toList();
    }

    /**
     * Builds a client, naming every missing key at once when some are missing.
     *
     * @param provider the provider id
     * @param config the merged keys
     * @return the client; close it
     * @throws CliException a configuration error listing the missing keys
     * @throws ConfigurationException for a malformed key
     */
    static BillingProvider open(String provider, Map<String, String> config) {
        List<CliException.MissingKey> missing = missing(provider, config);
        if (!missing.isEmpty()) {
            throw CliException.missingConfiguration(provider, missing);
        }
        return BillingProviders.create(provider, config);
    }

    /**
     * The provider's callback parser, configured from the notification keys (secret, its parameter, the
     * allowed sources, zone, currency) without needing API credentials: parsing never calls the provider, so
     * every missing required key is filled with a placeholder that is never sent anywhere.
     *
     * @param provider the provider id
     * @param config the merged keys
     * @return the parser
     * @throws CliException unsupported when the provider has no callbacks
     */
    static NotificationParser parser(String provider, Map<String, String> config) {
        Map<String, String> probe = new LinkedHashMap<>(config);
        for (CliException.MissingKey m : missing(provider, config)) {
            probe.put(m.key(), placeholder(m.key()));
        }
        probe.putIfAbsent("allow-insecure-http", "true");
        try (BillingProvider client = BillingProviders.create(provider, probe)) {
            return client.notifications().orElseThrow(() -> CliException.unsupported(provider
                    + " sends no callbacks dcb4j parses"));
        }
    }

    /**
     * Every required key that is missing: the factory is asked again with a placeholder for each key it named
     * until it names no more (factories stop at the first missing key).
     *
     * @param provider the provider id
     * @param config the merged keys
     * @return the missing keys, in the order the factory asks for them
     */
    static List<CliException.MissingKey> missing(String provider, Map<String, String> config) {
        Map<String, String> probe = new LinkedHashMap<>(config);
        probe.putIfAbsent("allow-insecure-http", "true");
        List<CliException.MissingKey> missing = new ArrayList<>();
        for (int attempt = 0; attempt < 32; attempt++) {
            try (BillingProvider ignored = BillingProviders.create(provider, probe)) {
                return missing;
            } catch (ConfigurationException e) {
                Optional<String[]> required = required(e);
                if (required.isEmpty() || missing.stream().anyMatch(m -> m.key().equals(required.get()[0]))) {
                    if (missing.isEmpty()) {
                        throw e;
                    }
                    return missing;
                }
                String key = required.get()[0];
                missing.add(new CliException.MissingKey(key, env(provider, key), required.get()[1].strip()));
                probe.put(key, placeholder(key));
            }
        }
        return missing;
    }

    private static Optional<String[]> required(ConfigurationException e) {
        Matcher m = REQUIRED.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Optional.of(new String[] {m.group(1), m.group(2)}) : Optional.empty();
    }

    /** A value a factory accepts for a key whose real value is not needed: never sent anywhere. */
    private static String placeholder(String key) {
        if (key.endsWith("url")) {
            return "https://placeholder.invalid";
        }
        return key.endsWith("-id") ? "1" : "placeholder";
    }

    /** Refuses a URL that is not absolute http(s), before anything is sent. */
    static void checkUrl(String option, String url) {
        try {
            URI u = URI.create(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw CliException.usage(option + " must be an absolute http or https URL, got '"
                        + io.dcb4j.core.ProviderText.clean(url) + "'");
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage(option + " is not a URL: '" + io.dcb4j.core.ProviderText.clean(url) + "'");
        }
    }

    static boolean isLoopbackHttp(String url) {
        try {
            return "http".equalsIgnoreCase(URI.create(url).getScheme()) && isLoopback(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isLoopback(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null && (host.equalsIgnoreCase("localhost") || host.startsWith("127.")
                    || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
