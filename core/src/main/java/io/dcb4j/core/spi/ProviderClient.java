package io.dcb4j.core.spi;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Cancellations;
import io.dcb4j.core.Capability;
import io.dcb4j.core.Charges;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Renewals;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.internal.ObservedNeutralApi;
import io.dcb4j.core.internal.Observers;
import io.dcb4j.core.observe.DcbObserver;
import io.dcb4j.core.spi.http.HttpTransport;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The base of every provider client: it owns the client's {@link HttpTransport} and derives the provider id,
 * {@link #capabilities()} and the optional neutral accessors from the {@link NeutralApi} the subclass hands
 * it, so that the neutral side is written once. A subclass adds its provider's typed API. For provider
 * modules; may change in minor versions.
 *
 * <p>When the client's options have a {@link DcbObserver}, every call of a neutral part is observed as one
 * operation of the neutral name, and every callback parsed through {@link #notifications()} is observed (see
 * {@link DcbObserver}); the provider writes nothing for it.
 */
public abstract class ProviderClient implements BillingProvider {

    private final String id;
    private final HttpTransport transport;
    /** The neutral parts wrapped for the observer, made on first use; unused with the no-op observer. */
    private volatile NeutralApi observed;

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
        return parts().pinSubscriptions();
    }

    @Override
    public final Optional<Charges> charges() {
        return parts().charges();
    }

    @Override
    public final Optional<Subscriptions> subscriptions() {
        return parts().subscriptions();
    }

    @Override
    public final Optional<Cancellations> cancellations() {
        return parts().cancellations();
    }

    @Override
    public final Optional<Renewals> renewals() {
        return parts().renewals();
    }

    @Override
    public final Optional<NotificationParser> notifications() {
        return parts().notifications();
    }

    /** The neutral parts as handed out: observed when the options have an observer. */
    private NeutralApi parts() {
        DcbObserver observer = transport.options().observer();
        if (!Observers.active(observer)) {
            return neutralApi();
        }
        NeutralApi parts = observed;
        if (parts == null) {
            // made once; two threads racing here build equal wrappers, either is fine
            parts = ObservedNeutralApi.wrap(id, observer, neutralApi());
            observed = parts;
        }
        return parts;
    }

    /** Releases the transport's connection pool and threads (unless the OkHttp client was the caller's). */
    @Override
    public void close() {
        transport.close();
    }
}
