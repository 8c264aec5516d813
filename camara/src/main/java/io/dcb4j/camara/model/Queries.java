package io.dcb4j.camara.model;

import java.time.Instant;

/** The checks the listing queries share. */
final class Queries {

    private Queries() {
    }

    static void check(Integer page, Integer perPage, Instant from, Instant to) {
        if (page != null && page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if (perPage != null && perPage < 1) {
            throw new IllegalArgumentException("perPage must be 1 or more");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the creation date range ends before it starts");
        }
    }
}
