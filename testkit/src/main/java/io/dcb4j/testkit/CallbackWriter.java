package io.dcb4j.testkit;

import java.util.Set;

/**
 * Writes a provider's callbacks exactly as the provider sends them (its method, parameter names and body, its
 * shared secret in the callback URL or its HMAC signature), so that a merchant's endpoint can be tested with
 * {@code dcb trigger} or {@link Callback#deliver}. Found with {@link Simulators#callbacks(String)}.
 */
public interface CallbackWriter {

    /**
     * The provider id.
     *
     * @return for example {@code eklectic}
     */
    String providerId();

    /**
     * The events this provider sends callbacks for.
     *
     * @return the events
     */
    Set<CallbackEvent> events();

    /**
     * Writes one callback.
     *
     * @param event the event
     * @param spec what it says and how it is authenticated
     * @return the callback
     * @throws UnsupportedOperationException when the provider sends no callback for the event
     */
    Callback write(CallbackEvent event, CallbackSpec spec);
}
