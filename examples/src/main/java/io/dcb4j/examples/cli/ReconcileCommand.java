package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.ProviderText;
import io.dcb4j.core.journal.ChargeJournal;
import io.dcb4j.core.journal.JournalEntry;
import io.dcb4j.core.journal.Reconciler;
import io.dcb4j.core.journal.Resolution;
import io.dcb4j.store.jdbc.JdbcChargeJournal;
import io.dcb4j.store.jdbc.JdbcStores;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"List the open intents of a provider in the charge journal (a dry run, the default), or",
                "resolve them through the provider's status operation with --resolve (nothing is ever sent again;",
                "exit code 6 when an intent needs a manual review: its outcome is still unknown).",
                "Database credentials: DCB_JDBC_USER and DCB_JDBC_PASSWORD, never command-line flags."})
final class ReconcileCommand implements Callable<Integer> {

    @ParentCommand
    DcbCli app;

    @Mixin
    ProviderOptions providerOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
            description = "The journal's database, for example jdbc:postgresql://db:5432/shop (no password in it).")
    String jdbcUrl;

    @Option(names = "--resolve", description = "Query the status of each open intent and record what it says.")
    boolean resolve;

    @Option(names = "--limit", defaultValue = "100",
            description = "At most this many intents (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--stale-after", defaultValue = "5m", paramLabel = "DURATION",
            description = "A pending intent older than this is abandoned (default ${DEFAULT-VALUE}).")
    String staleAfter;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        Duration stale = ProviderConfig.of("cli", Map.of("stale-after", staleAfter)).duration("stale-after")
                .orElseThrow();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> env = app.env();
        ChargeJournal journal = JdbcChargeJournal.create(JdbcStores.unpooledDataSource(jdbcUrl,
                env.get("DCB_JDBC_USER"), env.get("DCB_JDBC_PASSWORD")));
        String provider = providerOptions.provider();
        if (!resolve) {
            List<JournalEntry> open = journal.open(limit).stream().filter(e -> e.provider().equals(provider))
                    .toList();
            open.forEach(e -> out.println(line(e)));
            out.println(open.size() + " open intent(s) of " + provider + "; dry run: nothing was queried or changed"
                    + " (add --resolve to query their status)");
            return 0;
        }
        try (BillingProvider client = providerOptions.open(env)) {
            Reconciler reconciler = Reconciler.builder(journal).provider(client).staleAfter(stale).batchSize(limit)
                    .listener(r -> out.println(resolution(r))).build();
            List<Resolution> resolved = reconciler.runOnce();
            out.println(resolved.size() + " intent(s) of " + provider + " reconciled");
            return resolved.stream().anyMatch(r -> r.kind() == Resolution.Kind.NEEDS_REVIEW) ? ExitCodes.UNKNOWN_OUTCOME : ExitCodes.OK;
        }
    }

    private static String line(JournalEntry e) {
        return e.state() + " " + e.operation() + " key " + ProviderText.printable(e.idempotencyKey()) + ", since "
                + e.createdAt() + ", attempts " + e.attempts() + (e.note() == null ? "" : ", " + e.note());
    }

    static String resolution(Resolution r) {
        String what = r.chargeStatus().map(Print::charge)
                .or(() -> r.subscriptionStatus().map(Print::info)).or(() -> r.refundStatus().map(Print::refund))
                .orElse(r.reason() == null ? "" : r.reason());
        return r.kind() + " " + r.entry().operation() + " key " + ProviderText.printable(r.entry().idempotencyKey())
                + (what.isEmpty() ? "" : ": " + what);
    }
}
