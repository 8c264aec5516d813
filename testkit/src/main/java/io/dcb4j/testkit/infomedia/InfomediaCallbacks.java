package io.dcb4j.testkit.infomedia;

import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.testkit.Callback;
import io.dcb4j.testkit.CallbackEvent;
import io.dcb4j.testkit.CallbackSpec;
import io.dcb4j.testkit.CallbackWriter;
import io.dcb4j.testkit.internal.CallbackQuery;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Infomedia's webhooks: {@code GET ?msisdn=..&mcc=..&mnc=..&productid=..&etid=..&success=..}, type 1
 * (Subscribe), 2 (Unsubscribe) and 5 (Charge, with {@code chargeAmount}, {@code currencyCode},
 * {@code productDescription}, {@code transactionStatus} and {@code txid}); a renewal is a type 5 charge.
 * Infomedia does not sign: the merchant's own secret goes in the webhook URL.
 */
final class InfomediaCallbacks implements CallbackWriter {

    @Override
    public String providerId() {
        return "infomedia";
    }

    @Override
    public Set<CallbackEvent> events() {
        return EnumSet.allOf(CallbackEvent.class);
    }

    @Override
    public Callback write(CallbackEvent event, CallbackSpec spec) {
        Msisdn msisdn = spec.msisdn() != null ? spec.msisdn() : Msisdn.of("971500001234");
        String product = spec.offer() != null ? spec.offer().value()
                : spec.subscriptionId() != null ? spec.subscriptionId() : Long.toString(InfomediaSimulator.PRODUCT_ID);
        CallbackQuery q = new CallbackQuery().add("msisdn", msisdn.digits()).add("mcc", "424").add("mnc", "2")
                .add("productid", product);
        switch (event) {
            case SUBSCRIBED -> q.add("etid", 1).add("success", 1);
            case UNSUBSCRIBED -> q.add("etid", 2);
            case RENEWED, CHARGE_SUCCEEDED, CHARGE_FAILED -> {
                boolean billed = event != CallbackEvent.CHARGE_FAILED;
                Money amount = spec.amount() != null ? spec.amount() : Money.of("0.10", "AED");
                q.add("etid", 5).add("chargeAmount", amount.amount().toPlainString())
                        .add("currencyCode", amount.currency().getCurrencyCode())
                        .add("productDescription", "Service Name").add("transactionStatus", billed ? "00" : "AA")
                        .add("txid", spec.chargeId() != null ? spec.chargeId() : UUID.randomUUID().toString())
                        .add("success", billed ? 1 : 0);
            }
            default -> throw new UnsupportedOperationException("infomedia sends no webhook for " + event);
        }
        q.secret(spec, "secret");
        return new Callback(providerId(), event, "GET", q.build(), Map.of(), null);
    }
}
