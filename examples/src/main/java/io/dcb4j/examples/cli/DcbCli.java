package io.dcb4j.examples.cli;

import io.dcb4j.core.ProviderText;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code dcb} command-line app: a demo of every provider against the embedded simulators, commands that
 * call a real provider (or a sandbox or simulator with {@code --base-url} or a {@code --config} file), the
 * simulators as a standalone server, and callbacks sent to and received from a merchant's endpoint.
 * Credentials come from environment variables or a properties file, never from command-line flags.
 */
@Command(name = "dcb", mixinStandardHelpOptions = true, versionProvider = DcbCli.Version.class,
        description = {"Direct carrier billing from the command line, with dcb4j.", "",
                "Credentials come from environment variables DCB_<PROVIDER>_<KEY> (for example",
                "DCB_EKLECTIC_CLIENT_SECRET) or a properties file given with --config; never",
                "from command-line flags. Start with 'dcb demo', or 'dcb simulate eklectic'",
                "and the --config file it prints; docs/cli.md walks through a session."},
        subcommands = {DemoCommand.class, SubscribeCommand.class, ConfirmCommand.class, StatusCommand.class,
                CancelCommand.class, RenewCommand.class, ChargeCommand.class, RefundCommand.class,
                CatalogCommand.class, NotifyParseCommand.class, ListenCommand.class, TriggerCommand.class,
                SimulateCommand.class, SimCommand.class, ReconcileCommand.class, CommandLine.HelpCommand.class})
public final class DcbCli implements Runnable {

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print stack traces and dcb4j's redacted HTTP log lines.")
    boolean verbose;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "One JSON document per result or event on standard output (one per line); errors as"
                    + " JSON on standard error.")
    boolean json;

    private final Map<String, String> env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Creates the app reading credentials from the given environment.
     *
     * @param env environment variables
     */
    public DcbCli(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * The environment the app reads credentials from.
     *
     * @return the variables
     */
    public Map<String, String> env() {
        return env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the app.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        for (String a : args) {
            if (a.equals("-v") || a.equals("--verbose")) {
                System.setProperty("org.slf4j.simpleLogger.log.io.dcb4j", "debug");
            }
        }
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv())
                .execute(args));
    }

    /**
     * The configured picocli command line, for embedding and tests.
     *
     * @param out standard output
     * @param err standard error
     * @param env environment variables
     * @return the command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
        DcbCli app = new DcbCli(env);
        CommandLine cl = new CommandLine(app);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = Failures.exitCode(ex);
            PrintWriter e = commandLine.getErr();
            if (app.json) {
                e.println(Output.write(Failures.json(ex, code)));
            } else {
                e.println("dcb: " + Failures.describe(ex));
            }
            if (app.verbose) {
                printTrace(ex, e);
            }
            e.flush();
            return code;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            if (java.util.Arrays.asList(args).contains("--json")) {
                e.println(Output.write(Map.of("error", Output.object("category", ExitCodes.category(ExitCodes.USAGE),
                        "exitCode", ExitCodes.USAGE, "message", ProviderText.clean(ex.getMessage()),
                        "command", command))));
            } else {
                e.println("dcb: " + ProviderText.clean(ex.getMessage()));
                e.println("Try '" + command + " --help'.");
            }
            e.flush();
            return ExitCodes.USAGE;
        });
        describeExitCodes(cl);
        return cl;
    }

    /** Every command's {@code --help} lists the exit codes and says where JSON goes. */
    private static void describeExitCodes(CommandLine cl) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.HELP)
                .footerHeading("%n").footer("With --json: one JSON document per line on standard output, errors as"
                        + " JSON on standard error. See docs/cli.md.");
        cl.getSubcommands().values().forEach(DcbCli::describeExitCodes);
    }

    /** The stack trace, causes included, with every message cleaned like the one-line description. */
    private static void printTrace(Throwable ex, PrintWriter out) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        String prefix = "";
        for (Throwable t = ex; t != null && seen.add(t); t = t.getCause()) {
            String msg = Failures.message(t);
            out.println(prefix + t.getClass().getName() + (msg == null ? "" : ": " + msg));
            for (StackTraceElement frame : t.getStackTrace()) {
                out.println("\tat " + frame);
            }
            prefix = "Caused by: ";
        }
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DcbCli.class.getPackage().getImplementationVersion();
            return new String[] {"dcb (dcb4j) " + (v == null ? "dev" : v)};
        }
    }
}
