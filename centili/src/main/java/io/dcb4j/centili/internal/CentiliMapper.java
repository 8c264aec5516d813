package io.dcb4j.centili.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.centili.model.CancellationResult;
import io.dcb4j.centili.model.ClientData;
import io.dcb4j.centili.model.Item;
import io.dcb4j.centili.model.NotificationStatus;
import io.dcb4j.centili.model.PageCustomization;
import io.dcb4j.centili.model.StartTransactionRequest;
import io.dcb4j.centili.model.Transaction;
import io.dcb4j.centili.model.TransactionAction;
import io.dcb4j.centili.model.TransactionStart;
import io.dcb4j.centili.model.TransactionStatus;
import io.dcb4j.centili.model.TransactionType;
import io.dcb4j.centili.model.TransactionUpdate;
import io.dcb4j.centili.model.UserIdentifier;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.core.spi.support.Decimals;
import io.dcb4j.core.spi.support.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Converts between the public model and Centili's wire shapes (bodies, answers, numbers, times) and reads
 * Centili's transaction states in neutral terms. Internal.
 */
public final class CentiliMapper {

    private CentiliMapper() {
    }

    /**
     * The start body.
     *
     * @param r the request
     * @return the wire body
     */
    public static CentiliWire.StartBody startBody(StartTransactionRequest r) {
        UserIdentifier u = r.userIdentifier();
        CentiliWire.UserIdentifierDto ud = u == null ? null : new CentiliWire.UserIdentifierDto(u.country(), u.imsi(),
                u.msisdn() == null ? null : u.msisdn().digits(), u.operator(), u.identId());
        return new CentiliWire.StartBody(ud, r.price() == null ? null : r.price().toPlainString(), r.wap(), r.serviceKey(),
                clientDataDto(r.clientData()), r.params().isEmpty() ? null : r.params());
    }

    private static CentiliWire.ClientDataDto clientDataDto(ClientData c) {
        if (c == null) {
            return null;
        }
        PageCustomization p = c.pageCustomization();
        return new CentiliWire.ClientDataDto(c.clientUserId(),
                p == null ? null : new CentiliWire.PageCustomizationDto(p.itemName(), p.designId(), p.language()),
                c.clientReference(), c.returnUrl());
    }

    /**
     * The start answer.
     *
     * @param a the wire answer
     * @param idempotencyKey the key the call was sent with
     * @param context for protocol errors
     * @return the model
     */
    public static TransactionStart start(CentiliWire.StartAnswer a, String idempotencyKey, ErrorContext context) {
        String id = requireId(a.transactionId(), context);
        JsonNode actionNode = present(a.action()) ? a.action() : a.operation();
        return new TransactionStart(id, TransactionType.fromWire(a.transactionType()), blankToNull(a.transactionType()),
                a.country(), action(actionNode, context), clientData(a.clientData()), msisdnOrNull(a.msisdn()),
                a.operator(), idempotencyKey);
    }

    /**
     * A PIN answer.
     *
     * @param a the wire answer
     * @param requestedId the id the call was made for, used when the answer omits it
     * @param idempotencyKey the key the call was sent with
     * @return the model
     */
    public static TransactionUpdate update(CentiliWire.UpdateAnswer a, String requestedId, String idempotencyKey) {
        return new TransactionUpdate(idOr(a.transactionId(), requestedId), clientData(a.clientData()),
                idempotencyKey);
    }

    /**
     * A release answer.
     *
     * @param a the wire answer
     * @param requestedId the id the call was made for, used when the answer omits it
     * @param idempotencyKey the key the call was sent with
     * @return the model
     */
    public static CancellationResult cancellation(CentiliWire.UpdateAnswer a, String requestedId,
            String idempotencyKey) {
        return new CancellationResult(idOr(a.transactionId(), requestedId), clientData(a.clientData()),
                idempotencyKey);
    }

    /**
     * A transaction query answer.
     *
     * @param t the wire answer
     * @param requestedId the id the call was made for, used when the answer omits it
     * @param zone the zone of zone-less times
     * @param context for protocol errors
     * @return the model
     * @throws DcbProtocolException when a present number or time is unreadable or out of range
     */
    public static Transaction transaction(CentiliWire.TransactionDto t, String requestedId, ZoneId zone,
            ErrorContext context) {
        String id = idOr(t.transactionId(), requestedId);
        CentiliWire.ItemDto i = t.item();
        Item item = i == null ? null : new Item(decimal("item.amount", i.amount(), context),
                decimal("item.price", i.price(), context), i.name(), blankToNull(i.currency()));
        return new Transaction(id, TransactionType.fromWire(t.transactionType()), blankToNull(t.transactionType()),
                t.country(), item, NotificationStatus.fromWire(t.notificationStatus()),
                blankToNull(t.notificationStatus()), blankToNull(t.subscriber()), time(t.timeCharged(), zone, context),
                blankToNull(t.timeCharged()), TransactionStatus.fromWire(t.transactionStatus()),
                blankToNull(t.transactionStatus()), clientData(t.clientData()), t.serviceKey(),
                blankToNull(t.error()), t.operator());
    }

    /**
     * Reads the action object (or a bare type string) into a typed action.
     *
     * @param node the {@code action} or {@code operation} value, or null
     * @param context for protocol errors
     * @return the action, or null when there is none
     */
    public static TransactionAction action(JsonNode node, ErrorContext context) {
        if (!present(node)) {
            return null;
        }
        CentiliWire.ActionDto a;
        if (node.isTextual()) {
            a = new CentiliWire.ActionDto(null, null, null, node.asText(), null, null, null);
        } else if (node.isObject()) {
            a = plainAction(node);
            if (a == null) {
                try {
                    a = Json.mapper().treeToValue(node, CentiliWire.ActionDto.class);
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw new DcbProtocolException("unreadable action object in the transaction answer", context,
                            null);
                }
            }
        } else {
            throw new DcbProtocolException("the transaction answer's action is neither an object nor a type",
                    context, null);
        }
        String raw = blankToNull(a.type());
        String instruction = blankToNull(a.userInstruction());
        String kind = raw == null ? inferKind(a) : raw.toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (kind) {
            case "PIN", "PIN_ENTRY", "ENTER_PIN", "OTP", "PIN_VERIFICATION" ->
                    new TransactionAction.PinEntry(raw, instruction);
            case "MO", "SMS_MO", "MO_SMS", "SMS" ->
                    new TransactionAction.MobileOriginated(raw, blankToNull(a.shortcode()),
                            blankToNull(a.keyword()), instruction);
            case "URL_REDIRECT", "REDIRECT", "URL", "WAP" -> blankToNull(a.urlRedirect()) == null
                    ? new TransactionAction.Unrecognised(raw, instruction, null, a.shortcode(), a.keyword())
                    : new TransactionAction.UrlRedirect(raw, a.urlRedirect(), blankToNull(a.urlReturn()),
                            instruction);
            case "SIMTCHA", "CAPTCHA" -> simtcha(raw, a, instruction);
            case "" -> null;
            default -> new TransactionAction.Unrecognised(raw, instruction, blankToNull(a.urlRedirect()),
                    blankToNull(a.shortcode()), blankToNull(a.keyword()));
        };
    }

    /** The text fields of {@link CentiliWire.ActionDto}, read from a tree without a data binding per answer. */
    private static final List<String> ACTION_TEXTS = List.of("userInstruction", "urlRedirect", "type", "shortcode",
            "keyword", "urlReturn");

    /**
     * The action object read directly when it is the common shape (no {@code simtcha}, every known field text or
     * null), as {@code treeToValue} reads it; null otherwise, for the data binding to read (or refuse).
     */
    static CentiliWire.ActionDto plainAction(JsonNode node) {
        JsonNode simtcha = node.get("simtcha");
        if (simtcha != null && !simtcha.isNull()) {
            return null;
        }
        for (String name : ACTION_TEXTS) {
            JsonNode v = node.get(name);
            if (v != null && !v.isNull() && !v.isTextual()) {
                return null;
            }
        }
        return new CentiliWire.ActionDto(null, text(node, "userInstruction"), text(node, "urlRedirect"),
                text(node, "type"), text(node, "shortcode"), text(node, "keyword"), text(node, "urlReturn"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.textValue();
    }

    /** An action without a type: guess from the fields present; none when nothing is there. */
    private static String inferKind(CentiliWire.ActionDto a) {
        if (blankToNull(a.urlRedirect()) != null) {
            return "URL_REDIRECT";
        }
        if (blankToNull(a.shortcode()) != null || blankToNull(a.keyword()) != null) {
            return "MO";
        }
        if (a.simtcha() != null) {
            return "SIMTCHA";
        }
        return "";
    }

    private static TransactionAction simtcha(String raw, CentiliWire.ActionDto a, String instruction) {
        CentiliWire.SimtchaDto s = a.simtcha();
        List<TransactionAction.SimtchaAnswer> answers = s == null || s.answers() == null ? List.of()
                : s.answers().stream().filter(x -> x != null)
                        .map(x -> new TransactionAction.SimtchaAnswer(x.answerId(), x.imageUrl())).toList();
        return new TransactionAction.Simtcha(raw, s == null ? null : s.imageURL(), answers, instruction);
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode()
                && !(node.isTextual() && node.asText().isBlank()) && !(node.isObject() && node.isEmpty());
    }

    private static ClientData clientData(CentiliWire.ClientDataDto c) {
        if (c == null) {
            return null;
        }
        CentiliWire.PageCustomizationDto p = c.pageCustomization();
        return new ClientData(c.clientUserId(),
                p == null ? null : new PageCustomization(p.itemName(), p.designId(), p.language()),
                c.clientReference(), c.returnURL());
    }

    /** The answer's transaction id, or the requested one when the answer omits it. */
    private static String idOr(String answered, String requestedId) {
        return answered == null || answered.isBlank() ? requestedId : answered;
    }

    private static String requireId(String id, ErrorContext context) {
        if (id == null || id.isBlank()) {
            throw new DcbProtocolException("the answer has no transactionId", context, null);
        }
        return id;
    }

    /**
     * A decimal sent as text (Centili's numbers are strings), bounded.
     *
     * @param field the wire name, for the message
     * @param s the text
     * @param context for the exception
     * @return the number; null when absent or blank
     * @throws DcbProtocolException naming the field when present but not a number or out of range
     */
    public static BigDecimal decimal(String field, String s, ErrorContext context) {
        try {
            return Decimals.parseOrNull(s);
        } catch (NumberFormatException e) {
            throw new DcbProtocolException("'" + field + "' " + e.getMessage(), context, null);
        }
    }

    /**
     * A time: {@code 2017-08-16 11:41:08} in {@code zone}, ISO-8601 with any offset spelling, or epoch
     * milliseconds.
     *
     * @param s the text
     * @param zone the zone of zone-less times
     * @param context for the exception
     * @return the instant; null when absent or blank
     * @throws DcbProtocolException when present text is not a time: a time is never dropped silently
     */
    public static Instant time(String s, ZoneId zone, ErrorContext context) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.strip();
        if (!v.isEmpty() && v.length() <= 15 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Instant.ofEpochMilli(Long.parseLong(v));
        }
        try {
            return Timestamps.parse(v, zone);
        } catch (IllegalArgumentException e) {
            throw new DcbProtocolException("'timeCharged' is not a time", context, null);
        }
    }

    /**
     * An MSISDN, or null when absent or not a valid one.
     *
     * @param s the text
     * @return the MSISDN or null
     */
    public static Msisdn msisdnOrNull(String s) {
        return s != null && Msisdn.isValid(s) ? Msisdn.of(s) : null;
    }

    /**
     * Null for blank text.
     *
     * @param s the text
     * @return the text or null
     */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * The charge state of a queried transaction.
     *
     * @param t the transaction
     * @return COMPLETED: SUCCEEDED; PENDING: PENDING_VALIDATION; FAILED: DENIED; CANCELLED: CANCELLED; no status:
     *     DENIED when an error is given, else PROCESSING; an unknown status: DENIED when an error is given, else
     *     UNKNOWN
     */
    public static ChargeState chargeState(Transaction t) {
        TransactionStatus s = t.transactionStatus();
        if (s == null) {
            return t.error() != null ? ChargeState.DENIED : ChargeState.PROCESSING;
        }
        return switch (s) {
            case COMPLETED -> ChargeState.SUCCEEDED;
            case PENDING -> ChargeState.PENDING_VALIDATION;
            case FAILED -> ChargeState.DENIED;
            case CANCELLED -> ChargeState.CANCELLED;
            case UNKNOWN -> t.error() != null ? ChargeState.DENIED : ChargeState.UNKNOWN;
        };
    }

    /**
     * The subscription state of a queried transaction.
     *
     * @param t the transaction
     * @return ACTIVE for a completed start or renewal, CANCELLED for a completed opt-out or refund and for failed or
     *     cancelled transactions, PENDING while pending, UNKNOWN for unknown values
     */
    public static SubscriptionState subscriptionState(Transaction t) {
        ChargeState c = chargeState(t);
        return switch (c) {
            case SUCCEEDED -> t.transactionType() == TransactionType.OPT_OUT
                    || t.transactionType() == TransactionType.REFUND ? SubscriptionState.CANCELLED
                    : SubscriptionState.ACTIVE;
            case PENDING_VALIDATION, RESERVED, PROCESSING -> SubscriptionState.PENDING;
            case DENIED, CANCELLED -> SubscriptionState.CANCELLED;
            case UNKNOWN -> SubscriptionState.UNKNOWN;
        };
    }

    /**
     * Why a transaction failed, read from its {@code error} text (the document gives no codes; matching is
     * by keyword and falls back to BILLING_FAILED).
     *
     * @param error the error text, or null
     * @return the reason
     */
    public static FailureReason failureReason(String error) {
        if (error == null) {
            return FailureReason.BILLING_FAILED;
        }
        String e = error.toUpperCase(Locale.ROOT);
        if (e.contains("INSUFFICIENT") || e.contains("BALANCE") || e.contains("CREDIT") || e.contains("FUNDS")) {
            return FailureReason.INSUFFICIENT_FUNDS;
        }
        if (e.contains("LIMIT")) {
            return FailureReason.SPEND_LIMIT;
        }
        if (e.contains("BARRED") || e.contains("BLOCKED") || e.contains("BLACKLIST")) {
            return FailureReason.BARRED;
        }
        if (e.contains("UNKNOWN_SUBSCRIBER") || e.contains("UNKNOWN SUBSCRIBER") || e.contains("INVALID_MSISDN")
                || e.contains("SUBSCRIBER_NOT_FOUND")) {
            return FailureReason.UNKNOWN_SUBSCRIBER;
        }
        if (e.contains("DENIED") || e.contains("REJECT") || e.contains("CANCEL")) {
            return FailureReason.DENIED;
        }
        return FailureReason.BILLING_FAILED;
    }
}
