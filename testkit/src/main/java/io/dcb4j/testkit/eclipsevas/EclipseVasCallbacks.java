package io.dcb4j.testkit.eclipsevas;

import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.testkit.Callback;
import io.dcb4j.testkit.CallbackEvent;
import io.dcb4j.testkit.CallbackSpec;
import io.dcb4j.testkit.CallbackWriter;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.internal.CallbackQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Eclipse's payment-result callback: {@code POST} of the payment as JSON ({@code SUCCESSFUL}, or {@code ERROR}
 * with "Insufficient funds"), signed with {@code Eclipse-Signature} (hex HMAC-SHA256 of the body with the
 * tenant's key) when a key is given.
 */
final class EclipseVasCallbacks implements CallbackWriter {

    @Override
    public String providerId() {
        return "eclipse-vas";
    }

    @Override
    public Set<CallbackEvent> events() {
        return EnumSet.of(CallbackEvent.CHARGE_SUCCEEDED, CallbackEvent.CHARGE_FAILED);
    }

    @Override
    public Callback write(CallbackEvent event, CallbackSpec spec) {
        if (!events().contains(event)) {
            throw new UnsupportedOperationException("eclipse-vas sends no callback for " + event);
        }
        Msisdn msisdn = spec.msisdn() != null ? spec.msisdn() : Msisdn.of("27821234567");
        Money amount = spec.amount() != null ? spec.amount() : Money.of("155", "ZAR");
        EclipseVasSimulator.SimPayment p = new EclipseVasSimulator.SimPayment();
        try {
            p.paymentId = spec.chargeId() != null ? Long.parseLong(spec.chargeId())
                    : Long.parseLong(CallbackQuery.numericId(6));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an Eclipse payment id is a number");
        }
        p.externalUniqueId = "trigger-" + CallbackQuery.numericId(12);
        p.customerId = EclipseVasSimulator.CUSTOMER_ID;
        p.paymentData = spec.offer() != null ? spec.offer().value() : "5_VD50";
        p.msisdn = msisdn.digits();
        Map<String, String> field = new LinkedHashMap<>();
        field.put("id", "msisdn");
        field.put("value", msisdn.digits());
        p.additionalFields = List.of(field);
        p.amount = amount.amount();
        p.currency = amount.currency().getCurrencyCode();
        p.walletId = EclipseVasSimulator.WALLET_ID;
        p.description = "dcb trigger";
        p.status = event == CallbackEvent.CHARGE_SUCCEEDED ? "SUCCESSFUL" : "ERROR";
        p.errorDescription = event == CallbackEvent.CHARGE_SUCCEEDED ? null
                : EclipseVasSimulator.failureText(MagicMsisdn.INSUFFICIENT_FUNDS);
        p.completed = true;
        p.created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        p.lastModified = p.created;
        byte[] body = Json.write(p.toJson());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (spec.secret() != null) {
            headers.put("Eclipse-Signature", EclipseVasSimulator.signature(spec.secret(), body));
        }
        return new Callback(providerId(), event, "POST", null, headers, body);
    }
}
