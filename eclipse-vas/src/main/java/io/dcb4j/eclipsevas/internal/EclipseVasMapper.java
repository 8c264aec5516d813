package io.dcb4j.eclipsevas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.core.spi.json.JsonFields;
import io.dcb4j.core.spi.support.Decimals;
import io.dcb4j.core.spi.support.Redaction;
import io.dcb4j.core.spi.support.Timestamps;
import io.dcb4j.eclipsevas.internal.EclipseVasWire.FieldValue;
import io.dcb4j.eclipsevas.internal.EclipseVasWire.PartnerDto;
import io.dcb4j.eclipsevas.internal.EclipseVasWire.PaymentBody;
import io.dcb4j.eclipsevas.internal.EclipseVasWire.PaymentDto;
import io.dcb4j.eclipsevas.internal.EclipseVasWire.ProductDto;
import io.dcb4j.eclipsevas.internal.EclipseVasWire.ProductFieldDto;
import io.dcb4j.eclipsevas.internal.EclipseVasWire.UpdateBody;
import io.dcb4j.eclipsevas.model.AdditionalField;
import io.dcb4j.eclipsevas.model.Catalog;
import io.dcb4j.eclipsevas.model.CatalogPartner;
import io.dcb4j.eclipsevas.model.CatalogProduct;
import io.dcb4j.eclipsevas.model.ExtraInfo;
import io.dcb4j.eclipsevas.model.KraTaxBill;
import io.dcb4j.eclipsevas.model.NetworkLookup;
import io.dcb4j.eclipsevas.model.NwscBill;
import io.dcb4j.eclipsevas.model.Payment;
import io.dcb4j.eclipsevas.model.PaymentCompletion;
import io.dcb4j.eclipsevas.model.PaymentRequest;
import io.dcb4j.eclipsevas.model.PaymentStatus;
import io.dcb4j.eclipsevas.model.PaymentUpdate;
import io.dcb4j.eclipsevas.model.ProductField;
import io.dcb4j.eclipsevas.model.UmemeAccount;
import io.dcb4j.eclipsevas.model.UraTaxBill;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Eclipse answers to the public model and the model to request bodies: the catalogue, the network look-up,
 * payments and their completion, the neutral charge result, the bill look-up views, timestamps, dates and
 * numbers as Eclipse writes them. Internal.
 */
public final class EclipseVasMapper {

    private static final DateTimeFormatter DD_MMM_YY = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("dd-MMM-yy").toFormatter(Locale.ENGLISH);

    private EclipseVasMapper() {
    }

    /** The initiation body. */
    public static PaymentBody body(PaymentRequest r) {
        return new PaymentBody(fields(r.additionalFields()), r.landingUrl(), r.callbackUrl(), r.externalUniqueId(),
                r.paymentData().value(), r.type(), r.currency() == null ? null : r.currency().getCurrencyCode(),
                r.walletId(), plain(r.amount()), r.description(), r.phone(), r.customFraudChecks());
    }

    /** The update body. */
    public static UpdateBody body(PaymentUpdate u) {
        return new UpdateBody(plain(u.amount()), u.walletId(), u.landingUrl(), u.externalUniqueId());
    }

    /** Avoids exponent notation on the wire ({@code 1E+3}). */
    static BigDecimal plain(BigDecimal v) {
        return v == null || v.scale() >= 0 ? v : v.setScale(0);
    }

    private static List<FieldValue> fields(List<AdditionalField> fields) {
        List<FieldValue> out = new ArrayList<>(fields.size());
        for (AdditionalField f : fields) {
            out.add(new FieldValue(f.id(), f.value()));
        }
        return out;
    }

    /**
     * The network look-up answer: a partner id alone, or an object (the first element of an array) with
     * {@code partnerId} and {@code partnerName}.
     */
    public static NetworkLookup networkLookup(Msisdn msisdn, JsonNode answer) {
        JsonNode tree = answer;
        if (tree.isArray()) {
            tree = tree.size() > 0 ? tree.get(0) : tree;
        }
        Integer partnerId = null;
        String partnerName = null;
        Map<String, String> fields = new LinkedHashMap<>();
        if (tree.isNumber() || tree.isTextual()) {
            partnerId = integer(tree);
            fields.put("partnerId", tree.asText());
        } else if (tree.isObject()) {
            fields.putAll(flatten(tree));
            partnerId = integer(tree.get("partnerId"));
            partnerName = JsonFields.text(tree.get("partnerName")).orElse(null);
        }
        return new NetworkLookup(msisdn, partnerId, partnerName, fields);
    }

    private static Integer integer(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.canConvertToInt() && node.isIntegralNumber()) {
            return node.intValue();
        }
        try {
            return Integer.valueOf(node.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The payment an answer holds.
     *
     * @throws DcbProtocolException when it has no {@code paymentId}
     */
    public static Payment requirePayment(ApiResponse response) {
        Payment payment = payment(response.json(PaymentDto.class), response.context());
        if (payment == null) {
            throw new DcbProtocolException("answer has no paymentId", response.context(), null);
        }
        return payment;
    }

    /** The completion answer: a payment when it is one, otherwise the partner's text. */
    public static PaymentCompletion completion(long paymentId, ApiResponse response) {
        JsonNode tree = response.jsonTreeOrNull();
        if (tree != null && tree.isObject() && tree.hasNonNull("paymentId")) {
            return new PaymentCompletion(paymentId, payment(response.json(PaymentDto.class), response.context()), null);
        }
        String text = tree != null && tree.isTextual() ? tree.asText() : response.text();
        return new PaymentCompletion(paymentId, null, text);
    }

    /**
     * A payment as a neutral charge result.
     *
     * @param payment the payment
     * @param requested the amount asked for, used when the payment states none; null for a status query
     */
    public static ChargeResult chargeResult(Payment payment, Money requested) {
        ChargeState state;
        FailureReason reason = null;
        switch (payment.status()) {
            case PENDING -> state = ChargeState.PROCESSING;
            case SUCCESSFUL -> state = ChargeState.SUCCEEDED;
            case ERROR -> {
                state = ChargeState.DENIED;
                reason = failureReason(payment);
            }
            case EXPIRED -> {
                state = ChargeState.DENIED;
                reason = FailureReason.OTHER;
            }
            case CANCELLED -> state = ChargeState.CANCELLED;
            default -> state = ChargeState.UNKNOWN;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("paymentId", Long.toString(payment.paymentId()));
        details.put("externalUniqueId", payment.externalUniqueId());
        details.put("paymentType", payment.paymentType());
        details.put("customerId", payment.customerId() == null ? null : payment.customerId().toString());
        details.put("walletId", payment.walletId() == null ? null : payment.walletId().toString());
        details.put("fee", payment.fee() == null ? null : payment.fee().toPlainString());
        details.put("created", payment.created() == null ? null : payment.created().toString());
        details.put("gatewayTransactionId", payment.gatewayTransactionId());
        details.put("errorDescription", Redaction.maskDigitRuns(payment.errorDescription()));
        return new ChargeResult(ChargeRef.of(Long.toString(payment.paymentId())), state, payment.rawStatus(),
                payment.money().orElse(requested), null, reason, details);
    }

    /** The catalogue an answer holds; an empty answer is an empty catalogue. */
    public static Catalog catalog(ApiResponse response) {
        if (response.body().length == 0) {
            return new Catalog(List.of());
        }
        return catalog(response.json(PartnerDto[].class));
    }

    private static Catalog catalog(PartnerDto[] partners) {
        List<CatalogPartner> out = new ArrayList<>();
        for (PartnerDto p : partners) {
            if (p == null) {
                continue;
            }
            int partnerId = p.partnerId() == null ? -1 : p.partnerId();
            List<CatalogProduct> products = new ArrayList<>();
            if (p.products() != null) {
                for (ProductDto d : p.products()) {
                    if (d != null && d.productId() != null && !d.productId().isBlank()) {
                        products.add(product(d, partnerId));
                    }
                }
            }
            out.add(new CatalogPartner(partnerId, p.partnerName(), p.providerId(), products));
        }
        return new Catalog(out);
    }

    private static CatalogProduct product(ProductDto d, int partnerId) {
        List<ProductField> fields = new ArrayList<>();
        if (d.additionalFields() != null) {
            for (ProductFieldDto f : d.additionalFields()) {
                if (f != null) {
                    fields.add(new ProductField(f.id(), f.title(), f.type(), f.regex(), f.defaultValue()));
                }
            }
        }
        return new CatalogProduct(d.partnerId() == null ? partnerId : d.partnerId(), d.productId(), d.productName(),
                d.productTypeName(), d.productCategory(), d.productDescription(), d.fixedPriceIncl(),
                Boolean.TRUE.equals(d.pinnedProduct()), fields);
    }

    /**
     * A payment; null when it has no payment id.
     *
     * @throws DcbProtocolException when {@code created} is present but not a timestamp
     */
    public static Payment payment(PaymentDto d, ErrorContext context) {
        if (d.paymentId() == null) {
            return null;
        }
        List<AdditionalField> fields = new ArrayList<>();
        if (d.additionalFields() != null) {
            for (FieldValue f : d.additionalFields()) {
                if (f != null && f.id() != null && !f.id().isBlank()) {
                    fields.add(AdditionalField.of(f.id(), f.value()));
                }
            }
        }
        return new Payment(d.paymentId(), d.externalUniqueId(), PaymentStatus.of(d.status()), d.status(), d.amount(),
                d.fee(), d.currency(), d.description(), fields, texts(d.acceptedCardSchemes()),
                texts(d.acceptedPaymentMechanisms()), d.phone(), d.cardPhone(), d.paymentType(), d.errorDescription(),
                instant("created", d.created(), context), extraInfo(d.extraInfo()), flatten(d.paymentInstrumentInfo()),
                d.paymentReference(), d.walletId(), d.customerId(), d.gatewayTransactionId(),
                flatten(d.paymentTerminalData()));
    }

    private static List<String> texts(List<JsonNode> nodes) {
        List<String> out = new ArrayList<>();
        if (nodes != null) {
            for (JsonNode n : nodes) {
                if (n != null && !n.isNull()) {
                    out.add(n.isValueNode() ? n.asText() : n.toString());
                }
            }
        }
        return out;
    }

    /** {@code extraInfo}: a JSON string holding a JSON object (an object given directly is accepted too). */
    static ExtraInfo extraInfo(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return ExtraInfo.empty();
        }
        String raw = node.isTextual() ? node.asText() : node.toString();
        JsonNode tree = node.isTextual() ? Json.treeOrNull(raw) : node;
        return new ExtraInfo(raw, flatten(tree));
    }

    /** The top-level fields of an object as text; empty for anything else. */
    public static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v != null && !v.isNull()) {
                out.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
        }
        return out;
    }

    /**
     * Why a failed payment failed, read from its {@code errorDescription} (Eclipse gives no failure code):
     * insufficient funds/balance, barred/blocked, limit, unknown subscriber/MSISDN; otherwise billing failed.
     */
    public static FailureReason failureReason(Payment payment) {
        String d = payment.errorDescription() == null ? "" : payment.errorDescription().toLowerCase(Locale.ROOT);
        if (d.contains("insufficient")) {
            return FailureReason.INSUFFICIENT_FUNDS;
        }
        if (d.contains("barred") || d.contains("blocked")) {
            return FailureReason.BARRED;
        }
        if (d.contains("limit")) {
            return FailureReason.SPEND_LIMIT;
        }
        if (d.contains("unknown subscriber") || d.contains("unknown msisdn") || d.contains("invalid msisdn")) {
            return FailureReason.UNKNOWN_SUBSCRIBER;
        }
        return FailureReason.BILLING_FAILED;
    }

    /**
     * A timestamp as Eclipse sends it: ISO-8601 with any offset spelling ({@code Z}, {@code +0000},
     * {@code +00:00}, with or without milliseconds), a local time read as UTC, or epoch seconds or
     * milliseconds.
     *
     * @param field the wire name, for the message
     * @param text the text
     * @param context the call's context
     * @return the instant; null when absent or blank
     * @throws DcbProtocolException naming the field when present text is not a timestamp: a time is never
     *     dropped silently
     */
    public static Instant instant(String field, String text, ErrorContext context) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() <= 15 && allDigits(t)) {
            long n = Long.parseLong(t);
            return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        try {
            return Timestamps.parse(t, ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            throw new DcbProtocolException("'" + field + "' is not a timestamp", context, null);
        }
    }

    private static boolean allDigits(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A bill look-up's number field: commas ignored, bounded.
     *
     * @throws IllegalArgumentException naming the field when present but not a number or out of range
     */
    static BigDecimal decimal(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Decimals.parse(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + field + "' " + e.getMessage());
        }
    }

    /** {@code 08-FEB-24}; an IllegalArgumentException naming the field when present but unreadable. */
    static LocalDate ddMmmYy(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), DD_MMM_YY);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' is not a date of the form dd-MMM-yy");
        }
    }

    /** ISO local date-time; an IllegalArgumentException naming the field when present but unreadable. */
    static LocalDateTime localDateTime(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' is not a date and time");
        }
    }

    private static String v(CatalogProduct p, String id) {
        return p.fieldValue(id).filter(s -> !s.isBlank()).orElse(null);
    }

    // The look-up views throw IllegalArgumentException naming the field when a present date or number is
    // unreadable or out of range; the client turns it into a DcbProtocolException of the look-up.

    /** DTB Kenya tax look-up. */
    public static KraTaxBill kraTaxBill(CatalogProduct p) {
        return new KraTaxBill(p, v(p, "SystemCode"), v(p, "EslipNumber"),
                localDateTime("PaymentAdviceDate", v(p, "PaymentAdviceDate")), v(p, "TaxpayerPin"),
                v(p, "TaxpayerFullName"), decimal("TotalAmount", v(p, "TotalAmount")));
    }

    /** NWSC look-up. */
    public static NwscBill nwscBill(CatalogProduct p) {
        return new NwscBill(p, v(p, "CustRef"), v(p, "PropertyRef"), v(p, "CustName"), v(p, "Area"),
                decimal("OutstandingBal", v(p, "OutstandingBal")), v(p, "CustomerError"));
    }

    /** UMEME look-up. */
    public static UmemeAccount umemeAccount(CatalogProduct p) {
        return new UmemeAccount(p, v(p, "customerRef"), v(p, "customerType"), v(p, "customerName"),
                v(p, "statusDescription"), decimal("balance", v(p, "balance")), v(p, "statusCode"),
                decimal("credit", v(p, "credit")));
    }

    /** URA look-up. */
    public static UraTaxBill uraTaxBill(CatalogProduct p) {
        return new UraTaxBill(p, v(p, "Prn"), v(p, "Tin"), v(p, "TaxpayerName"), decimal("Amount", v(p, "Amount")),
                ddMmmYy("ExpiryDt", v(p, "ExpiryDt")), v(p, "StatusCode"), v(p, "StatusDesc"), v(p, "Currency"),
                ddMmmYy("PaymentRegDt", v(p, "PaymentRegDt")), "Y".equalsIgnoreCase(v(p, "IsSentToBank")));
    }
}
