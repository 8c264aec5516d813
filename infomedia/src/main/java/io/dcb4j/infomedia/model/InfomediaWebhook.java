package io.dcb4j.infomedia.model;

import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.notification.CallbackParameters;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Infomedia webhook, every documented parameter typed:
 * {@code ?msisdn|mx=..&mcc=..&mnc=..&productid=..&etid=..&pt=..&success=..} and, for charges,
 * {@code chargeAmount}, {@code currencyCode}, {@code productDescription}, {@code transactionStatus},
 * {@code txid}.
 *
 * @param type the event type from {@code etid}
 * @param etid the {@code etid} value as received
 * @param msisdn the subscriber, from {@code msisdn} (or from {@code mx} when that is a plain phone number);
 *     null when only an encrypted {@code mx} came
 * @param mx the {@code mx} parameter as received (Infomedia-encrypted MSISDN), or null
 * @param mcc the {@code mcc} parameter, or null
 * @param mnc the {@code mnc} parameter as received ({@code 2} for Etisalat's {@code 02}), or null
 * @param productId the {@code productid} parameter, or null
 * @param passThrough the {@code pt} pass-through value, decoded ({@code +} is a space), or null
 * @param success the {@code success} flag ({@code 1} true, {@code 0} false); null when absent (Infomedia sends
 *     it on types 1 and 5 only)
 * @param charge the charged or refunded amount from {@code chargeAmount} and {@code currencyCode} (the
 *     parser's default currency when the code is missing), or null when no amount came
 * @param currencyCode the {@code currencyCode} parameter as received, or null
 * @param productDescription the {@code productDescription} parameter, or null
 * @param transactionStatus the {@code transactionStatus} code and its meaning, or null
 * @param txid the {@code txid} parameter (the charge id), or null
 * @param parameters every parameter as received, first value each, with the mangled {@code ¤cyCode}
 *     repaired and the shared-secret parameter removed; never null
 */
public record InfomediaWebhook(
        WebhookType type,
        String etid,
        Msisdn msisdn,
        String mx,
        String mcc,
        String mnc,
        String productId,
        String passThrough,
        Boolean success,
        Money charge,
        String currencyCode,
        String productDescription,
        TransactionStatus transactionStatus,
        String txid,
        Map<String, String> parameters) {

    /**
     * Validates and copies.
     *
     * @param type required
     * @param etid required
     * @param msisdn optional
     * @param mx optional
     * @param mcc optional
     * @param mnc optional
     * @param productId optional
     * @param passThrough optional
     * @param success optional
     * @param charge optional
     * @param currencyCode optional
     * @param productDescription optional
     * @param transactionStatus optional
     * @param txid optional
     * @param parameters optional, copied
     */
    public InfomediaWebhook {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(etid, "etid");
        // the parser's parameters are immutable already: kept, not copied
        parameters = parameters == null ? Map.of() : parameters instanceof CallbackParameters ? parameters
                : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Without the parameters, the MSISDN masked and the encrypted {@code mx} shortened. */
    @Override
    public String toString() {
        String text = "InfomediaWebhook[type=" + type + ", etid=" + etid + ", msisdn=" + msisdn + ", mx="
                + (mx == null ? null : Msisdn.mask(mx)) + ", productId=" + productId + ", success=" + success
                + ", charge=" + charge + ", transactionStatus=" + (transactionStatus == null ? null
                : transactionStatus.code()) + ", txid=" + txid + "]";
        return io.dcb4j.core.spi.support.Redaction.cleanDescription(text);
    }
}
