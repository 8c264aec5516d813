package io.dcb4j.testkit.camara;

import io.dcb4j.core.spi.json.Json;
import io.dcb4j.testkit.Callback;
import io.dcb4j.testkit.CallbackEvent;
import io.dcb4j.testkit.CallbackSpec;
import io.dcb4j.testkit.CallbackWriter;
import io.dcb4j.testkit.internal.CallbackQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * CAMARA's payment notifications: a structured CloudEvent ({@code application/cloudevents+json}) of type
 * {@code org.camaraproject.carrier-billing.v0.payment-completed} ({@code status} {@code succeeded}) or
 * {@code payment-denied} ({@code status} {@code failed}, {@code denialReason}), sent with the sink credential
 * as a bearer token when one is given.
 */
final class CamaraCallbacks implements CallbackWriter {

    @Override
    public String providerId() {
        return "camara";
    }

    @Override
    public Set<CallbackEvent> events() {
        return EnumSet.of(CallbackEvent.CHARGE_SUCCEEDED, CallbackEvent.CHARGE_FAILED);
    }

    @Override
    public Callback write(CallbackEvent event, CallbackSpec spec) {
        if (!events().contains(event)) {
            throw new UnsupportedOperationException("camara sends no callback for " + event);
        }
        boolean succeeded = event == CallbackEvent.CHARGE_SUCCEEDED;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("paymentId", spec.chargeId() != null ? spec.chargeId() : "pay-" + CallbackQuery.numericId(8));
        data.put("status", succeeded ? "succeeded" : "failed");
        data.put("description", succeeded ? "Payment completed" : "Payment denied");
        if (succeeded) {
            data.put("paymentDate", now.toString());
        } else {
            data.put("denialReason", "Insufficient funds");
        }
        Map<String, Object> cloudEvent = new LinkedHashMap<>();
        cloudEvent.put("id", "evt-" + CallbackQuery.numericId(12));
        cloudEvent.put("source", CamaraSimulator.SOURCE);
        cloudEvent.put("type", "org.camaraproject.carrier-billing.v0.payment-" + (succeeded ? "completed" : "denied"));
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("datacontenttype", "application/json");
        cloudEvent.put("time", now.toString());
        cloudEvent.put("data", data);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/cloudevents+json");
        headers.put("x-correlator", "trigger-" + CallbackQuery.numericId(8));
        if (spec.secret() != null) {
            headers.put("Authorization", "Bearer " + spec.secret());
        }
        return new Callback(providerId(), event, "POST", null, headers, Json.write(cloudEvent));
    }
}
