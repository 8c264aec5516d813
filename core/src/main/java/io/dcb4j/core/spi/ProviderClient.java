package io.dcb4j.core.spi;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Cancellations;
import io.dcb4j.core.Capability;
import io.dcb4j.core.ChargeCancellations;
import io.dcb4j.core.ChargeConfirmations;
import io.dcb4j.core.Charges;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Refunds;
import io.dcb4j.core.Renewals;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.spi.http.HttpTransport;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The base of every provider client: it owns the client's {@link HttpTransport} and derives the provider id,
 * {@link #capabilities()} and the optional neutral accessors from the {@link NeutralApi} the subclass hands
 * it, so that the neutral side is written once. A subclass adds its provider's typed API. For provider
 * modules; may change in minor versions.
 */
public abstract class ProviderClient implements BillingProvider {

    private final String id;
    private final HttpTransport transport;

    /**
     * Takes the provider id and the transport this client closes.
     *
     * @param id the provider id
     * @param transport the client's transport
     */
    protected ProviderClient(String id, HttpTransport transport) {
        this.id = Objects.requireNonNull(id, "id");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * The neutral parts of this client; called on every neutral accessor, so return a final field.
     *
     * @return the parts
     */
    protected abstract NeutralApi neutralApi();

    /**
     * The transport every call of this client goes through.
     *
     * @return the transport
     */
    protected final HttpTransport transport() {
        return transport;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Set<Capability> capabilities() {
        return neutralApi().capabilities();
    }

    @Override
    public final Optional<PinSubscriptions> pinSubscriptions() {
        return neutralApi().pinSubscriptions();
    }

    @Override
    public final Optional<Charges> charges() {
        return neutralApi().charges();
    }

    @Override
    public final Optional<ChargeConfirmations> chargeConfirmations() {
        return neutralApi().chargeConfirmations();
    }

    @Override
    public final Optional<ChargeCancellations> chargeCancellations() {
        return neutralApi().chargeCancellations();
    }

    @Override
    public final Optional<Refunds> refunds() {
        return neutralApi().refunds();
    }

    @Override
    public final Optional<Subscriptions> subscriptions() {
        return neutralApi().subscriptions();
    }

    @Override
    public final Optional<Cancellations> cancellations() {
        return neutralApi().cancellations();
    }

    @Override
    public final Optional<Renewals> renewals() {
        return neutralApi().renewals();
    }

    @Override
    public final Optional<NotificationParser> notifications() {
        return neutralApi().notifications();
    }

    /** Releases the transport's connection pool and threads (unless the OkHttp client was the caller's). */
    @Override
    public void close() {
        transport.close();
    }
}
