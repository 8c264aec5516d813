package io.dcb4j.b2maoc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcb4j.b2maoc.model.AocTransactionId;
import io.dcb4j.b2maoc.model.CancellationResult;
import io.dcb4j.b2maoc.model.ChargeStatus;
import io.dcb4j.b2maoc.model.ChargeToken;
import io.dcb4j.b2maoc.model.RenewalResult;
import io.dcb4j.b2maoc.model.SpTransactionId;
import io.dcb4j.b2maoc.model.SubscriptionStatus;
import io.dcb4j.b2maoc.model.TransactionOperationStatus;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.core.spi.json.JsonFields;
import io.dcb4j.core.spi.support.Redaction;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Reads the AOC gateway's answers into the typed model: the answer envelope, the wire formats (MSISDNs,
 * dates, blank text) and each operation's result.
 *
 * <p>Every answer is an envelope {@code {status, errors, message, data}}, read with every object key stripped
 * of surrounding spaces and lower-cased (the document shows keys such as {@code " spTransID "}, and casing
 * varies), so that {@link B2mAocWire} DTOs bind by their lower-case names. Two keys that become the same name
 * with different values ({@code "status"} and {@code " Status "}) are ambiguous: {@link #read} refuses the
 * answer with a {@link DcbProtocolException}. Success is judged by the envelope, never by the HTTP status:
 * {@code status:false}, {@code errors:true} or a {@code data.errorCode} other than {@code 00} is a failure.
 */
public final class B2mAocMapper {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d-M-uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private B2mAocMapper() {
    }

    // ---------------------------------------------------------------- envelope

    /**
     * Reads an answer as an envelope.
     *
     * @param response the answer
     * @return the envelope
     * @throws DcbProtocolException when the body is not a JSON object with {@code status}, {@code errors} or
     *     {@code data}, or holds an ambiguous key
     */
    public static Envelope read(ApiResponse response) {
        JsonNode tree = response.jsonTree();
        Envelope env;
        try {
            env = envelopeOf(response, tree);
        } catch (AmbiguousKeyException e) {
            throw new DcbProtocolException("ambiguous answer: the key '" + Redaction.excerpt(e.key, 40)
                    + "' appears twice in one object with different values (keys are compared without case and"
                    + " surrounding spaces)", response.context(), null);
        }
        if (env == null) {
            throw new DcbProtocolException("answer is not an AOC envelope {status, errors, message, data}",
                    response.context(), null);
        }
        return env;
    }

    /**
     * Reads an answer as an envelope, when it is one (error bodies may be HTML).
     *
     * @param response the answer
     * @return the envelope, or null when the body is not an unambiguous envelope
     */
    static Envelope readOrNull(ApiResponse response) {
        try {
            return envelopeOf(response, response.jsonTreeOrNull());
        } catch (AmbiguousKeyException e) {
            return null;
        }
    }

    private static Envelope envelopeOf(ApiResponse response, JsonNode tree) {
        if (!(tree instanceof ObjectNode)) {
            return null;
        }
        ObjectNode root = (ObjectNode) normalize(tree);
        if (!root.has("status") && !root.has("errors") && !root.has("data")) {
            return null;
        }
        return new Envelope(response, root);
    }

    /** Two keys of one object that normalise to the same name hold different non-null values. */
    private static final class AmbiguousKeyException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String key;

        AmbiguousKeyException(String key) {
            super("ambiguous key", null, false, false);
            this.key = key;
        }
    }

    /**
     * A copy of a tree with object keys stripped and lower-cased. A null value gives way to a non-null one of
     * the same name; two different non-null values are ambiguous.
     */
    private static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey().strip().toLowerCase(Locale.ROOT);
                JsonNode value = normalize(e.getValue());
                JsonNode previous = out.get(key);
                if (previous == null || previous.isNull()) {
                    out.set(key, value);
                } else if (!value.isNull() && !previous.equals(value)) {
                    throw new AmbiguousKeyException(key);
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(normalize(n)));
            return out;
        }
        return node;
    }

    private static Boolean bool(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.intValue() != 0;
        }
        String s = n.asText().strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** One answer of the gateway, keys normalised. */
    public static final class Envelope {

        private final ApiResponse response;
        private final Boolean status;
        private final Boolean errors;
        private final String message;
        private final ObjectNode data;

        private Envelope(ApiResponse response, ObjectNode root) {
            this.response = response;
            this.status = bool(root.get("status"));
            this.errors = bool(root.get("errors"));
            // the gateway's message can echo the subscriber's number or a credential header, and carry control
            // characters: it reaches public results and their toString(), so it is kept cleaned
            this.message = response.context().scrub(JsonFields.text(root.get("message")).orElse(null));
            JsonNode d = root.get("data");
            this.data = d instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        }

        /**
         * The answer.
         *
         * @return the answer
         */
        public ApiResponse response() {
            return response;
        }

        /**
         * The error context of the answer.
         *
         * @return the context
         */
        public ErrorContext context() {
            return response.context();
        }

        /**
         * The envelope's {@code message}, cleaned.
         *
         * @return the text, or null
         */
        public String message() {
            return message;
        }

        /**
         * The {@code data} object (empty when absent or not an object), keys normalised.
         *
         * @return the object
         */
        public ObjectNode data() {
            return data;
        }

        /**
         * {@code data.errorCode}.
         *
         * @return the code, or null when absent or blank
         */
        public String errorCode() {
            return JsonFields.text(data, "errorcode").orElse(null);
        }

        /**
         * {@code data.errorMessage}.
         *
         * @return the text, or null when absent or blank
         */
        public String errorMessage() {
            return JsonFields.text(data, "errormessage").orElse(null);
        }

        /**
         * Whether the envelope reports a failure.
         *
         * @return true for {@code status:false}, {@code errors:true} or an error code other than {@code 00}
         */
        public boolean failed() {
            String code = errorCode();
            return Boolean.FALSE.equals(status) || Boolean.TRUE.equals(errors)
                    || (code != null && !"00".equals(code));
        }

        /**
         * Binds {@code data} to a DTO of {@link B2mAocWire}.
         *
         * @param type the DTO record
         * @param <T> the type
         * @return the DTO
         * @throws DcbProtocolException when a field has the wrong shape
         */
        public <T> T data(Class<T> type) {
            try {
                return Json.mapper().convertValue(data, type);
            } catch (IllegalArgumentException e) {
                throw new DcbProtocolException("unreadable data in the answer, expected " + type.getSimpleName(),
                        response.context(), null);
            }
        }
    }

    // ---------------------------------------------------------------- results

    /**
     * The answer of {@code getToken}.
     *
     * @param env the successful envelope
     * @param keyword the keyword asked for
     * @param msisdn the subscriber asked for
     * @param consentUrlOf the default consent URL of a transaction
     * @return the token
     * @throws ProviderUnavailableException when the answer carries no {@code aocTransID} (an upstream failure)
     * @throws DcbProtocolException when the {@code aocTransID} is not one URL path segment
     */
    public static ChargeToken chargeToken(Envelope env, String keyword, Msisdn msisdn,
            Function<AocTransactionId, String> consentUrlOf) {
        B2mAocWire.TokenData data = env.data(B2mAocWire.TokenData.class);
        String aocTransId = blankToNull(data.aocTransId());
        if (aocTransId == null) {
            throw new ProviderUnavailableException("getToken answered success without an aocTransID",
                    env.context().withProviderError(env.errorCode(),
                            env.errorMessage() != null ? env.errorMessage() : env.message()), null);
        }
        if (!HttpTransport.isPathSegment(aocTransId)) {
            // it goes into the path of the consent URL and of chargeStatus: a '..' would reach another resource
            throw new DcbProtocolException("getToken answered an aocTransID that is not a usable id", env.context(),
                    null);
        }
        AocTransactionId id = AocTransactionId.of(aocTransId);
        String redirect = blankToNull(data.redirectUrl());
        String consent = redirect != null && HttpUrl.parse(redirect) != null ? redirect : consentUrlOf.apply(id);
        return new ChargeToken(id, spTransId(data.spTransId()), redirect, consent, keyword, msisdn, env.message());
    }

    /**
     * The answer of {@code chargeStatus}: an answer with a {@code transactionOperationStatus} is a status even
     * with an error code; a failed answer without one is an error.
     *
     * @param env the envelope, failed or not
     * @param id the transaction asked about
     * @param currency the configured currency of amounts
     * @param errors the error mapper, for a failed answer without a status
     * @return the status
     */
    public static ChargeStatus chargeStatus(Envelope env, AocTransactionId id, Currency currency,
            B2mAocErrorMapper errors) {
        B2mAocWire.ChargeStatusData data = env.data(B2mAocWire.ChargeStatusData.class);
        String raw = blankToNull(data.transactionOperationStatus());
        if (raw == null) {
            if (env.failed()) {
                throw errors.map(env);
            }
            throw new DcbProtocolException("chargeStatus answer without transactionOperationStatus", env.context(),
                    null);
        }
        return new ChargeStatus(id, TransactionOperationStatus.of(raw), raw, data.totalAmountCharged(), currency,
                msisdnOrNull(data.msisdn()), blankToNull(data.chargeMode()), blankToNull(data.clientCorrelator()),
                blankToNull(data.errorCode()), blankToNull(data.errorMessage()), env.message());
    }

    /**
     * The answer of {@code cancelSubscription}.
     *
     * @param env the successful envelope
     * @param id the subscription
     * @param msisdn the subscriber
     * @return the confirmation
     */
    public static CancellationResult cancellation(Envelope env, SpTransactionId id, Msisdn msisdn) {
        B2mAocWire.CancelData data = env.data(B2mAocWire.CancelData.class);
        return new CancellationResult(id, msisdn, env.message(), blankToNull(data.errorCode()),
                blankToNull(data.errorMessage()));
    }

    /**
     * The answer of {@code subscriptionStatus}.
     *
     * @param env the successful envelope
     * @param id the subscription
     * @return the status
     */
    public static SubscriptionStatus subscriptionStatus(Envelope env, SpTransactionId id) {
        B2mAocWire.SubscriptionStatusData data = env.data(B2mAocWire.SubscriptionStatusData.class);
        String raw = blankToNull(data.status());
        return new SubscriptionStatus(id, blankToNull(data.subscriptionId()), blankToNull(data.subscriptionName()),
                raw, SubscriptionStatus.stateOf(raw), msisdnOrNull(data.msisdn()),
                date("expiryDate", data.expiryDate(), env.context()), blankToNull(data.expiryDate()),
                blankToNull(data.errorCode()), blankToNull(data.errorMessage()), env.message());
    }

    /**
     * The answer of {@code renewSubscription}: renewed (a status or an {@code aocTransID}), already renewed
     * (the message says so, or only a new {@code spTransID} came back), or refused as already cancelled.
     *
     * @param env the successful envelope
     * @param id the subscription asked for
     * @param msisdn the subscriber asked for
     * @param currency the configured currency of amounts
     * @return the renewal
     * @throws ConflictException when the message says the subscription is cancelled
     * @throws DcbProtocolException when the answer is neither a renewal nor "already renewed"
     */
    public static RenewalResult renewal(Envelope env, SpTransactionId id, Msisdn msisdn, Currency currency) {
        B2mAocWire.RenewData data = env.data(B2mAocWire.RenewData.class);
        String raw = blankToNull(data.transactionOperationStatus());
        String aocTransId = blankToNull(data.aocTransId());
        SpTransactionId newId = spTransId(data.spTransId());
        String message = env.message();
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        RenewResult.Outcome outcome;
        if (raw != null || aocTransId != null) {
            outcome = RenewResult.Outcome.RENEWED;
        } else if (lower.contains("already renewed")) {
            outcome = RenewResult.Outcome.ALREADY_RENEWED;
        } else if (lower.contains("cancel") || lower.contains("unsubscri")) {
            throw new ConflictException("the subscription is already cancelled",
                    env.context().withProviderError(null, message), false, null);
        } else if (newId != null) {
            outcome = RenewResult.Outcome.ALREADY_RENEWED;
        } else {
            throw new DcbProtocolException("renewSubscription answer is neither a renewal nor 'already renewed'",
                    env.context(), null);
        }
        Msisdn answered = msisdnOrNull(data.msisdn());
        return new RenewalResult(id, newId, outcome, aocTransId == null ? null : AocTransactionId.of(aocTransId),
                TransactionOperationStatus.of(raw), raw, blankToNull(data.chargeMode()), data.totalAmountCharged(),
                currency, blankToNull(data.subscriptionId()), answered != null ? answered : msisdn, message,
                blankToNull(data.errorCode()), blankToNull(data.errorMessage()));
    }

    private static SpTransactionId spTransId(String raw) {
        String s = blankToNull(raw);
        return s == null ? null : SpTransactionId.of(s);
    }

    // ---------------------------------------------------------------- wire formats

    /**
     * The MSISDN as the gateway wants it: digits with the country code, no {@code +} ({@code 8801XXXXXXXXX}).
     * A Bangladeshi national number ({@code 01XXXXXXXXX}, 11 digits) gets the {@code 88} country code.
     *
     * @param msisdn the subscriber
     * @return the digits
     */
    public static String msisdn(Msisdn msisdn) {
        String d = msisdn.digits();
        if (d.length() == 11 && d.startsWith("01")) {
            return "88" + d;
        }
        return d;
    }

    /**
     * Reads an MSISDN from an answer or a callback, with or without {@code +}.
     *
     * @param raw the text
     * @return the MSISDN, or null when absent or not a valid number (for example masked)
     */
    public static Msisdn msisdnOrNull(String raw) {
        String s = blankToNull(raw);
        if (s == null || !Msisdn.isValid(s)) {
            return null;
        }
        Msisdn m = Msisdn.of(s);
        return m.digits().length() == 11 && m.digits().startsWith("01") ? Msisdn.of("88" + m.digits()) : m;
    }

    /**
     * Reads {@code dd-MM-yyyy} (also {@code d-M-yyyy}, {@code dd/MM/yyyy} and ISO {@code yyyy-MM-dd}), years
     * 1 to 9999.
     *
     * @param field the wire name, for the message
     * @param raw the text
     * @param context the call's context
     * @return the date, or null when absent or blank
     * @throws DcbProtocolException naming the field when present but not such a date: a date is never dropped
     *     silently
     */
    static LocalDate date(String field, String raw, ErrorContext context) {
        String s = blankToNull(raw);
        if (s == null) {
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                LocalDate d = LocalDate.parse(s, f);
                if (d.getYear() >= 1 && d.getYear() <= 9999) {
                    return d;
                }
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        throw new DcbProtocolException("'" + field + "' is not a date of the form dd-MM-yyyy", context, null);
    }

    /**
     * Strips text; blank becomes null.
     *
     * @param s the text
     * @return the stripped text or null
     */
    public static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
