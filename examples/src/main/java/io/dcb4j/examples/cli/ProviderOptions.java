package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.NotificationParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that call a provider: which provider, where its configuration is, and an
 * optional base URL override. Keys are read from environment variables {@code DCB_<PROVIDER>_<KEY>} (provider
 * and key upper case, dashes as underscores) and from a properties file whose keys are the provider's
 * configuration keys, optionally prefixed {@code <provider>.} (see {@link Configs}).
 */
final class ProviderOptions {

    @Option(names = {"-p", "--provider"}, required = true, paramLabel = "ID",
            description = "Provider id: eklectic, infomedia, eclipse-vas, centili, b2m-aoc.")
    String provider;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with the provider's configuration keys (client-id, client-secret, ...),"
                    + " optionally prefixed '<provider>.'; 'dcb simulate' prints one.")
    Path configFile;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Point at a sandbox or simulator instead of production; every endpoint of the provider"
                    + " moves with it (Centili's token-url too), or the command refuses to run.")
    String baseUrl;

    /**
     * The provider id, checked.
     *
     * @return the id
     */
    String provider() {
        return Configs.provider(provider);
    }

    /**
     * The merged configuration.
     *
     * @param env the environment variables
     * @return the keys
     */
    Map<String, String> config(Map<String, String> env) {
        return Configs.merge(provider(), configFile, baseUrl, env);
    }

    /**
     * Builds the client, naming every missing key at once.
     *
     * @param env the environment variables
     * @return the client; close it
     */
    BillingProvider open(Map<String, String> env) {
        return Configs.open(provider(), config(env));
    }

    /**
     * The callback parser, without API credentials.
     *
     * @param env the environment variables
     * @return the parser
     */
    NotificationParser parser(Map<String, String> env) {
        return Configs.parser(provider(), config(env));
    }

    /**
     * Whether the provider is reached on this machine (a simulator, usually).
     *
     * @param env the environment variables
     * @return true when the base URL is a loopback address
     */
    boolean simulated(Map<String, String> env) {
        String base = config(env).get("base-url");
        return base != null && Configs.isLoopback(base);
    }

    /**
     * The options to repeat in a printed follow-up command: the provider, the {@code --config} file and the
     * {@code --base-url}, never a secret (those stay in the environment or the file).
     *
     * @return the arguments
     */
    List<String> repeat() {
        List<String> args = new ArrayList<>(List.of("--provider", provider));
        if (configFile != null) {
            args.add("--config");
            args.add(configFile.toString());
        }
        if (baseUrl != null) {
            args.add("--base-url");
            args.add(baseUrl);
        }
        return args;
    }
}
