package io.dcb4j.infomedia.model;

import java.util.Objects;

/**
 * The answer to {@code PINGenerateWithParams}: Infomedia sent the PIN SMS. Only successful answers are
 * returned as this record; refusals become exceptions.
 *
 * @param status the {@code status} field as received, normally {@code Success}
 * @param description the {@code description} field, split ({@code "00 - Everything was OK"})
 * @param pinId the {@code pinId} field, or null when absent or empty (Infomedia often sends {@code ""})
 */
public record PinResult(String status, StatusDescription description, String pinId) {

    /**
     * Validates and normalises.
     *
     * @param status optional
     * @param description required
     * @param pinId optional; blank becomes null
     */
    public PinResult {
        Objects.requireNonNull(description, "description");
        pinId = pinId == null || pinId.isBlank() ? null : pinId;
    }

    /**
     * The components, with the provider's texts cleaned (control and bidi characters removed, phone numbers
     * masked, at most 300 characters each).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }
}
