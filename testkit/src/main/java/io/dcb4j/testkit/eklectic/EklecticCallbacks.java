package io.dcb4j.testkit.eklectic;

import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.testkit.Callback;
import io.dcb4j.testkit.CallbackEvent;
import io.dcb4j.testkit.CallbackSpec;
import io.dcb4j.testkit.CallbackWriter;
import io.dcb4j.testkit.internal.CallbackQuery;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Eklectic's partner-URL callback: {@code GET ?action=SUB|UNSUB|RENEW|CHARGE&subscriptionid=..&transaction=..
 * &offreid=..&date=..} with {@code canal} and {@code msisdn} for SUB and UNSUB and {@code amount} for RENEW
 * and CHARGE. Eklectic has no failed-charge callback. Eklectic does not sign: the merchant's own secret goes in
 * the partner URL.
 */
final class EklecticCallbacks implements CallbackWriter {

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public String providerId() {
        return "eklectic";
    }

    @Override
    public Set<CallbackEvent> events() {
        return EnumSet.of(CallbackEvent.SUBSCRIBED, CallbackEvent.UNSUBSCRIBED, CallbackEvent.RENEWED,
                CallbackEvent.CHARGE_SUCCEEDED);
    }

    @Override
    public Callback write(CallbackEvent event, CallbackSpec spec) {
        String action = switch (event) {
            case SUBSCRIBED -> "SUB";
            case UNSUBSCRIBED -> "UNSUB";
            case RENEWED -> "RENEW";
            case CHARGE_SUCCEEDED -> "CHARGE";
            default -> throw new UnsupportedOperationException("eklectic sends no callback for " + event);
        };
        Msisdn msisdn = spec.msisdn() != null ? spec.msisdn() : Msisdn.of("21612345678");
        String subscription = spec.subscriptionId() != null ? spec.subscriptionId() : CallbackQuery.numericId(8);
        Money amount = spec.amount() != null ? spec.amount() : Money.of("0.500", "TND");
        CallbackQuery q = new CallbackQuery().add("action", action).add("subscriptionid", subscription)
                .add("transaction", spec.chargeId() != null ? spec.chargeId() : "EK" + CallbackQuery.numericId(10))
                .add("offreid", spec.offer() != null ? spec.offer().value() : EklecticSimulator.SAMPLE_OFFER)
                .add("date", WIRE.format(ZonedDateTime.now(ZoneId.of("Africa/Tunis"))));
        if (event == CallbackEvent.RENEWED || event == CallbackEvent.CHARGE_SUCCEEDED) {
            q.add("amount", amount.amount().toPlainString());
        }
        if (event != CallbackEvent.RENEWED) {
            q.add("canal", "online").add("msisdn", msisdn.digits());
        }
        q.secret(spec, "secret");
        return new Callback(providerId(), event, "GET", q.build(), Map.of(), null);
    }
}
