package io.dcb4j.core.error;

import io.dcb4j.core.spi.support.Redaction;
import java.util.Objects;

/**
 * The provider's name for what a failed call was about (a payment id, a transaction id, a subscription id, an
 * idempotency key), so that the merchant can reconcile it with a status query: see
 * {@link DcbException#reference()}. It never holds personal data: dcb4j only ever names the provider's own ids
 * or ids the client generated, never an MSISDN. Control and bidi characters are removed and it is cut to a few
 * hundred characters, like any provider text; digits are not masked.
 *
 * @param kind what the id is, in the provider's terms, for example {@code paymentId}
 * @param id the id, for example {@code 172565}
 */
public record ProviderReference(String kind, String id) {

    /**
     * Validates and cleans.
     *
     * @param kind required, not blank
     * @param id required, not blank
     */
    public ProviderReference {
        kind = clean(Objects.requireNonNull(kind, "kind"));
        id = clean(Objects.requireNonNull(id, "id"));
        if (kind.isEmpty() || id.isEmpty()) {
            throw new IllegalArgumentException("a reference needs a kind and an id");
        }
    }

    private static String clean(String text) {
        return Redaction.printable(text);
    }

    /**
     * The kind and the id.
     *
     * @return for example {@code paymentId 172565}
     */
    @Override
    public String toString() {
        return kind + " " + id;
    }
}
