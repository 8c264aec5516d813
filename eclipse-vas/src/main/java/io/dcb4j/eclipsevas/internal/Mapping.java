package io.dcb4j.eclipsevas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.spi.support.Decimals;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.core.spi.support.Timestamps;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.eclipsevas.internal.WireDtos.FieldValue;
import io.dcb4j.eclipsevas.internal.WireDtos.PartnerDto;
import io.dcb4j.eclipsevas.internal.WireDtos.PaymentBody;
import io.dcb4j.eclipsevas.internal.WireDtos.PaymentDto;
import io.dcb4j.eclipsevas.internal.WireDtos.ProductDto;
import io.dcb4j.eclipsevas.internal.WireDtos.ProductFieldDto;
import io.dcb4j.eclipsevas.internal.WireDtos.UpdateBody;
import io.dcb4j.eclipsevas.model.AdditionalField;
import io.dcb4j.eclipsevas.model.Catalog;
import io.dcb4j.eclipsevas.model.CatalogPartner;
import io.dcb4j.eclipsevas.model.CatalogProduct;
import io.dcb4j.eclipsevas.model.ExtraInfo;
import io.dcb4j.eclipsevas.model.KraTaxBill;
import io.dcb4j.eclipsevas.model.NwscBill;
import io.dcb4j.eclipsevas.model.Payment;
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

/** Wire DTOs to and from the public model. Internal. */
public final class Mapping {

    private static final DateTimeFormatter DD_MMM_YY = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("dd-MMM-yy").toFormatter(Locale.ENGLISH);

    private Mapping() {
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

    /** The catalogue. */
    public static Catalog catalog(PartnerDto[] partners) {
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
        if (t.chars().allMatch(c -> c >= '0' && c <= '9') && t.length() <= 15) {
            long n = Long.parseLong(t);
            return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        try {
            return Timestamps.parse(t, ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            throw new DcbProtocolException("'" + field + "' is not a timestamp", context, null);
        }
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
