package io.dcb4j.infomedia.internal;

import io.dcb4j.infomedia.model.SubscriptionRequest;
import io.dcb4j.infomedia.model.UnsubscribeRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds request bodies. The map keeps the documented field order. The result holds the password and the
 * PIN: never log it.
 */
public final class WireBodies {

    /**
     * Where the PIN travels in the join body. Public notes: inferred as a top-level {@code pin} field; the
     * client builder can change it ({@code pin-field}).
     */
    public static final String DEFAULT_PIN_FIELD = "pin";

    private WireBodies() {
    }

    /**
     * The body of {@code PINGenerateWithParams} and, with a PIN, of {@code SubscriptionJoinWithParams}.
     *
     * @param r the request
     * @param defaultMcc used when the request has none
     * @param defaultMnc used when the request has none
     * @param username {@code u}
     * @param password {@code p}
     * @param pinField the PIN's field name, used when {@code pin} is not null
     * @param pin the PIN, or null for the PIN request
     * @return the body
     */
    public static Map<String, Object> subscription(SubscriptionRequest r, String defaultMcc, String defaultMnc,
            String username, String password, String pinField, String pin) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mx", r.msisdn().digits());
        body.put("mcc", r.mcc() == null ? defaultMcc : r.mcc());
        body.put("mnc", r.mnc() == null ? defaultMnc : r.mnc());
        body.put("productId", r.productId());
        body.put("u", username);
        body.put("p", password);
        if (pin != null) {
            body.put(pinField, pin);
        }
        List<Map<String, String>> params = new ArrayList<>();
        if (r.amount() != null) {
            params.add(param("amount", r.amount().toPlainString()));
        }
        if (r.frequency() != null) {
            params.add(param("frequency", r.frequency()));
        }
        if (r.language() != null) {
            params.add(param("language", r.language()));
        }
        if (r.description() != null) {
            params.add(param("description", r.description()));
        }
        r.extraParams().forEach((k, v) -> params.add(param(k, v)));
        body.put("params", params);
        return body;
    }

    /**
     * The body of {@code SubscriptionUnsubscribe}.
     *
     * @param r the request
     * @param defaultMcc used when the request has none
     * @param defaultMnc used when the request has none
     * @param username {@code u}
     * @param password {@code p}
     * @return the body
     */
    public static Map<String, Object> unsubscribe(UnsubscribeRequest r, String defaultMcc, String defaultMnc,
            String username, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sid", r.sid());
        body.put("mx", r.msisdn().digits());
        body.put("mcc", r.mcc() == null ? defaultMcc : r.mcc());
        body.put("mnc", r.mnc() == null ? defaultMnc : r.mnc());
        body.put("u", username);
        body.put("p", password);
        return body;
    }

    private static Map<String, String> param(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("value", value);
        return m;
    }
}
