package io.dcb4j.eclipsevas.model;

import io.dcb4j.core.spi.support.Redaction;

/** Masks long digit runs (MSISDNs, account numbers) for {@code toString()}. */
final class Masking {

    private Masking() {
    }

    static String mask(String text) {
        return text == null ? null : Redaction.maskDigitRuns(text);
    }
}
