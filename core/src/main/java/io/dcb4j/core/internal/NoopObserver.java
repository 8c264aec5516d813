package io.dcb4j.core.internal;

import io.dcb4j.core.observe.DcbObserver;

/** The observer that does nothing: with it the transport, the token cache and the neutral API skip observing. */
public final class NoopObserver implements DcbObserver {

    /** The one instance. */
    public static final DcbObserver INSTANCE = new NoopObserver();

    private NoopObserver() {
    }

    @Override
    public String toString() {
        return "DcbObserver.noop()";
    }
}
