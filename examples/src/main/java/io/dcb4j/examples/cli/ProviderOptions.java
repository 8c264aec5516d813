package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.ProviderConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that call a provider: which provider, where its credentials are, and an
 * optional base URL override. Credentials are read from environment variables
 * {@code DCB_<PROVIDER>_<KEY>} (provider and key upper case, dashes as underscores) and from a properties
 * file whose keys are the provider's configuration keys, optionally prefixed {@code <provider>.}.
 */
final class ProviderOptions {

    @Option(names = {"-p", "--provider"}, required = true,
            description = "Provider id: eklectic, infomedia, eclipse-vas, centili, b2m-aoc.")
    String provider;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with the provider's configuration keys (client-id, client-secret, ...).")
    Path configFile;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Point at a sandbox or simulator instead of the provider's production URL.")
    String baseUrl;

    /**
     * The provider id.
     *
     * @return the id
     */
    public String provider() {
        return provider;
    }

    /**
     * The merged configuration: file, then environment, then {@code --base-url}.
     *
     * @param env the environment variables
     * @return the configuration keys
     */
    public Map<String, String> config(Map<String, String> env) {
        Map<String, String> config = new LinkedHashMap<>();
        if (configFile != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(configFile)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --config file " + configFile + ": "
                        + e.getClass().getSimpleName());
            }
            String prefix = provider + ".";
            for (String name : p.stringPropertyNames()) {
                String key = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
                config.put(key, p.getProperty(name));
            }
        }
        config.putAll(ProviderConfig.fromEnvironment(provider, env));
        if (baseUrl != null) {
            config.put("base-url", baseUrl);
            if (isLoopbackHttp(baseUrl)) {
                config.putIfAbsent("allow-insecure-http", "true");
            }
        }
        return config;
    }

    /**
     * Builds the client.
     *
     * @param env the environment variables
     * @return the client; close it
     */
    public BillingProvider open(Map<String, String> env) {
        return BillingProviders.create(provider, config(env));
    }

    static boolean isLoopbackHttp(String url) {
        try {
            URI u = URI.create(url);
            String host = u.getHost();
            return "http".equalsIgnoreCase(u.getScheme()) && host != null
                    && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
