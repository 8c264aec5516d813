package io.dcb4j.examples.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** A {@code dcb} command: its output, the environment it reads and the global options. */
abstract class CliCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Output output;

    /** The app, whatever the depth of the command. */
    DcbCli app() {
        return (DcbCli) spec.root().userObject();
    }

    /** The environment variables. */
    Map<String, String> env() {
        return app().env();
    }

    /** Where results go: lines, or JSON documents with {@code --json}. */
    Output output() {
        if (output == null) {
            output = new Output(spec.commandLine().getOut(), app().json);
        }
        return output;
    }

    /**
     * A command line to run next, as a shell-ready text.
     *
     * @param argv the arguments after {@code dcb}
     * @return for example {@code dcb confirm --provider eklectic --base-url http://127.0.0.1:8701/API}
     */
    static String commandLine(List<String> argv) {
        StringBuilder sb = new StringBuilder("dcb");
        for (String a : argv) {
            sb.append(' ').append(quote(a));
        }
        return sb.toString();
    }

    private static String quote(String arg) {
        if (arg.equals("<msisdn>")) {
            return arg; // a placeholder the user replaces: the full number is never printed
        }
        if (!arg.isEmpty() && arg.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c)
                || "_-./:=@%+,".indexOf(c) >= 0)) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
