package io.dcb4j.camara.internal;

import io.dcb4j.camara.model.ChargingMetaData;
import io.dcb4j.camara.model.Page;
import io.dcb4j.camara.model.Payment;
import io.dcb4j.camara.model.PaymentItem;
import io.dcb4j.camara.model.PaymentRequest;
import io.dcb4j.camara.model.PaymentStatus;
import io.dcb4j.camara.model.Refund;
import io.dcb4j.camara.model.RefundItem;
import io.dcb4j.camara.model.RefundRequest;
import io.dcb4j.camara.model.RefundStatus;
import io.dcb4j.camara.model.RefundType;
import io.dcb4j.camara.model.RemainingAmount;
import io.dcb4j.camara.model.SinkCredential;
import io.dcb4j.camara.model.ValidationAction;
import io.dcb4j.camara.model.ValidationInfo;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.RefundRef;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RefundState;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.support.Decimals;
import io.dcb4j.core.spi.support.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Converts between CAMARA's wire records and the model: requests to their bodies, answers to payments,
 * refunds, pages and the remaining amount, statuses to neutral states, RFC 3339 dates (which must carry an
 * offset) to instants. Internal.
 */
public final class CamaraMapper {

    /** The only sink credential type the specification supports. */
    public static final String ACCESSTOKEN = "ACCESSTOKEN";

    private CamaraMapper() {
    }

    // ---------------------------------------------------------------- requests

    /**
     * The body of {@code createPayment} and {@code preparePayment}.
     *
     * @param r the request
     * @param phoneNumber the phone number to send, or null to leave it out (three-legged access)
     * @param clientCorrelator the idempotency key to send
     * @param sink the sink (the request's, else the client's), or null
     * @param credential its credential, or null
     * @return the body
     */
    public static CamaraWire.CreatePayment paymentBody(PaymentRequest r, Msisdn phoneNumber, String clientCorrelator,
            String sink, SinkCredential credential) {
        Money amount = r.amount();
        List<CamaraWire.PaymentItem> items = r.paymentDetails().isEmpty() ? null : r.paymentDetails().stream()
                .map(i -> new CamaraWire.PaymentItem(i.id(), plain(i.amount().amount()), code(i.amount()),
                        i.description(), i.taxIncluded(), plain(i.taxAmount())))
                .toList();
        CamaraWire.PaymentAmount paymentAmount = new CamaraWire.PaymentAmount(
                new CamaraWire.ChargingInformation(plain(amount.amount()), code(amount), r.description(),
                        r.taxIncluded(), plain(r.taxAmount())),
                metaData(r.metaData()), items);
        CamaraWire.AmountTransaction tx = new CamaraWire.AmountTransaction(e164(phoneNumber), clientCorrelator,
                paymentAmount, r.referenceCode(), null, null);
        return new CamaraWire.CreatePayment(tx, sink, sinkCredential(credential));
    }

    /**
     * The body of {@code createRefund}.
     *
     * @param r the request
     * @param clientCorrelator the idempotency key to send
     * @param sink the sink (the request's, else the client's), or null
     * @param credential its credential, or null
     * @return the body
     */
    public static CamaraWire.CreateRefund refundBody(RefundRequest r, String clientCorrelator, String sink,
            SinkCredential credential) {
        CamaraWire.ChargingMetaData meta = r.merchantIdentifier() == null ? null
                : new CamaraWire.ChargingMetaData(null, r.merchantIdentifier(), null, null, null, null, null);
        CamaraWire.RefundAmount amount;
        if (r.type() == RefundType.TOTAL) {
            amount = new CamaraWire.RefundAmount(null, meta, null);
        } else {
            List<CamaraWire.RefundItem> items = r.refundDetails().isEmpty() ? null : r.refundDetails().stream()
                    .map(i -> new CamaraWire.RefundItem(i.paymentItemId(), plain(i.amount().amount()),
                            code(i.amount()), i.description(), i.taxIncluded(), plain(i.taxAmount())))
                    .toList();
            amount = new CamaraWire.RefundAmount(new CamaraWire.ChargingInformation(plain(r.amount().amount()),
                    code(r.amount()), r.description(), r.taxIncluded(), plain(r.taxAmount())), meta, items);
        }
        return new CamaraWire.CreateRefund(r.type().wireValue(), r.reason(),
                new CamaraWire.RefundTransaction(clientCorrelator, amount, r.referenceCode()), sink,
                sinkCredential(credential));
    }

    /**
     * A phone number as the specification writes it: E.164 with a leading {@code +}.
     *
     * @param msisdn the number, or null
     * @return for example {@code +34671999000}, or null
     */
    public static String e164(Msisdn msisdn) {
        return msisdn == null ? null : "+" + msisdn.digits();
    }

    private static CamaraWire.SinkCredential sinkCredential(SinkCredential c) {
        return c == null ? null : new CamaraWire.SinkCredential(ACCESSTOKEN, c.accessToken(), rfc3339(c.expiresAt()),
                "bearer");
    }

    private static CamaraWire.ChargingMetaData metaData(ChargingMetaData m) {
        return m == null ? null : new CamaraWire.ChargingMetaData(m.merchantName(), m.merchantIdentifier(),
                plain(m.fee()), m.purchaseCategoryCode(), m.channel(), m.serviceId(), m.productId());
    }

    /**
     * An instant as RFC 3339 in UTC.
     *
     * @param instant the instant
     * @return for example {@code 2024-03-01T08:00:00Z}, as {@link Instant#toString()} writes it
     */
    public static String rfc3339(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND_OF_YEAR_0 || seconds > LAST_SECOND_OF_YEAR_9999) {
            return instant.toString();
        }
        // what ISO_INSTANT writes for a four-digit year, written digit by digit: the JDK's formatter took a tenth
        // of a notification's parsing
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        char[] c = new char[30];
        writeDigits(c, 0, 4, date.getYear());
        c[4] = '-';
        writeDigits(c, 5, 2, date.getMonthValue());
        c[7] = '-';
        writeDigits(c, 8, 2, date.getDayOfMonth());
        c[10] = 'T';
        writeDigits(c, 11, 2, secondOfDay / 3600);
        c[13] = ':';
        writeDigits(c, 14, 2, secondOfDay / 60 % 60);
        c[16] = ':';
        writeDigits(c, 17, 2, secondOfDay % 60);
        int n = 19;
        int nanos = instant.getNano();
        if (nanos > 0) {
            // milliseconds, microseconds or nanoseconds: the fewest groups of three digits that hold it
            c[n++] = '.';
            int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
            writeDigits(c, n, digits, digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1000 : nanos);
            n += digits;
        }
        c[n++] = 'Z';
        return new String(c, 0, n);
    }

    /**
     * An instant as {@link #rfc3339(Instant)} writes it, given the text it was read from: that text itself when
     * it is written so already ({@code Z}, seconds, and no fraction or the fewest groups of three digits that
     * hold it, as operators mostly send it), which spares writing it again.
     *
     * @param instant the instant
     * @param read the text {@link #date} read it from, or null
     * @return the text
     */
    public static String rfc3339(Instant instant, String read) {
        return read != null && writtenAsRfc3339(read) ? read : rfc3339(instant);
    }

    /** Whether a date is in the form {@link #rfc3339(Instant)} writes, so that it reads and writes back the same. */
    private static boolean writtenAsRfc3339(String s) {
        int n = s.length();
        if (n != 20 && n != 24 && n != 27 && n != 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-'
                || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':'
                || (digits(s, 0, 4) | digits(s, 5, 2) | digits(s, 8, 2) | digits(s, 11, 2) | digits(s, 14, 2)
                        | digits(s, 17, 2)) < 0) {
            return false;
        }
        // a fraction: its last group of three digits not all zero, or it would be written shorter
        return n == 20 || s.charAt(19) == '.' && digits(s, 20, n - 21) >= 0 && digits(s, n - 4, 3) > 0;
    }

    /** {@code 0000-01-01T00:00:00Z}. */
    private static final long FIRST_SECOND_OF_YEAR_0 = -62_167_219_200L;
    /** {@code 9999-12-31T23:59:59Z}. */
    private static final long LAST_SECOND_OF_YEAR_9999 = 253_402_300_799L;

    private static void writeDigits(char[] c, int from, int count, int value) {
        int v = value;
        for (int i = from + count - 1; i >= from; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }

    /** A decimal the JSON writer writes without an exponent. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static String code(Money money) {
        return money.currency().getCurrencyCode();
    }

    // ---------------------------------------------------------------- answers

    /**
     * Maps a payment answer.
     *
     * @param p the answer
     * @param context the call's context, for protocol errors
     * @return the payment
     * @throws DcbProtocolException when the id, the status or the amount is missing or malformed
     */
    public static Payment payment(CamaraWire.Payment p, ErrorContext context) {
        if (p == null) {
            throw new DcbProtocolException("answer is not a payment", context, null);
        }
        String id = text(p.paymentId());
        if (id == null) {
            throw new DcbProtocolException("payment answer has no 'paymentId'", context, null);
        }
        String rawStatus = text(p.paymentStatus());
        if (rawStatus == null) {
            throw new DcbProtocolException("payment answer has no 'paymentStatus'", context, null);
        }
        CamaraWire.AmountTransaction tx = p.amountTransaction();
        if (tx == null || tx.paymentAmount() == null || tx.paymentAmount().chargingInformation() == null) {
            throw new DcbProtocolException("payment answer has no 'amountTransaction.paymentAmount"
                    + ".chargingInformation'", context, null);
        }
        CamaraWire.ChargingInformation info = tx.paymentAmount().chargingInformation();
        Money amount = money("chargingInformation", info.amount(), info.currency(), context);
        List<PaymentItem> items = new ArrayList<>();
        if (tx.paymentAmount().paymentDetails() != null) {
            for (CamaraWire.PaymentItem i : tx.paymentAmount().paymentDetails()) {
                if (i == null || text(i.id()) == null || text(i.description()) == null) {
                    throw new DcbProtocolException("a payment item has no 'id' or 'description'", context, null);
                }
                items.add(new PaymentItem(i.id(), money("paymentDetails", i.amount(), i.currency(), context),
                        i.description(), i.isTaxIncluded(), i.taxAmount()));
            }
        }
        CamaraWire.ValidationInfo v = p.validationInfo();
        ValidationInfo validation = v == null ? null : new ValidationInfo(ValidationAction.of(v.action()),
                text(v.action()), text(v.authorizationId()), text(v.validationUrl()));
        return new Payment(id, PaymentStatus.of(rawStatus), rawStatus, phone(tx.phoneNumber()),
                text(tx.clientCorrelator()), amount, text(info.description()), info.isTaxIncluded(), info.taxAmount(),
                metaData(tx.paymentAmount().chargingMetaData()), items, text(tx.referenceCode()),
                text(tx.resourceUrl()), text(tx.serverReferenceCode()),
                date("paymentCreationDate", p.paymentCreationDate(), context),
                date("paymentDate", p.paymentDate(), context), text(p.sink()), validation);
    }

    private static ChargingMetaData metaData(CamaraWire.ChargingMetaData m) {
        return m == null ? null : new ChargingMetaData(text(m.merchantName()), text(m.merchantIdentifier()), m.fee(),
                text(m.purchaseCategoryCode()), text(m.channel()), text(m.serviceId()), text(m.productId()));
    }

    /**
     * Maps a refund answer.
     *
     * @param r the answer
     * @param paymentId the refunded payment (from the call's path)
     * @param context the call's context, for protocol errors
     * @return the refund
     * @throws DcbProtocolException when the id, the status or the type is missing or malformed
     */
    public static Refund refund(CamaraWire.Refund r, String paymentId, ErrorContext context) {
        if (r == null) {
            throw new DcbProtocolException("answer is not a refund", context, null);
        }
        String id = text(r.refundId());
        if (id == null) {
            throw new DcbProtocolException("refund answer has no 'refundId'", context, null);
        }
        String rawStatus = text(r.refundStatus());
        if (rawStatus == null) {
            throw new DcbProtocolException("refund answer has no 'refundStatus'", context, null);
        }
        RefundType type;
        try {
            type = RefundType.of(r.type());
        } catch (IllegalArgumentException e) {
            throw new DcbProtocolException("refund answer's 'type' is neither total nor partial", context, null);
        }
        CamaraWire.RefundTransaction tx = r.amountTransaction();
        CamaraWire.RefundAmount amount = tx == null ? null : tx.refundAmount();
        CamaraWire.ChargingInformation info = amount == null ? null : amount.chargingInformation();
        List<RefundItem> items = new ArrayList<>();
        if (amount != null && amount.refundDetails() != null) {
            for (CamaraWire.RefundItem i : amount.refundDetails()) {
                if (i == null || text(i.paymentItemId()) == null || text(i.description()) == null) {
                    throw new DcbProtocolException("a refund item has no 'paymentItemId' or 'description'", context,
                            null);
                }
                items.add(new RefundItem(i.paymentItemId(), money("refundDetails", i.amount(), i.currency(), context),
                        i.description(), i.isTaxIncluded(), i.taxAmount()));
            }
        }
        return new Refund(id, paymentId, RefundStatus.of(rawStatus), rawStatus, type,
                tx == null ? null : text(tx.clientCorrelator()), tx == null ? null : text(tx.referenceCode()),
                info == null ? null : money("chargingInformation", info.amount(), info.currency(), context),
                info == null ? null : text(info.description()), info == null ? null : info.isTaxIncluded(),
                info == null ? null : info.taxAmount(),
                amount == null || amount.chargingMetaData() == null ? null
                        : text(amount.chargingMetaData().merchantIdentifier()),
                items, date("refundCreationDate", r.refundCreationDate(), context),
                date("refundDate", r.refundDate(), context), text(r.reason()), text(r.sink()));
    }

    /**
     * Maps the remaining amount answer.
     *
     * @param r the answer
     * @param context the call's context
     * @return the remaining amount
     * @throws DcbProtocolException when the amount or currency is missing or malformed, or negative
     */
    public static RemainingAmount remaining(CamaraWire.RemainingAmount r, ErrorContext context) {
        Money amount = money("remaining", r.amount(), r.currency(), context);
        if (amount.amount().signum() < 0) {
            throw new DcbProtocolException("remaining amount is negative", context, null);
        }
        return new RemainingAmount(amount, text(r.description()), r.isTaxIncluded(), r.taxAmount());
    }

    /**
     * Maps a listing: the array body and the {@code X-Total-Count} and {@code Content-Last-Key} headers.
     *
     * @param response the answer
     * @param type the wire type of the items
     * @param item how to map one item
     * @param page the page asked for, or null for the default (1)
     * @param perPage the size asked for, or null for the default (10)
     * @param <W> the wire type
     * @param <T> the model type
     * @return the page
     * @throws DcbProtocolException when the body is not an array or a header is not a number
     */
    public static <W, T> Page<T> page(ApiResponse response, Class<W[]> type, Function<W, T> item, Integer page,
            Integer perPage) {
        com.fasterxml.jackson.databind.JsonNode tree = response.jsonTree();
        if (!tree.isArray()) {
            throw new DcbProtocolException("listing answer is not a JSON array", response.context(), null);
        }
        W[] wire = response.json(type);
        List<T> items = new ArrayList<>(wire.length);
        for (W w : wire) {
            items.add(item.apply(w));
        }
        return new Page<>(items, page == null ? 1 : page, perPage == null ? 10 : perPage,
                header(response, "X-Total-Count"), header(response, "Content-Last-Key"));
    }

    private static Integer header(ApiResponse response, String name) {
        String v = response.header(name).map(String::strip).orElse(null);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new DcbProtocolException("header '" + name + "' is not a count", response.context(), null);
        }
    }

    // ---------------------------------------------------------------- neutral

    /**
     * A payment's status in neutral terms.
     *
     * @param status the status
     * @return the neutral state
     */
    public static ChargeState chargeState(PaymentStatus status) {
        return switch (status) {
            case PROCESSING -> ChargeState.PROCESSING;
            case PENDING_VALIDATION -> ChargeState.PENDING_VALIDATION;
            case RESERVED -> ChargeState.RESERVED;
            case SUCCEEDED -> ChargeState.SUCCEEDED;
            case DENIED -> ChargeState.DENIED;
            case CANCELLED -> ChargeState.CANCELLED;
            case UNKNOWN -> ChargeState.UNKNOWN;
        };
    }

    /**
     * A refund's status in neutral terms.
     *
     * @param status the status
     * @return the neutral state
     */
    public static RefundState refundState(RefundStatus status) {
        return switch (status) {
            case PROCESSING -> RefundState.PROCESSING;
            case SUCCEEDED -> RefundState.SUCCEEDED;
            case DENIED -> RefundState.DENIED;
            case UNKNOWN -> RefundState.UNKNOWN;
        };
    }

    /**
     * Why a payment was denied, from the operator's text (the specification leaves reasons to each operator):
     * insufficient balance, credit or funds; else DENIED.
     *
     * @param text the denial reason or error message, or null
     * @return the reason
     */
    public static FailureReason failureReason(String text) {
        return mentionsFunds(text) ? FailureReason.INSUFFICIENT_FUNDS : FailureReason.DENIED;
    }

    /**
     * Whether an operator's text says the subscriber lacks balance, credit or funds.
     *
     * @param text the text, or null
     * @return true when it does
     */
    public static boolean mentionsFunds(String text) {
        if (text == null) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("insufficient") || t.contains("balance") || t.contains("funds")
                || t.contains("not enough credit") || t.contains("no credit");
    }

    /**
     * A payment as a neutral charge result. A prepared payment waiting for a code carries its {@code
     * authorizationId} in the details, which {@code ChargeConfirmations.confirm} reads back.
     *
     * @param p the payment
     * @return the result
     */
    public static ChargeResult chargeResult(Payment p) {
        ChargeState state = chargeState(p.status());
        NextAction next = NextAction.none();
        ValidationInfo v = p.validationInfo();
        if (state == ChargeState.PENDING_VALIDATION && v != null) {
            if (v.action() == ValidationAction.VALIDATE) {
                next = new NextAction.EnterPin("Enter the code sent to you to validate the payment");
            } else if (v.action() == ValidationAction.OPEN && v.validationUrl() != null) {
                next = new NextAction.Redirect(v.validationUrl(), null, null);
            } else {
                next = new NextAction.Unknown(v.rawAction() == null ? "validation" : v.rawAction(), null);
            }
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("paymentId", p.paymentId());
        d.put("paymentStatus", p.rawStatus());
        d.put("clientCorrelator", p.clientCorrelator());
        d.put("referenceCode", p.referenceCode());
        d.put("serverReferenceCode", p.serverReferenceCode());
        d.put("resourceURL", p.resourceUrl());
        d.put("paymentCreationDate", p.createdAt() == null ? null : p.createdAt().toString());
        d.put("paymentDate", p.paidAt() == null ? null : p.paidAt().toString());
        if (v != null) {
            d.put("validationAction", v.rawAction());
            d.put("authorizationId", v.authorizationId());
        }
        return new ChargeResult(ChargeRef.of(p.paymentId()), state, p.rawStatus(), p.amount(), next,
                state == ChargeState.DENIED ? FailureReason.DENIED : null, d);
    }

    /**
     * A refund as a neutral refund result.
     *
     * @param r the refund
     * @return the result
     */
    public static RefundResult refundResult(Refund r) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("refundId", r.refundId());
        d.put("paymentId", r.paymentId());
        d.put("refundStatus", r.rawStatus());
        d.put("type", r.type().wireValue());
        d.put("clientCorrelator", r.clientCorrelator());
        d.put("referenceCode", r.referenceCode());
        d.put("reason", r.reason());
        d.put("refundCreationDate", r.createdAt() == null ? null : r.createdAt().toString());
        d.put("refundDate", r.refundedAt() == null ? null : r.refundedAt().toString());
        return new RefundResult(RefundRef.of(ChargeRef.of(r.paymentId()), r.refundId()), refundState(r.status()),
                r.rawStatus(), r.amount(), d);
    }

    // ---------------------------------------------------------------- values

    /**
     * An RFC 3339 date, which must carry an offset.
     *
     * @param field the field, for the exception
     * @param raw the text, or null
     * @param context the call's context
     * @return the instant, or null when absent
     * @throws DcbProtocolException when present but not an RFC 3339 date with an offset
     */
    public static Instant date(String field, String raw, ErrorContext context) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        Instant common = commonDate(s);
        if (common != null) {
            return common;
        }
        char last = s.charAt(s.length() - 1);
        boolean offset = last == 'Z' || last == 'z' || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10;
        try {
            if (!offset) {
                throw new IllegalArgumentException("no offset");
            }
            return Timestamps.parse(s, ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            throw new DcbProtocolException("'" + field + "' is not an RFC 3339 date with an offset", context, null);
        }
    }

    /**
     * The form nearly every RFC 3339 date has, read digit by digit (the general reader's formatter costs more
     * than the rest of a notification): {@code yyyy-MM-ddTHH:mm:ss}, optionally {@code .} and 1 to 9 digits,
     * then {@code Z} or {@code +HH:MM} / {@code -HH:MM} with offset hours below 18. Null for any other text,
     * including an impossible date or time (30 February, hour 24, second 60): {@link Timestamps#parse} then
     * decides, so this accepts nothing that it refuses and reads nothing differently.
     *
     * @param s the stripped text
     * @return the instant, or null when the text has another form
     */
    static Instant commonDate(String s) {
        int n = s.length();
        if (n < 20 || n > 35 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > Month.of(month).length(Year.isLeap(year)) || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int length = i - start;
            if (length < 1 || length > 9) {
                return null;
            }
            for (int k = length; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i >= n) {
            return null;
        }
        char sign = s.charAt(i);
        int offset;
        if (sign == 'Z' && i == n - 1) {
            offset = 0;
        } else if ((sign == '+' || sign == '-') && i == n - 6 && s.charAt(i + 3) == ':') {
            int offsetHours = digits(s, i + 1, 2);
            int offsetMinutes = digits(s, i + 4, 2);
            if ((offsetHours | offsetMinutes) < 0 || offsetHours > 17 || offsetMinutes > 59) {
                return null;
            }
            offset = (offsetHours * 3600 + offsetMinutes * 60) * (sign == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second - offset, nanos);
    }

    /** The value of {@code count} ASCII digits at {@code from}; -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * An amount and its currency.
     *
     * @param field the field, for the exception
     * @param amount the amount, or null
     * @param currency the ISO 4217 code, or null
     * @param context the call's context
     * @return the money
     * @throws DcbProtocolException when either is missing or malformed
     */
    public static Money money(String field, BigDecimal amount, String currency, ErrorContext context) {
        if (amount == null || text(currency) == null) {
            throw new DcbProtocolException("'" + field + "' has no amount or currency", context, null);
        }
        try {
            return Money.of(Decimals.requireWithinBounds(amount), Money.currency(currency));
        } catch (IllegalArgumentException e) {
            throw new DcbProtocolException("'" + field + "' has an unknown currency or an amount out of range",
                    context, null);
        }
    }

    /**
     * A phone number from an answer; an unreadable one is left out rather than failing the call.
     *
     * @param raw the text, or null
     * @return the number, or null
     */
    public static Msisdn phone(String raw) {
        String s = text(raw);
        return s != null && Msisdn.isValid(s) ? Msisdn.of(s) : null;
    }

    /**
     * Text, blank as absent.
     *
     * @param raw the text, or null
     * @return the stripped text, or null
     */
    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        return s.isEmpty() ? null : s;
    }
}
