package io.dcb4j.infomedia.internal;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.infomedia.model.CancellationResult;
import io.dcb4j.infomedia.model.JoinOutcome;
import io.dcb4j.infomedia.model.JoinResult;
import io.dcb4j.infomedia.model.PaymentConfirmation;
import io.dcb4j.infomedia.model.PinResult;
import io.dcb4j.infomedia.model.StatusDescription;
import io.dcb4j.infomedia.model.SubscriptionRequest;
import io.dcb4j.infomedia.model.UnsubscribeRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps between the public records and Infomedia's wire format: builds the request bodies (in the documented
 * field order) and reads the answers into the public records, after checking that they report success.
 */
public final class InfomediaMapper {

    /**
     * Where the PIN travels in the join body. Public notes: inferred as a top-level {@code pin} field; the
     * client builder can change it ({@code pin-field}).
     */
    public static final String DEFAULT_PIN_FIELD = "pin";

    private InfomediaMapper() {
    }

    /**
     * The body of {@code PINGenerateWithParams} and, with a PIN, of {@code SubscriptionJoinWithParams}. The
     * result holds the password and the PIN: never log it.
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
    public static Map<String, Object> subscriptionBody(SubscriptionRequest r, String defaultMcc, String defaultMnc,
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
     * The body of {@code SubscriptionUnsubscribe}. The result holds the password: never log it.
     *
     * @param r the request
     * @param defaultMcc used when the request has none
     * @param defaultMnc used when the request has none
     * @param username {@code u}
     * @param password {@code p}
     * @return the body
     */
    public static Map<String, Object> unsubscribeBody(UnsubscribeRequest r, String defaultMcc, String defaultMnc,
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

    /**
     * Whether an answer reports success: {@code status} is {@code Success} (any case), or, when Infomedia
     * left {@code status} out, the description code is {@code 00} or {@code 23}.
     *
     * @param status the status field
     * @param d the description
     * @return true on success
     */
    public static boolean isSuccess(String status, StatusDescription d) {
        if (status != null && !status.isBlank()) {
            return status.strip().equalsIgnoreCase("Success");
        }
        return d.hasCode(StatusDescription.OK) || d.hasCode(StatusDescription.REACTIVATED);
    }

    /**
     * Reads a PIN answer or throws the refusal.
     *
     * @param a the answer
     * @param context the call's context (it masks the call's credentials and PIN in a refusal's text)
     * @return the result
     */
    public static PinResult pin(InfomediaWire.PinAnswer a, ErrorContext context) {
        StatusDescription d = StatusDescription.parse(a.description());
        requireSuccess(a.status(), d, context);
        return new PinResult(a.status(), d, a.pinId());
    }

    /**
     * Reads a join answer or throws the refusal.
     *
     * @param a the answer
     * @param context the call's context (it masks the call's credentials and PIN in a refusal's text)
     * @return the result
     */
    public static JoinResult join(InfomediaWire.JoinAnswer a, ErrorContext context) {
        StatusDescription d = StatusDescription.parse(a.description());
        requireSuccess(a.status(), d, context);
        PaymentConfirmation conf = null;
        if (a.conf() != null && (a.conf().status() != null || a.conf().description() != null
                || a.conf().portedMcc() != null || a.conf().portedMnc() != null)) {
            conf = new PaymentConfirmation(a.conf().status(), StatusDescription.parse(a.conf().description()),
                    a.conf().portedMcc(), a.conf().portedMnc());
        }
        String txid = a.txid() == null || a.txid().isBlank() ? null : a.txid();
        JoinOutcome outcome;
        if (d.hasCode(StatusDescription.REACTIVATED)) {
            outcome = JoinOutcome.REACTIVATED;
        } else if (conf != null && conf.isSuccess()) {
            outcome = JoinOutcome.CHARGED;
        } else if (conf != null && conf.status() != null && !conf.status().isBlank()) {
            outcome = JoinOutcome.CHARGE_FAILED;
        } else if (txid != null) {
            outcome = JoinOutcome.CHARGE_PENDING;
        } else {
            outcome = JoinOutcome.FREE_PERIOD;
        }
        InfomediaWire.User user = a.user();
        return new JoinResult(a.status(), d, a.sid(), msisdnOrNull(a.mx()), a.mcc(), a.mnc(),
                user == null ? null : bool(user.subscribed(), "user.subscribed", context),
                user == null ? null : bool(user.suspended(), "user.suspended", context),
                txid, conf, outcome);
    }

    /**
     * Reads an unsubscribe answer or throws the refusal.
     *
     * @param a the answer
     * @param context the call's context (it masks the call's credentials and PIN in a refusal's text)
     * @return the result
     */
    public static CancellationResult cancellation(InfomediaWire.UnsubscribeAnswer a, ErrorContext context) {
        StatusDescription d = StatusDescription.parse(a.description());
        requireSuccess(a.status(), d, context);
        return new CancellationResult(a.status(), d, a.sid(), msisdnOrNull(a.mx()), a.mcc(), a.mnc());
    }

    private static void requireSuccess(String status, StatusDescription d, ErrorContext context) {
        if (status == null && d.raw() == null) {
            throw new DcbProtocolException("answer has neither status nor description", context, null);
        }
        if (!isSuccess(status, d)) {
            throw InfomediaErrorMapper.INSTANCE.refusal(d, status, context);
        }
    }

    /**
     * Reads Infomedia's string booleans: {@code True}/{@code False} in any case, also {@code 1}/{@code 0}.
     *
     * @param value the text, or null
     * @param field the field name, for the error
     * @param context the call's context
     * @return the value, or null when absent
     */
    static Boolean bool(String value, String field, ErrorContext context) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw new DcbProtocolException("field " + field + " is not True or False", context, null);
        };
    }

    /**
     * An MSISDN from an answer's {@code mx}, or null when it is absent or not a phone number.
     *
     * @param mx the value
     * @return the MSISDN or null
     */
    public static Msisdn msisdnOrNull(String mx) {
        return mx != null && Msisdn.isValid(mx) ? Msisdn.of(mx) : null;
    }
}
