package io.dcb4j.testkit;

import io.dcb4j.testkit.internal.AdminApi;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Simulators run as a standalone server (what {@code dcb simulate} runs): each provider's simulator on its own
 * port, and a small admin API that plays the subscriber and the provider from outside the JVM. It binds the
 * loopback address unless told otherwise; with a port {@code N}, the admin API takes {@code N} and the
 * simulators {@code N+1}, {@code N+2}... in the order given; port 0 takes free ports.
 *
 * <p>The admin API answers JSON (errors as {@code {"error": "..."}} with 400 for a bad or unknown id, 404 for
 * an unknown path or provider, 409 for a step out of order, 501 for what the provider does not do):
 * <ul>
 *   <li>{@code GET /}: every simulator: provider, base URL, the configuration keys that reach it, the sample
 *       MSISDN and offer, the magic MSISDNs;</li>
 *   <li>{@code GET /<provider>/pin?msisdn=...}: the PIN the simulator "sent by SMS";</li>
 *   <li>{@code POST /<provider>/approve} and {@code /deny} with {@code url} (a consent page), {@code keyword}
 *       and {@code shortcode} (an MO SMS) or {@code imageUrl} (a captcha): the subscriber's answer;</li>
 *   <li>{@code POST /<provider>/settle} and {@code /fail} with {@code charge}: the provider settles a charge,
 *       or fails it for lack of funds;</li>
 *   <li>{@code POST /<provider>/renew} with {@code subscription}, or {@code msisdn} and {@code offer}: the
 *       provider renews a subscription by itself;</li>
 *   <li>{@code GET /<provider>/callbacks}: the callbacks generated so far; {@code POST /<provider>/deliver}
 *       with {@code url} delivers the next ones by HTTP (an empty {@code url} stops);</li>
 *   <li>{@code POST /<provider>/reset}; {@code POST /stop} stops the server.</li>
 * </ul>
 * Parameters are read from the query string or a JSON object body.
 */
public final class SimulatorServer implements AutoCloseable {

    private final Map<String, Simulator> simulators;
    private final AdminApi admin;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private SimulatorServer(Map<String, Simulator> simulators, AdminApi admin) {
        this.simulators = Collections.unmodifiableMap(simulators);
        this.admin = admin;
        admin.serve(this.simulators, this::close);
    }

    /**
     * Starts a builder: loopback, free ports, every simulator.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The admin API's URL.
     *
     * @return for example {@code http://127.0.0.1:8700}
     */
    public String adminUrl() {
        return admin.url();
    }

    /**
     * The running simulators, by provider id, in the order they were asked for.
     *
     * @return the simulators
     */
    public Map<String, Simulator> simulators() {
        return simulators;
    }

    /**
     * Waits until the server is stopped: by {@code POST /stop} or {@link #close()}.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Waits until the server is stopped, at most {@code timeout}.
     *
     * @param timeout how long to wait
     * @return true when stopped
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the admin API and every simulator. */
    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        admin.close();
        simulators.values().forEach(Simulator::close);
        stopped.countDown();
    }

    /** Configures a {@link SimulatorServer}. */
    public static final class Builder {
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private final List<String> providers = new ArrayList<>();
        private String deliverTo;

        private Builder() {
        }

        /**
         * The address to bind; loopback by default. Anything else exposes the simulators and their admin API
         * (no authentication) to the network.
         *
         * @param address the address, for example {@code 0.0.0.0}
         * @return this builder
         */
        public Builder bind(InetAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * The admin API's port; the simulators take the following ones. 0 (the default) takes free ports.
         *
         * @param port the port
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /**
         * The providers to simulate, in order; all of {@link Simulators#ids()} when none is given.
         *
         * @param ids the provider ids
         * @return this builder
         */
        public Builder providers(Collection<String> ids) {
            ids.forEach(id -> {
                if (!providers.contains(id)) {
                    providers.add(id);
                }
            });
            return this;
        }

        /**
         * Delivers every simulator's callbacks by HTTP to a URL (see {@link Simulator#deliverNotificationsTo}).
         *
         * @param url the URL, or null not to deliver
         * @return this builder
         */
        public Builder deliverNotificationsTo(String url) {
            this.deliverTo = url;
            return this;
        }

        /**
         * Starts the simulators and the admin API.
         *
         * @return the running server; close it
         * @throws IllegalArgumentException for a provider without a simulator
         * @throws java.io.UncheckedIOException when a port is taken
         */
        public SimulatorServer start() {
            List<String> ids = providers.isEmpty() ? new ArrayList<>(Simulators.ids()) : providers;
            for (String id : ids) {
                if (!Simulators.ids().contains(id)) {
                    throw new IllegalArgumentException("no simulator for provider '" + id + "'; known: "
                            + Simulators.ids());
                }
            }
            if (port > 0 && port + ids.size() > 65535) {
                throw new IllegalArgumentException("port " + port + " leaves no room for " + ids.size() + " simulators");
            }
            AdminApi admin = AdminApi.start(new InetSocketAddress(address, port));
            Map<String, Simulator> started = new LinkedHashMap<>();
            try {
                int next = port;
                for (String id : ids) {
                    next = port == 0 ? 0 : next + 1;
                    Simulator sim = Simulators.start(id, new InetSocketAddress(address, next));
                    started.put(id, sim);
                    if (deliverTo != null) {
                        sim.deliverNotificationsTo(deliverTo);
                    }
                }
                return new SimulatorServer(started, admin);
            } catch (RuntimeException e) {
                started.values().forEach(Simulator::close);
                admin.close();
                throw e;
            }
        }
    }
}
