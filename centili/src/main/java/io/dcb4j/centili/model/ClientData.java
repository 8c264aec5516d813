package io.dcb4j.centili.model;

/**
 * The merchant's own data on a transaction: the {@code clientData} object. Requests may set every field;
 * answers echo {@code clientUserId} and {@code clientReference} only.
 *
 * @param clientUserId the merchant's id of the end user, or null
 * @param pageCustomization how the payment page looks, or null
 * @param clientReference the merchant's reference of this transaction, or null
 * @param returnUrl where the payment page sends the browser back ({@code returnURL} on the wire), or null
 */
public record ClientData(String clientUserId, PageCustomization pageCustomization, String clientReference,
        String returnUrl) {

    /**
     * Only the merchant's references.
     *
     * @param clientUserId the merchant's id of the end user, or null
     * @param clientReference the merchant's reference, or null
     * @return the client data
     */
    public static ClientData of(String clientUserId, String clientReference) {
        return new ClientData(clientUserId, null, clientReference, null);
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
