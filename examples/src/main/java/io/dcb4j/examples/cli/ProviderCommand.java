package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Capability;
import java.util.EnumSet;
import java.util.Optional;
import picocli.CommandLine.Mixin;

/** A command that opens a provider client from the shared options and runs against it. */
abstract class ProviderCommand extends CliCommand {

    @Mixin
    ProviderOptions providerOptions;

    @Override
    public final Integer call() {
        validate();
        try (BillingProvider client = providerOptions.open(env())) {
            return run(client, output());
        }
    }

    /**
     * Runs the command.
     *
     * @param client the client
     * @param out where results go
     * @return the exit code
     */
    abstract int run(BillingProvider client, Output out);

    /** Checks the command's own options before a client is opened; throws a usage {@link CliException}. */
    void validate() {
    }

    /**
     * A part of the neutral API, or an "unsupported" failure naming what the provider offers.
     *
     * @param api the part
     * @param client the client
     * @param what the operation, for the message
     * @return the part
     */
    static <T> T require(Optional<T> api, BillingProvider client, String what) {
        return api.orElseThrow(() -> CliException.unsupported(client.id() + " does not support " + what
                + "; it supports " + capabilities(client)));
    }

    /** The capabilities in their declared order, the same on every run. */
    static EnumSet<Capability> capabilities(BillingProvider client) {
        return client.capabilities().isEmpty() ? EnumSet.noneOf(Capability.class)
                : EnumSet.copyOf(client.capabilities());
    }
}
