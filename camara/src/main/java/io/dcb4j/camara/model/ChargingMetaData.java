package io.dcb4j.camara.model;

import java.math.BigDecimal;

/**
 * {@code chargingMetaData}: who sells what, for aggregators and the operator's billing text. Every field is
 * optional.
 *
 * @param merchantName the merchant's name, or null
 * @param merchantIdentifier the merchant's id (also a listing filter), or null
 * @param fee the percentage of the amount the requester receives, or null
 * @param purchaseCategoryCode the kind of service, product or media, or null
 * @param channel where the subscriber buys (web, WAP, SMS...), or null
 * @param serviceId the merchant's service, or null
 * @param productId the product within the service, or null
 */
public record ChargingMetaData(String merchantName, String merchantIdentifier, BigDecimal fee,
        String purchaseCategoryCode, String channel, String serviceId, String productId) {

    /**
     * Metadata naming only the merchant, as aggregators send it.
     *
     * @param merchantIdentifier the merchant's id
     * @return the metadata
     */
    public static ChargingMetaData merchant(String merchantIdentifier) {
        return new ChargingMetaData(null, merchantIdentifier, null, null, null, null, null);
    }

    /**
     * The components, with the texts cleaned.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }
}
