package io.dcb4j.examples.cli;

import io.dcb4j.core.NotificationParser;
import io.dcb4j.examples.receiver.NotificationReceiver;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "receive", mixinStandardHelpOptions = true,
        description = "Listen for a provider's callbacks and print each as a neutral event (Ctrl-C to stop).")
final class ReceiveCommand extends CliCommand {

    @picocli.CommandLine.Mixin
    ProviderOptions providerOptions;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--count", defaultValue = "0", description = "Stop after this many callbacks (0: never).")
    int count;

    @Option(names = "--max-wait", defaultValue = "0", description = "Stop after this many seconds (0: never).")
    int maxWaitSeconds;

    @Override
    public Integer call() {
        NotificationParser parser = providerOptions.parser(env());
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch done = new CountDownLatch(count > 0 ? count : 1);
        try (NotificationReceiver receiver = NotificationReceiver.start(port, parser, event -> {
            synchronized (out) {
                out.println(Print.event(event));
                out.flush();
            }
            done.countDown();
        })) {
            out.println("listening on port " + receiver.port() + " for " + providerOptions.provider() + " callbacks");
            out.flush();
            if (maxWaitSeconds > 0) {
                done.await(maxWaitSeconds, TimeUnit.SECONDS);
            } else if (count > 0) {
                done.await();
            } else {
                new CountDownLatch(1).await();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot listen on port " + port + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
