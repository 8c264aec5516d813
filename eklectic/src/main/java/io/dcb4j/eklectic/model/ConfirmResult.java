package io.dcb4j.eklectic.model;

import java.util.Objects;

/**
 * Eklectic's answer to a successful {@code POST /subscription/confirm}. A {@code KO} answer is not a result:
 * it is thrown as {@link io.dcb4j.core.error.InvalidPinException}.
 *
 * @param rawConfirm {@code confirm} as received ({@code OK}, {@code ok}, ...)
 * @param subscriber the subscriber record ({@code user})
 */
public record ConfirmResult(String rawConfirm, Subscriber subscriber) {

    /**
     * Validates.
     *
     * @param rawConfirm required
     * @param subscriber required
     */
    public ConfirmResult {
        Objects.requireNonNull(rawConfirm, "rawConfirm");
        Objects.requireNonNull(subscriber, "subscriber");
    }

    /**
     * Whether the PIN was accepted; always true for a returned result.
     *
     * @return true
     */
    public boolean confirmed() {
        return true;
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
