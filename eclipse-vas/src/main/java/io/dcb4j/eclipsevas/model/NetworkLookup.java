package io.dcb4j.eclipsevas.model;

import io.dcb4j.core.model.Msisdn;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of {@code GET .../vas/{msisdn}}: the catalogue partner (network) that serves a number, from the
 * number-portability database. The document shows no answer body; dcb4j reads a partner id given as a bare
 * number, a string or an object field ({@code partnerId}), and keeps every scalar field received.
 *
 * @param msisdn the number looked up
 * @param partnerId the catalogue partner id of the number's network, or null when the answer had none
 * @param partnerName the network name, or null
 * @param fields every scalar field of the answer, as text; never null
 */
public record NetworkLookup(Msisdn msisdn, Integer partnerId, String partnerName, Map<String, String> fields) {

    /**
     * Validates and copies.
     *
     * @param msisdn required
     * @param partnerId optional
     * @param partnerName optional
     * @param fields optional, copied
     */
    public NetworkLookup {
        Objects.requireNonNull(msisdn, "msisdn");
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** Masked MSISDN, partner id and name. */
    @Override
    public String toString() {
        String text = "NetworkLookup[msisdn=" + msisdn + ", partnerId=" + partnerId + ", partnerName=" + partnerName
                + "]";
        return io.dcb4j.core.spi.support.Redaction.cleanDescription(text);
    }
}
