package io.dcb4j.testkit.centili;

import io.dcb4j.core.model.Msisdn;
import io.dcb4j.testkit.Callback;
import io.dcb4j.testkit.CallbackEvent;
import io.dcb4j.testkit.CallbackSpec;
import io.dcb4j.testkit.CallbackWriter;
import io.dcb4j.testkit.internal.CallbackQuery;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Centili's payment-result notification: {@code GET ?transactionid=..&phone=..&country=..&mno=..&mnocode=..
 * &amount=1&status=success|failed}; subscription events carry the {@code transactiontype} (OPT_IN, OPT_OUT,
 * RENEW) dcb4j reads. Centili does not sign: the merchant's own secret goes in the notification URL.
 */
final class CentiliCallbacks implements CallbackWriter {

    @Override
    public String providerId() {
        return "centili";
    }

    @Override
    public Set<CallbackEvent> events() {
        return EnumSet.allOf(CallbackEvent.class);
    }

    @Override
    public Callback write(CallbackEvent event, CallbackSpec spec) {
        Msisdn msisdn = spec.msisdn() != null ? spec.msisdn() : Msisdn.of("381641234567");
        String id = spec.chargeId() != null ? spec.chargeId()
                : spec.subscriptionId() != null ? spec.subscriptionId() : "CTX" + CallbackQuery.numericId(6);
        String type = switch (event) {
            case SUBSCRIBED -> "OPT_IN";
            case UNSUBSCRIBED -> "OPT_OUT";
            case RENEWED -> "RENEW";
            default -> null;
        };
        CallbackQuery q = new CallbackQuery().secret(spec, "secret").add("transactionid", id)
                .add("phone", msisdn.digits()).add("country", "RS").add("mno", "Telenor").add("mnocode", "22001")
                .add("amount", 1).add("status", event == CallbackEvent.CHARGE_FAILED ? "failed" : "success")
                .add("transactiontype", type);
        return new Callback(providerId(), event, "GET", q.build(), Map.of(), null);
    }
}
