package io.dcb4j.examples.cli;

import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.SimulatorServer;
import io.dcb4j.testkit.Simulators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run provider simulators as a server until stopped.",
                "Prints each simulator's base URL, the sample subscriber and offer, the magic",
                "MSISDNs and a ready --config file with the credentials they accept. The",
                "admin API listens on --port and the simulators on the following ports;",
                "'dcb sim' uses it to play the subscriber and the provider. Stop with Ctrl-C",
                "or 'dcb sim stop'. Listens on loopback only unless --bind says otherwise."})
final class SimulateCommand extends CliCommand {

    /** The admin API's port when none is given; {@code dcb sim} looks there by default. */
    static final int DEFAULT_PORT = 8700;

    /** What each magic MSISDN does, for the printed table. */
    private static final Map<MagicMsisdn, String> MAGIC = new LinkedHashMap<>();

    static {
        MAGIC.put(MagicMsisdn.WRONG_PIN, "every PIN is wrong");
        MAGIC.put(MagicMsisdn.INSUFFICIENT_FUNDS, "charges fail for lack of credit");
        MAGIC.put(MagicMsisdn.BARRED, "the operator bars the subscriber");
        MAGIC.put(MagicMsisdn.UNKNOWN_SUBSCRIBER, "the operator does not know the number");
        MAGIC.put(MagicMsisdn.SPEND_LIMIT, "a spend limit is reached");
        MAGIC.put(MagicMsisdn.ALREADY_SUBSCRIBED, "subscribing answers 'already subscribed'");
        MAGIC.put(MagicMsisdn.PROVIDER_OUTAGE, "every call answers HTTP 503");
        MAGIC.put(MagicMsisdn.SLOW_ANSWER, "every call answers after " + MagicMsisdn.SLOW_ANSWER_DELAY_MILLIS + " ms");
        MAGIC.put(MagicMsisdn.CONSENT_DENIED, "the subscriber denies consent");
    }

    @Parameters(paramLabel = "PROVIDER", arity = "0..*", description = "Providers to simulate; all by default.")
    List<String> providers = new ArrayList<>();

    @Option(names = "--port", paramLabel = "N", description = "The admin API's port; the simulators take the next"
            + " ones in order. 0 takes free ports. Default: ${DEFAULT-VALUE}.", defaultValue = "" + DEFAULT_PORT)
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}). Anything else exposes the simulators"
                    + " and their admin API, which has no authentication.")
    String bind;

    @Option(names = "--write-config", paramLabel = "FILE",
            description = "Also write the --config file for these simulators to FILE.")
    Path writeConfig;

    @Option(names = "--deliver-to", paramLabel = "URL",
            description = "Deliver every callback the simulators send to this URL (for example 'dcb listen' or"
                    + " your own endpoint).")
    String deliverTo;

    @Override
    public Integer call() throws InterruptedException {
        Output out = output();
        for (String id : providers) {
            if (!Simulators.ids().contains(id)) {
                throw CliException.usage("no simulator for provider '" + io.dcb4j.core.ProviderText.clean(id)
                        + "'; known: " + Simulators.ids());
            }
        }
        if (port < 0 || port > 65535) {
            throw CliException.usage("--port must be between 0 and 65535");
        }
        if (deliverTo != null) {
            Configs.checkUrl("--deliver-to", deliverTo);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw CliException.usage("--bind: unknown address '" + io.dcb4j.core.ProviderText.clean(bind) + "'");
        }
        SimulatorServer server;
        try {
            server = SimulatorServer.builder().bind(address).port(port).providers(providers)
                    .deliverNotificationsTo(deliverTo).start();
        } catch (UncheckedIOException e) {
            throw CliException.usage(e.getMessage() + "; choose another --port (0 takes free ports)");
        }
        Thread hook = new Thread(server::close, "dcb-simulate-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            String config = configFile(server);
            if (writeConfig != null) {
                try {
                    Files.writeString(writeConfig, config, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw CliException.usage("cannot write --write-config " + writeConfig + ": "
                            + e.getClass().getSimpleName());
                }
            }
            print(out, server, config, address);
            server.awaitStop();
            out.result("simulators stopped", Output.object("type", "stopped"));
            return ExitCodes.OK;
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs anyway
            }
        }
    }

    private void print(Output out, SimulatorServer server, String config, InetAddress address) {
        out.line("dcb simulate: " + DemoCommand.count(server.simulators().size(), "simulator") + " on "
                + address.getHostAddress() + (address.isLoopbackAddress() ? " (loopback only)"
                : " (reachable from the network: the admin API has no authentication)"));
        out.line("");
        for (Simulator sim : server.simulators().values()) {
            out.line(String.format("%-12s %s", sim.providerId(), sim.baseUrl()));
            out.line("  subscriber " + sim.sampleMsisdn().digits() + ", offer " + sim.sampleOffer().value());
            out.document(describe(sim));
        }
        out.line("");
        out.line("Magic MSISDNs: replace a subscriber's last four digits with");
        MAGIC.forEach((m, what) -> out.line(String.format("  %s  %-19s %s", m.suffix(), m.name(), what)));
        out.line("");
        out.line("--config file for these simulators" + (writeConfig == null ? "" : " (written to " + writeConfig
                + ")") + ":");
        config.lines().forEach(out::line);
        out.line("");
        out.line("Admin API: " + server.adminUrl() + "  ('dcb sim' looks there"
                + (server.adminUrl().endsWith(":" + DEFAULT_PORT) ? "" : " with --admin " + server.adminUrl()
                + " or DCB_SIM_ADMIN=" + server.adminUrl()) + ")");
        if (deliverTo != null) {
            out.line("Callbacks are delivered to " + deliverTo);
        }
        out.result("Ready. Stop with Ctrl-C or 'dcb sim stop'.", Output.object("type", "ready",
                "admin", server.adminUrl(), "config", config, "deliverTo", deliverTo));
    }

    /** The configuration of every simulator, prefixed by its provider, as one properties file. */
    static String configFile(SimulatorServer server) {
        StringBuilder sb = new StringBuilder("# dcb --config file for 'dcb simulate' (simulator credentials only)\n");
        for (Simulator sim : server.simulators().values()) {
            sim.clientConfig().forEach((k, v) -> sb.append(sim.providerId()).append('.').append(k).append('=')
                    .append(v).append('\n'));
        }
        return sb.toString();
    }

    /** The simulator as the admin API's {@code GET /} describes it, with a type. */
    static Map<String, Object> describe(Simulator sim) {
        Map<String, String> magic = new LinkedHashMap<>();
        for (MagicMsisdn m : MagicMsisdn.values()) {
            magic.put(m.name(), m.applyTo(sim.sampleMsisdn().digits()).digits());
        }
        return Output.object("type", "simulator", "provider", sim.providerId(), "baseUrl", sim.baseUrl(),
                "config", sim.clientConfig(), "sampleMsisdn", sim.sampleMsisdn().digits(),
                "sampleOffer", sim.sampleOffer().value(), "magicMsisdns", magic);
    }
}
