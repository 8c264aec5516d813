package io.dcb4j.testkit.b2maoc;

import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.testkit.Callback;
import io.dcb4j.testkit.CallbackEvent;
import io.dcb4j.testkit.CallbackSpec;
import io.dcb4j.testkit.CallbackWriter;
import io.dcb4j.testkit.internal.CallbackQuery;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The B2M AOC gateway's subscription callback: {@code POST {subscriptionID, msisdn, status}} as JSON, with the
 * status {@code unsubscribed} (the one seen on the gateway), {@code subscribed}, {@code renewed},
 * {@code charged} or {@code denied} (the ones dcb4j reads). The gateway does not sign: the merchant's own secret
 * goes in the callback URL.
 */
final class B2mAocCallbacks implements CallbackWriter {

    @Override
    public String providerId() {
        return "b2m-aoc";
    }

    @Override
    public Set<CallbackEvent> events() {
        return EnumSet.allOf(CallbackEvent.class);
    }

    @Override
    public Callback write(CallbackEvent event, CallbackSpec spec) {
        Msisdn msisdn = spec.msisdn() != null ? spec.msisdn() : Msisdn.of("8801812345678");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscriptionID", spec.subscriptionId() != null ? spec.subscriptionId()
                : "B2M" + CallbackQuery.numericId(6));
        body.put("msisdn", "+" + msisdn.digits());
        body.put("status", switch (event) {
            case SUBSCRIBED -> "subscribed";
            case UNSUBSCRIBED -> "unsubscribed";
            case RENEWED -> "renewed";
            case CHARGE_SUCCEEDED -> "charged";
            case CHARGE_FAILED -> "denied";
        });
        String query = new CallbackQuery().secret(spec, "secret").build();
        return new Callback(providerId(), event, "POST", query, Map.of("Content-Type", "application/json"),
                Json.write(body));
    }
}
