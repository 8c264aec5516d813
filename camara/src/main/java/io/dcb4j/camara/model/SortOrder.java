package io.dcb4j.camara.model;

import java.util.Locale;

/** The {@code order} of a listing, by creation date. */
public enum SortOrder {
    /** Oldest first. */
    ASC,
    /** Newest first (the specification's default). */
    DESC;

    /**
     * The value on the wire.
     *
     * @return {@code asc} or {@code desc}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
