package io.dcb4j.examples.cli;

import io.dcb4j.core.ProviderText;
import io.dcb4j.core.error.DcbException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code dcb} command-line app: a demo of every provider against the embedded simulators, and commands
 * that call a real provider (or a sandbox or simulator with {@code --base-url}). Credentials come from
 * environment variables or a properties file, never from command-line flags.
 */
@Command(name = "dcb", mixinStandardHelpOptions = true, versionProvider = DcbCli.Version.class,
        description = {"Direct carrier billing from the command line, with dcb4j.", "",
                "Credentials: environment variables DCB_<PROVIDER>_<KEY> (for example DCB_EKLECTIC_CLIENT_SECRET)",
                "or a properties file given with --config; never command-line flags."},
        subcommands = {DemoCommand.class, SubscribeCommand.class, ConfirmCommand.class, StatusCommand.class,
                CancelCommand.class, RenewCommand.class, ChargeCommand.class, CatalogCommand.class,
                NotifyParseCommand.class, ReceiveCommand.class, RefundCommand.class, CommandLine.HelpCommand.class})
public final class DcbCli implements Runnable {

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print stack traces and dcb4j's redacted HTTP log lines.")
    boolean verbose;

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
            PrintWriter e = commandLine.getErr();
            e.println("dcb: " + describe(ex));
            if (app.verbose) {
                printTrace(ex, e);
            }
            e.flush();
            return ex instanceof DcbException || ex instanceof IllegalArgumentException ? 2 : 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("dcb: " + ex.getMessage());
            e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            e.flush();
            return 2;
        });
        return cl;
    }

    /**
     * One line: a {@link DcbException}'s message is already cleaned by dcb4j (secrets, phone numbers, control
     * characters); any other message may quote provider text too, so it is cleaned here.
     */
    private static String describe(Throwable ex) {
        String msg = message(ex);
        String type = ex.getClass().getSimpleName();
        return msg == null ? type : (ex instanceof DcbException ? type + ": " + msg : msg);
    }

    private static String message(Throwable ex) {
        return ex instanceof DcbException || ex.getMessage() == null ? ex.getMessage()
                : ProviderText.clean(ex.getMessage());
    }

    /** The stack trace, causes included, with every message cleaned like the one-line description. */
    private static void printTrace(Throwable ex, PrintWriter out) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        String prefix = "";
        for (Throwable t = ex; t != null && seen.add(t); t = t.getCause()) {
            String msg = message(t);
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
