package io.dcb4j.infomedia.internal;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.infomedia.model.JoinOutcome;
import io.dcb4j.infomedia.model.JoinResult;
import io.dcb4j.infomedia.model.PaymentConfirmation;
import io.dcb4j.infomedia.model.PinResult;
import io.dcb4j.infomedia.model.StatusDescription;
import io.dcb4j.infomedia.model.UnsubscribeResult;
import java.util.Locale;

/** Maps wire answers to the public records, after checking that they report success. */
public final class Answers {

    private Answers() {
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
    public static PinResult pin(WireDtos.PinAnswer a, ErrorContext context) {
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
    public static JoinResult join(WireDtos.JoinAnswer a, ErrorContext context) {
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
        WireDtos.User user = a.user();
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
    public static UnsubscribeResult unsubscribe(WireDtos.UnsubscribeAnswer a, ErrorContext context) {
        StatusDescription d = StatusDescription.parse(a.description());
        requireSuccess(a.status(), d, context);
        return new UnsubscribeResult(a.status(), d, a.sid(), msisdnOrNull(a.mx()), a.mcc(), a.mnc());
    }

    private static void requireSuccess(String status, StatusDescription d, ErrorContext context) {
        if (status == null && d.raw() == null) {
            throw new DcbProtocolException("answer has neither status nor description", context, null);
        }
        if (!isSuccess(status, d)) {
            throw InfomediaErrors.refusal(d, status, context);
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
