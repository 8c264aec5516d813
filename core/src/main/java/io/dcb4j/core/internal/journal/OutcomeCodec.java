package io.dcb4j.core.internal.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.RefundRef;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RefundState;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.spi.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorded outcome of a journaled write, as JSON text. The subscriber's MSISDN never goes into it: a
 * subscription reference keeps only whether it carried the request's MSISDN, and the digits are replaced
 * wherever else they appear (a detail, a URL); reading puts the caller's MSISDN back, which is the same
 * subscriber since the request's digest matched. Internal.
 */
public final class OutcomeCodec {

    /** Stands for the request's MSISDN in recorded text; not a character sequence a provider sends. */
    static final String MSISDN_MARK = "\u2063msisdn\u2063";

    private OutcomeCodec() {
    }

    /**
     * Encodes a charge result.
     *
     * @param r the result
     * @param msisdn the request's MSISDN, or null
     * @return the text
     */
    public static String charge(ChargeResult r, Msisdn msisdn) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("type", "charge");
        n.put("charge", r.charge().id());
        n.put("state", r.state().name());
        n.put("rawState", r.rawState());
        money(n, "amount", r.amount());
        n.set("nextAction", nextAction(r.nextAction()));
        n.put("failureReason", r.failureReason() == null ? null : r.failureReason().name());
        n.set("details", details(r.details()));
        n.set("subscription", ref(r.subscription(), msisdn));
        return text(n, msisdn);
    }

    /**
     * Encodes a subscription result.
     *
     * @param r the result
     * @param msisdn the request's MSISDN, or null
     * @return the text
     */
    public static String subscription(SubscriptionResult r, Msisdn msisdn) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("type", "subscription");
        n.set("subscription", ref(r.subscription(), msisdn));
        n.put("state", r.state().name());
        n.put("rawState", r.rawState());
        money(n, "charged", r.charged());
        n.put("reactivated", r.reactivated());
        n.set("details", details(r.details()));
        return text(n, msisdn);
    }

    /**
     * Encodes a renewal result.
     *
     * @param r the result
     * @param msisdn the request's MSISDN, or null
     * @return the text
     */
    public static String renew(RenewResult r, Msisdn msisdn) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("type", "renew");
        n.set("previous", ref(r.previous(), msisdn));
        n.set("current", ref(r.current(), msisdn));
        n.put("outcome", r.outcome().name());
        n.put("chargeState", r.chargeState().name());
        money(n, "charged", r.charged());
        n.put("rawState", r.rawState());
        n.set("details", details(r.details()));
        return text(n, msisdn);
    }

    /**
     * Encodes a refund result (a refund carries no subscriber's number).
     *
     * @param r the result
     * @return the text
     */
    public static String refund(RefundResult r) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("type", "refund");
        n.put("charge", r.refund().charge().id());
        n.put("refund", r.refund().id());
        n.put("state", r.state().name());
        n.put("rawState", r.rawState());
        money(n, "amount", r.amount());
        n.set("details", details(r.details()));
        return text(n, null);
    }

    /**
     * Decodes a charge result.
     *
     * @param text the recorded text
     * @param msisdn the caller's MSISDN, or null
     * @return the result
     */
    public static ChargeResult readCharge(String text, Msisdn msisdn) {
        JsonNode n = tree(text, msisdn);
        return new ChargeResult(ChargeRef.of(n.path("charge").asText()), ChargeState.valueOf(n.path("state").asText()),
                str(n, "rawState"), money(n.get("amount")), nextAction(n.get("nextAction")),
                n.hasNonNull("failureReason") ? FailureReason.valueOf(n.get("failureReason").asText()) : null,
                details(n.get("details")), ref(n.get("subscription"), msisdn));
    }

    /**
     * Decodes a subscription result.
     *
     * @param text the recorded text
     * @param msisdn the caller's MSISDN, or null
     * @return the result
     */
    public static SubscriptionResult readSubscription(String text, Msisdn msisdn) {
        JsonNode n = tree(text, msisdn);
        return new SubscriptionResult(ref(n.get("subscription"), msisdn),
                SubscriptionState.valueOf(n.path("state").asText()), str(n, "rawState"), money(n.get("charged")),
                n.path("reactivated").asBoolean(false), details(n.get("details")));
    }

    /**
     * Decodes a renewal result.
     *
     * @param text the recorded text
     * @param msisdn the caller's MSISDN, or null
     * @return the result
     */
    public static RenewResult readRenew(String text, Msisdn msisdn) {
        JsonNode n = tree(text, msisdn);
        return new RenewResult(ref(n.get("previous"), msisdn), ref(n.get("current"), msisdn),
                RenewResult.Outcome.valueOf(n.path("outcome").asText()),
                ChargeState.valueOf(n.path("chargeState").asText()), money(n.get("charged")), str(n, "rawState"),
                details(n.get("details")));
    }

    /**
     * Decodes a refund result.
     *
     * @param text the recorded text
     * @return the result
     */
    public static RefundResult readRefund(String text) {
        JsonNode n = tree(text, null);
        return new RefundResult(RefundRef.of(ChargeRef.of(n.path("charge").asText()), n.path("refund").asText()),
                RefundState.valueOf(n.path("state").asText()), str(n, "rawState"), money(n.get("amount")),
                details(n.get("details")));
    }

    private static String text(ObjectNode n, Msisdn msisdn) {
        String json;
        try {
            json = Json.mapper().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode an outcome", e);
        }
        return msisdn == null ? json : json.replace(msisdn.digits(), MSISDN_MARK);
    }

    private static JsonNode tree(String text, Msisdn msisdn) {
        String json = msisdn == null ? text : text.replace(MSISDN_MARK, msisdn.digits());
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable recorded outcome", e);
        }
    }

    private static String str(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static void money(ObjectNode n, String field, Money m) {
        if (m != null) {
            ObjectNode o = n.putObject(field);
            o.put("amount", m.amount().toPlainString());
            o.put("currency", m.currency().getCurrencyCode());
        }
    }

    private static Money money(JsonNode n) {
        return n == null || n.isNull() ? null : Money.of(n.path("amount").asText(), n.path("currency").asText());
    }

    private static ObjectNode details(Map<String, String> details) {
        ObjectNode o = Json.mapper().createObjectNode();
        details.forEach(o::put);
        return o;
    }

    private static Map<String, String> details(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        if (n != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
            }
        }
        return m;
    }

    private static JsonNode ref(SubscriptionRef ref, Msisdn msisdn) {
        if (ref == null) {
            return Json.mapper().nullNode();
        }
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", ref.id());
        // the MSISDN itself is never recorded: only whether the reference carried the request's
        o.put("msisdn", ref.msisdn() != null && ref.msisdn().equals(msisdn));
        o.put("offer", ref.offer() == null ? null : ref.offer().value());
        return o;
    }

    private static SubscriptionRef ref(JsonNode n, Msisdn msisdn) {
        if (n == null || n.isNull()) {
            return null;
        }
        Msisdn m = n.path("msisdn").asBoolean(false) ? msisdn : null;
        if (m == null && !n.hasNonNull("id")) {
            return null;
        }
        return new SubscriptionRef(str(n, "id"), m, n.hasNonNull("offer") ? OfferId.of(n.get("offer").asText()) : null);
    }

    private static JsonNode nextAction(NextAction a) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("type", a.type().name());
        o.put("instruction", a.instruction().orElse(null));
        if (a instanceof NextAction.Redirect r) {
            o.put("url", r.url());
            o.put("returnUrl", r.returnUrl());
        } else if (a instanceof NextAction.SendSms s) {
            o.put("shortcode", s.shortcode());
            o.put("keyword", s.keyword());
        } else if (a instanceof NextAction.SolveCaptcha c) {
            o.put("imageUrl", c.imageUrl());
            ArrayNode answers = o.putArray("answers");
            for (NextAction.CaptchaAnswer answer : c.answers()) {
                answers.addObject().put("answerId", answer.answerId()).put("imageUrl", answer.imageUrl());
            }
        } else if (a instanceof NextAction.Unknown u) {
            o.put("rawType", u.rawType());
        }
        return o;
    }

    private static NextAction nextAction(JsonNode n) {
        if (n == null || n.isNull()) {
            return NextAction.none();
        }
        String instruction = str(n, "instruction");
        return switch (NextAction.Type.valueOf(n.path("type").asText("NONE"))) {
            case NONE -> NextAction.none();
            case ENTER_PIN -> new NextAction.EnterPin(instruction);
            case REDIRECT -> new NextAction.Redirect(str(n, "url"), str(n, "returnUrl"), instruction);
            case SEND_SMS -> new NextAction.SendSms(str(n, "shortcode"), str(n, "keyword"), instruction);
            case SOLVE_CAPTCHA -> {
                List<NextAction.CaptchaAnswer> answers = new ArrayList<>();
                for (JsonNode a : n.path("answers")) {
                    answers.add(new NextAction.CaptchaAnswer(str(a, "answerId"), str(a, "imageUrl")));
                }
                yield new NextAction.SolveCaptcha(str(n, "imageUrl"), answers, instruction);
            }
            case UNKNOWN -> new NextAction.Unknown(str(n, "rawType"), instruction);
        };
    }
}
