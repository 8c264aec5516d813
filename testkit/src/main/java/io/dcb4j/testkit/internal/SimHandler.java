package io.dcb4j.testkit.internal;

/** Answers one route of a simulator. */
@FunctionalInterface
public interface SimHandler {

    /**
     * Handles a request.
     *
     * @param request the request
     * @return the answer
     */
    SimResponse handle(SimRequest request);
}
