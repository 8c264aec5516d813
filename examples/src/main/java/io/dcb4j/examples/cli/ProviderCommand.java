package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** A command that opens a provider client from the shared options and runs against it. */
abstract class ProviderCommand implements Callable<Integer> {

    @ParentCommand
    DcbCli app;

    @Mixin
    ProviderOptions providerOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        validate();
        try (BillingProvider client = providerOptions.open(app.env())) {
            return run(client, spec.commandLine().getOut());
        }
    }

    abstract int run(BillingProvider client, PrintWriter out);

    /** Checks the command's own options before a client is opened; throws IllegalArgumentException. */
    void validate() {
    }

    static <T> T require(java.util.Optional<T> api, BillingProvider client, String what) {
        return api.orElseThrow(() -> new IllegalArgumentException(client.id() + " does not support " + what
                + "; it supports " + client.capabilities()));
    }
}
