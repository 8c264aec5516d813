package io.dcb4j.testkit.eclipsevas;

import io.dcb4j.core.spi.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulator's catalogue answers, after the Eclipse VAS document's examples. */
final class SimCatalog {

    private SimCatalog() {
    }

    private static final String[][] VODACOM = {
        {"SMS", "VS02", "SMS20"}, {"SMS", "VS03", "SMS50"}, {"SMS", "VS04", "SMS100"},
        {"DATA", "VD11", "DATA75MB"}, {"DATA", "VD12", "DATA240MB"}, {"DATA", "VD13", "DATA400MB"},
        {"DATA", "VD14", "DATA600MB"}, {"AIRTIME", "01", "100 Minutes"}, {"AIRTIME", "03", "500 Minutes"},
        {"AIRTIME", "05", "250 Minutes"}, {"DATA", "VD50", "DATA2.5GB"}, {"DATA", "VD15", "50MB"},
        {"DATA", "VD51", "DATA4.5GB"}, {"DATA", "VD52", "DATA7GB"}, {"DATA", "VD53", "DATA12GB"},
        {"DATA", "VD54", "DATA18GB"}};

    private static final String[][] MTN = {
        {"SMS", "M502", "SMS30"}, {"SMS", "M504", "SMS100"}, {"DATA", "M511", "DATA350MB"},
        {"DATA", "M512", "DATA500MB"}, {"DATA", "M513", "DATA1GB"}, {"DATA", "M514", "DATA2GB"},
        {"AIRTIME", "01", "MTN R30 Call"}, {"AIRTIME", "03", "MTN R60 Call"}, {"AIRTIME", "05", "MTN R180 Call"},
        {"AIRTIME", "11", "MTN R10 Recharge"}, {"AIRTIME", "12", "MTN R15 Call"}, {"AIRTIME", "13", "MTN R5 Call"},
        {"DATA", "M550", "DATA100MB"}, {"AIRTIME", "M500", "MTN Pinless "}, {"DATA", "M515", "50MB"},
        {"DATA", "M551", "DATA3GB"}, {"DATA", "M552", "DATA10GB"}, {"DATA", "M553", "DATA20GB"},
        {"DATA", "M554", "DATA30GB"}};

    /** Vodacom (5) and MTN (4): the Scan to Pay and ACS catalogues. */
    static final String FULL = json(List.of(partner(5, "Vodacom", 1, products(5, VODACOM)),
            partner(4, "MTN", 1, products(4, MTN))));

    /** FrontierWeb Services (20), the first products of the document's answer. */
    static final String FRONTIER = json(List.of(partner(20, "FrontierWebServices", 20, List.of(
            frontier("500", "BE MOBILE 10", "10.00"), frontier("501", "BE MOBILE 20", "20.00"),
            frontier("491", "MASCOM 10", "10.00"), frontier("495", "ORANGE 10", "10.00"),
            frontier("1248", "Utility Token", "0.00")))));

    /** DTB Uganda's local catalogue (21_LOCAL-CATALOG). */
    static final String DTB_UG_LOCAL = json(List.of(partner(21, "DTBUGVasProvider", 21, List.of(
            bill("NWSC", "NWSC water payment"), bill("ETAX", "URA Tax Returns payment"),
            bill("UMEME", "Make UMEME Bill payments")))));

    static String nwsc(String ref, String area) {
        return lookup(21, "DTBUGVasProvider", "NWSC_" + ref, "NWSC", new String[][] {
            {"CustRef", ref}, {"PropertyRef", "21/34/19/175"}, {"CustName", "ROBERT MWESIGYE"}, {"Area", area},
            {"OutstandingBal", "71683"}, {"CustomerError", "NONE"}});
    }

    static String umeme(String ref) {
        return lookup(21, "DTBUGVasProvider", "UMEME_" + ref, "UMEME", new String[][] {
            {"customerRef", ref}, {"customerType", "POSTPAID"}, {"customerName", "BAFUKAWA RONALD"},
            {"statusDescription", "SUCCESS"}, {"balance", "-21103"}, {"statusCode", "0"}, {"credit", "0"}});
    }

    static String ura(String prn) {
        return lookup(21, "DTBUGVasProvider", "ETAX_" + prn, "ETAX", new String[][] {
            {"Prn", prn}, {"Tin", "1001307092"}, {"TaxpayerName", "DAMBAK ENTERPRISES LIMITED"}, {"Amount", "25000"},
            {"ExpiryDt", "08-FEB-24"}, {"StatusCode", "T"}, {"StatusDesc", "RECEIVED AND CREDITED"},
            {"PaymentRegDt", "20-NOV-23"}, {"IsSentToBank", "Y"}});
    }

    static String kra(String prn) {
        return lookup(19, "dtbQueryUtility", "ETAX_" + prn, "ETAX", new String[][] {
            {"SystemCode", "PG"}, {"EslipNumber", prn}, {"PaymentAdviceDate", "2023-06-19T13:25:12"},
            {"TaxpayerPin", "P051094777L"}, {"TaxpayerFullName", "Call Fast Services Limited"},
            {"TotalAmount", "52008620"}});
    }

    static String single(int partnerId, String partnerName, String productId, String productName) {
        Map<String, Object> p = product(partnerId, productId, productName);
        p.put("additionalFields", List.of(msisdnField()));
        return json(List.of(partner(partnerId, partnerName, partnerId, List.of(p))));
    }

    private static String lookup(int partnerId, String partnerName, String productId, String productName,
            String[][] values) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (String[] v : values) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", v[0]);
            f.put("defaultValue", v[1]);
            fields.add(f);
        }
        fields.add(msisdnField());
        Map<String, Object> p = product(partnerId, productId, productName);
        p.put("pinnedProduct", false);
        p.put("additionalFields", fields);
        return json(List.of(partner(partnerId, partnerName, partnerId, List.of(p))));
    }

    private static Map<String, Object> partner(int id, String name, int providerId, List<Map<String, Object>> products) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partnerId", id);
        m.put("partnerName", name);
        m.put("providerId", providerId);
        m.put("products", products);
        return m;
    }

    private static List<Map<String, Object>> products(int partnerId, String[][] rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String[] r : rows) {
            Map<String, Object> p = product(partnerId, r[1], r[2]);
            p.put("productTypeName", r[0]);
            p.put("pinnedProduct", false);
            p.put("additionalFields", List.of(msisdnField()));
            out.add(p);
        }
        return out;
    }

    private static Map<String, Object> product(int partnerId, String productId, String productName) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("partnerId", partnerId);
        p.put("productId", productId);
        p.put("productName", productName);
        return p;
    }

    private static Map<String, Object> frontier(String id, String name, String price) {
        Map<String, Object> p = product(20, id, name);
        p.put("productDescription", name);
        p.put("fixedPriceIncl", new BigDecimal(price));
        p.put("pinnedProduct", false);
        p.put("additionalFields", List.of(msisdnField()));
        return p;
    }

    private static Map<String, Object> bill(String id, String description) {
        Map<String, Object> p = product(21, id, null);
        p.remove("productName");
        p.put("productTypeName", "BILL");
        p.put("productCategory", "BILL");
        p.put("productDescription", description);
        p.put("pinnedProduct", false);
        p.put("additionalFields", List.of(msisdnField()));
        return p;
    }

    private static Map<String, Object> msisdnField() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", "msisdn");
        f.put("title", "Phone number");
        f.put("type", "NUMERIC");
        f.put("regex", "^[0-9]{8,16}$");
        return f;
    }

    private static String json(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }
}
