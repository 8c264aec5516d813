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
import io.dcb4j.core.internal.journal.JournaledApi;
import io.dcb4j.core.journal.ChargeJournal;
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
 * it, so that the neutral side is written once. A subclass adds its provider's typed API. When the client's
 * {@link io.dcb4j.core.ClientOptions#chargeJournal() options carry a charge journal}, the neutral charges, PIN
 * confirmations, renewals and refunds are recorded in it (see {@link io.dcb4j.core.journal.Journaling}); the
 * typed API is not journaled. For provider modules; may change in minor versions.
 *
 * <p>When the client's options have a {@link DcbObserver}, every call of a neutral part is observed as one
 * operation of the neutral name, and every callback parsed through {@link #notifications()} is observed (see
 * {@link DcbObserver}); the provider writes nothing for it. The observer sees the journal's outcome: it wraps
 * the journaled parts.
 */
public abstract class ProviderClient implements BillingProvider {

    private final String id;
    private final HttpTransport transport;
    /** The parts with the journal and the observer applied, made on first use (the subclass's parts exist only by then). */
    private volatile NeutralApi wrapped;

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

    /** The neutral parts the accessors hand out: the subclass's, with the options' journal applied. */
    private NeutralApi parts() {
        Optional<ChargeJournal> journal = transport.options().chargeJournal();
        DcbObserver observer = transport.options().observer();
        if (journal.isEmpty() && !Observers.active(observer)) {
            return neutralApi();
        }
        NeutralApi parts = wrapped;
        if (parts == null) {
            synchronized (this) {
                parts = wrapped;
                if (parts == null) {
                    parts = neutralApi();
                    if (journal.isPresent()) {
                        parts = JournaledApi.wrap(id, parts, journal.get(), transport.options().clock());
                    }
                    if (Observers.active(observer)) {
                        parts = ObservedNeutralApi.wrap(id, observer, parts);
                    }
                    wrapped = parts;
                }
            }
        }
        return parts;
    }

    /**
     * The journal this client records its neutral money-moving writes in.
     *
     * @return the options' journal; empty when none
     */
    public final Optional<ChargeJournal> chargeJournal() {
        return transport.options().chargeJournal();
    }

    /**
     * What this client's provider knows of a write before sending it, for a journal applied from outside.
     *
     * @return the references
     */
    public final JournalReferences journalReferences() {
        return neutralApi().journalReferences();
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
    public final Optional<ChargeConfirmations> chargeConfirmations() {
        return parts().chargeConfirmations();
    }

    @Override
    public final Optional<ChargeCancellations> chargeCancellations() {
        return parts().chargeCancellations();
    }

    @Override
    public final Optional<Refunds> refunds() {
        return parts().refunds();
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

    /** Releases the transport's connection pool and threads (unless the OkHttp client was the caller's). */
    @Override
    public void close() {
        transport.close();
    }
}
