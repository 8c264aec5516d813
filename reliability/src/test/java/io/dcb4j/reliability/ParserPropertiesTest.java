package io.dcb4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.b2maoc.notification.B2mAocNotificationParser;
import io.dcb4j.centili.notification.CentiliNotificationParser;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.NotificationSecurity;
import io.dcb4j.eclipsevas.model.CatalogQuery;
import io.dcb4j.eclipsevas.notification.EclipseVasNotificationParser;
import io.dcb4j.eklectic.notification.EklecticNotificationParser;
import io.dcb4j.infomedia.notification.InfomediaNotificationParser;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.StringLength;

/**
 * Property tests for what an attacker or a broken provider controls: every notification parser fed arbitrary
 * query strings and JSON bodies (random text, and structured input built from each provider's own parameter
 * names with hostile values) lets only the documented exceptions out ({@link DcbProtocolException}, {@link
 * NotificationRejectedException}, {@link IllegalArgumentException}): never an NPE, an index or number
 * format error. Valid inputs round-trip. Eclipse {@link CatalogQuery} builders likewise.
 *
 * <p>Every property has a fixed seed, so that the build does not flip when a random seed hits a new input (see
 * {@code junit-platform.properties}); every counterexample they found is also a plain example test in the
 * module that owns the code.
 */
class ParserPropertiesTest {

    static final String KEY = "tenant-callback-key-0123456789";

    static final Map<String, NotificationParser> PARSERS = Map.of(
            "eklectic", EklecticNotificationParser.create(),
            "infomedia", InfomediaNotificationParser.create(),
            "eclipse-vas", EclipseVasNotificationParser.create(),
            "eclipse-vas signed", EclipseVasNotificationParser.builder().secret(KEY).build(),
            "centili", CentiliNotificationParser.create(),
            "b2m-aoc", B2mAocNotificationParser.create());

    /** Each provider's parameter names, and a few foreign ones. */
    static final List<String> NAMES = List.of("action", "subscriptionid", "transaction", "offreid", "offre_id",
            "offerid", "amount", "date", "msisdn", "canal", "currency", "etid", "mx", "mcc", "mnc", "productid", "pt",
            "success", "chargeAmount", "currencyCode", "transactionStatus", "txid", "productDescription",
            "transactionid", "phone", "userid", "country", "mno", "mnocode", "status", "transactiontype", "secret",
            "aocTransID", "spTransID", "subscriptionID", "paymentId", "x", "");

    /** Hostile values: empty, blanks, huge and odd numbers, unicode digits, separators, encodings. */
    static final List<String> VALUES = List.of("", " ", "0", "-1", "1", "2", "3", "5", "24", "25", "31",
            "99999999999999999999999", "1e999999999", "-1e-999999999", "NaN", "Infinity", "0x1F", "1,5", "1.2.3",
            "\u0661\u0662\u0663", "\u0968", "SUB", "UNSUB", "RENEW", "CHARGE", "sub", "success", "failed", "OK", "KO",
            "true", "True", "null", "undefined", "AED", "TND", "EUR", "XXX", "eur", "E", "2022-02-17 15:11:18",
            "0000-00-00 00:00:00", "2022-13-45 25:61:61", "17-02-2022", "+21612345678", "21612345678", "12",
            "1234567890123456789", "%", "%%", "%zz", "%00", "&", "=", "==", "a=b", "\u0000", "\uFFFF", "\uD800",
            "<script>", "'; DROP TABLE", "\n", "\t");

    static void onlyDocumented(Supplier<Object> call) {
        try {
            Touch.deeply(call.get());
        } catch (DcbProtocolException | NotificationRejectedException | IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotNull();
        }
    }

    // ---------------------------------------------------------------- query strings

    @Property(tries = 400, seed = "16180301")
    void arbitraryQueryStringsLetOnlyDocumentedExceptionsOut(@ForAll @StringLength(max = 200) String raw) {
        for (NotificationParser p : PARSERS.values()) {
            onlyDocumented(() -> p.parse(InboundNotification.builder("GET").uri("/cb?" + raw).build()));
            onlyDocumented(() -> p.parse(InboundNotification.builder("POST").uri("/cb").header("Content-Type",
                    "application/x-www-form-urlencoded").body(raw.getBytes(StandardCharsets.UTF_8)).build()));
        }
    }

    @Provide
    Arbitrary<String> structuredQuery() {
        return Arbitraries.randomValue(r -> {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(8);
            for (int i = 0; i < n; i++) {
                sb.append(i == 0 ? "" : "&").append(NAMES.get(r.nextInt(NAMES.size())));
                if (r.nextInt(10) > 0) {
                    String v = VALUES.get(r.nextInt(VALUES.size()));
                    sb.append('=').append(r.nextBoolean() ? URLEncoder.encode(v, StandardCharsets.UTF_8) : v);
                }
            }
            return sb.toString();
        });
    }

    @Property(tries = 1500, seed = "16180302")
    void providerShapedQueryStringsLetOnlyDocumentedExceptionsOut(@ForAll("structuredQuery") String query) {
        for (NotificationParser p : PARSERS.values()) {
            onlyDocumented(() -> p.parse(InboundNotification.get("/cb?" + query)));
        }
    }

    // ---------------------------------------------------------------- JSON bodies

    @Provide
    Arbitrary<String> json() {
        return Arbitraries.randomValue(r -> value(r, 0));
    }

    static final List<String> JSON_KEYS = List.of("paymentId", "externalUniqueId", "status", "amount", "fee",
            "currency", "additionalFields", "phone", "created", "lastModified", "errorDescription", "customerId",
            "walletId", "extraInfo", "id", "value", "transactionid", "msisdn", "aocTransID", "spTransID", "data");

    static String value(Random r, int depth) {
        int kind = depth > 3 ? r.nextInt(5) : r.nextInt(8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> r.nextBoolean() ? "true" : "false";
            case 2 -> List.of("0", "-1", "172565", "1e400", "-0.0", "99999999999999999999999", "1.5", "1E-400",
                    "1e999999999", "-1E+999999999", "1e-999999999", "9223372036854775807", "1e17").get(r.nextInt(13));
            case 3, 4 -> '"' + VALUES.get(r.nextInt(VALUES.size())).replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n").replace("\t", "\\t").replace("\u0000", "\\u0000") + '"';
            case 5 -> {
                StringBuilder sb = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append(value(r, depth + 1));
                }
                yield sb.append(']').toString();
            }
            default -> {
                StringBuilder sb = new StringBuilder("{");
                int n = r.nextInt(7);
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append('"').append(JSON_KEYS.get(r.nextInt(JSON_KEYS.size())))
                            .append("\":").append(value(r, depth + 1));
                }
                yield sb.append('}').toString();
            }
        };
    }

    @Property(tries = 1500, seed = "16180303")
    void arbitraryJsonBodiesLetOnlyDocumentedExceptionsOut(@ForAll("json") String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = HexFormat.of().formatHex(NotificationSecurity.hmacSha256(
                KEY.getBytes(StandardCharsets.UTF_8), bytes));
        for (NotificationParser p : PARSERS.values()) {
            onlyDocumented(() -> p.parse(InboundNotification.builder("POST").uri("/cb")
                    .header("Content-Type", "application/json").header("Eclipse-Signature", signature)
                    .body(bytes).build()));
        }
    }

    @Property(tries = 300, seed = "16180304")
    void arbitraryBytesLetOnlyDocumentedExceptionsOut(@ForAll @StringLength(max = 300) String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (NotificationParser p : PARSERS.values()) {
            onlyDocumented(() -> p.parse(InboundNotification.builder("POST").uri("/cb")
                    .header("Content-Type", "application/json").header("Eclipse-Signature", text).body(bytes).build()));
        }
    }

    // ---------------------------------------------------------------- valid inputs round-trip

    @Property(tries = 300, seed = "16180305")
    void eklecticRenewalsRoundTrip(@ForAll @IntRange(min = 1, max = 999_999_999) int subscription,
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 20) String transaction,
            @ForAll @BigRange(min = "0.001", max = "99999") @Scale(3) BigDecimal amount) {
        String uri = "/cb?action=RENEW&subscriptionid=" + subscription + "&transaction=" + transaction
                + "&offreid=123&amount=" + amount.toPlainString() + "&date=2022-02-17+15:11:18";
        BillingEvent e = PARSERS.get("eklectic").parse(InboundNotification.get(uri));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.RENEWED);
        assertThat(e.subscription().orElseThrow().id()).isEqualTo(Integer.toString(subscription));
        assertThat(e.amount().orElseThrow().amount()).isEqualByComparingTo(amount);
        assertThat(PARSERS.get("eklectic").parse(InboundNotification.get(uri)).eventId()).isEqualTo(e.eventId());
    }

    @Property(tries = 300, seed = "16180306")
    void infomediaChargesRoundTrip(@ForAll @BigRange(min = "0.01", max = "99999") @Scale(2) BigDecimal amount,
            @ForAll @IntRange(min = 10_000_000, max = 999_999_999) int product) {
        String uri = "/cb?msisdn=971500000000&mcc=424&mnc=2&productid=" + product + "&etid=5&chargeAmount="
                + amount.toPlainString() + "&currencyCode=AED&transactionStatus=00&success=1";
        BillingEvent e = PARSERS.get("infomedia").parse(InboundNotification.get(uri));
        assertThat(e.amount().orElseThrow()).isEqualTo(Money.of(amount, Money.currency("AED")));
        assertThat(e.msisdn().orElseThrow().digits()).isEqualTo("971500000000");
    }

    @Property(tries = 300, seed = "16180307")
    void signedEclipseCallbacksRoundTrip(@ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int paymentId,
            @ForAll @BigRange(min = "0.01", max = "9999999") @Scale(2) BigDecimal amount) {
        String body = "{\"paymentId\":" + paymentId + ",\"status\":\"SUCCESSFUL\",\"amount\":" + amount.toPlainString()
                + ",\"currency\":\"UGX\",\"created\":\"2024-03-01T08:00:00.000Z\"}";
        String sig = HexFormat.of().formatHex(NotificationSecurity.hmacSha256(KEY.getBytes(StandardCharsets.UTF_8),
                body.getBytes(StandardCharsets.UTF_8)));
        BillingEvent e = PARSERS.get("eclipse-vas signed").parse(InboundNotification.builder("POST").uri("/cb")
                .header("Eclipse-Signature", sig).body(body.getBytes(StandardCharsets.UTF_8)).build());
        assertThat(e.charge().orElseThrow().id()).isEqualTo(Integer.toString(paymentId));
        assertThat(e.amount().orElseThrow().amount()).isEqualByComparingTo(amount);
        assertThat(e.type()).isEqualTo(BillingEvent.Type.CHARGED);
    }

    // ---------------------------------------------------------------- sweeps over every provider

    /** Huge exponents and numbers, as a callback parameter carries them (percent-encoded or not). */
    static final List<String> HUGE = List.of("1e999999999", "-1E%2B999999999", "1e-999999999", "1E999999999",
            "99999999999999999999999", "9223372036854775808");

    @Example
    void everyParameterOfEveryValidCallbackWithAHugeNumberIsReadBoundedOrRefused() {
        int cases = 0;
        for (Map.Entry<String, String> valid : Fixtures.CALLBACK_QUERIES.entrySet()) {
            NotificationParser parser = PARSERS.get(valid.getKey());
            BillingEvent ok = parser.parse(InboundNotification.get("/cb?" + valid.getValue()));
            Touch.deeply(ok);
            String[] params = valid.getValue().split("&");
            for (int i = 0; i < params.length; i++) {
                for (String huge : HUGE) {
                    String[] copy = params.clone();
                    copy[i] = copy[i].substring(0, copy[i].indexOf('=') + 1) + huge;
                    String uri = "/cb?" + String.join("&", copy);
                    onlyDocumented(() -> parser.parse(InboundNotification.get(uri)));
                    cases++;
                }
            }
        }
        assertThat(cases).isGreaterThan(100);
    }

    @Example
    void amountsWithHugeExponentsAreRefusedByEveryParserThatReadsOne() {
        for (String name : List.of("eklectic", "infomedia", "centili")) {
            String query = Fixtures.CALLBACK_QUERIES.get(name);
            String amountName = name.equals("infomedia") ? "chargeAmount" : "amount";
            for (String huge : List.of("1e999999999", "-1E%2B999999999", "1e-999999999")) {
                String uri = "/cb?" + query.replaceAll("(^|&)" + amountName + "=[^&]*", "$1" + amountName + "=" + huge);
                // Centili's amount is a quantity of goods: a plain number, so an exponent is refused as not plain
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> PARSERS.get(name).parse(
                        InboundNotification.get(uri))).as(uri).isInstanceOf(DcbProtocolException.class)
                        .hasMessageContaining(name.equals("centili") ? "not a plain non-negative number" : "out of range");
            }
        }
    }

    static InboundNotification signedJson(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = HexFormat.of().formatHex(NotificationSecurity.hmacSha256(
                KEY.getBytes(StandardCharsets.UTF_8), bytes));
        return InboundNotification.builder("POST").uri("/cb").header("Content-Type", "application/json")
                .header("Eclipse-Signature", signature).body(bytes).build();
    }

    @Example
    void everyFieldOfASignedJsonCallbackWithAHugeExponentIsReadBoundedOrRefused() {
        NotificationParser parser = PARSERS.get("eclipse-vas signed");
        Touch.deeply(parser.parse(signedJson(Fixtures.ECL_CALLBACK)));
        int leaves = ResponsePropertiesTest.leaves(Fixtures.ECL_CALLBACK);
        for (int leaf = 0; leaf < leaves; leaf++) {
            for (String huge : ResponsePropertiesTest.HUGE) {
                String body = ResponsePropertiesTest.replaceLeaf(Fixtures.ECL_CALLBACK, leaf, huge);
                onlyDocumented(() -> parser.parse(signedJson(body)));
            }
        }
        String huge = Fixtures.ECL_CALLBACK.replace("100.00", "1e999999999");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parser.parse(signedJson(huge)))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("out of range");
    }

    @Example
    void everyKeyOfASignedJsonCallbackRepeatedWithADifferentValueIsAmbiguous() {
        NotificationParser parser = PARSERS.get("eclipse-vas signed");
        String eventId = parser.parse(signedJson(Fixtures.ECL_CALLBACK)).eventId();
        int leaves = ResponsePropertiesTest.leaves(Fixtures.ECL_CALLBACK);
        for (int leaf = 0; leaf < leaves; leaf++) {
            String differing = ResponsePropertiesTest.repeatLeaf(Fixtures.ECL_CALLBACK, leaf, false);
            if (differing == null) {
                continue;
            }
            // an ambiguous callback is refused like an unauthentic one, naming the key but not its values
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> parser.parse(signedJson(differing)))
                    .as(differing).isInstanceOf(io.dcb4j.core.error.NotificationRejectedException.class)
                    .hasMessageContaining("more than once with different values");
            String same = ResponsePropertiesTest.repeatLeaf(Fixtures.ECL_CALLBACK, leaf, true);
            assertThat(parser.parse(signedJson(same)).eventId()).as(same).isEqualTo(eventId);
        }
    }

    // ---------------------------------------------------------------- Eclipse catalogue queries

    @Property(tries = 500, seed = "16180308")
    void catalogQueryBuildersRejectOnlyWithIllegalArgument(@ForAll @StringLength(max = 40) String a,
            @ForAll @StringLength(max = 40) String b, @ForAll @StringLength(max = 40) String c,
            @ForAll int partner) {
        List<Supplier<Object>> builders = List.of(() -> CatalogQuery.of(a), () -> CatalogQuery.partner(partner),
                () -> CatalogQuery.kganya(a, b), () -> CatalogQuery.cellulant(a, b, c), () -> CatalogQuery.dtbKenyaTax(a),
                () -> CatalogQuery.localCatalog(partner), () -> CatalogQuery.nwsc(a, b), () -> CatalogQuery.umeme(a),
                () -> CatalogQuery.uraTax(a), () -> CatalogQuery.mtnWallet(a));
        for (Supplier<Object> build : builders) {
            Object q;
            try {
                q = build.get();
            } catch (IllegalArgumentException expected) {
                continue;
            }
            CatalogQuery query = (CatalogQuery) q;
            assertThat(CatalogQuery.of(query.value()).value()).isEqualTo(query.value());
        }
    }

    // ---------------------------------------------------------------- ambiguous parameters

    /**
     * Any parameter of a valid callback of any query parser, repeated with any other value (in any position,
     * in any case), is a refused callback naming the parameter; repeated with the same value it changes nothing.
     */
    @Property(tries = 300)
    void aRepeatedParameterIsRefusedUnlessItsValueIsTheSame(@ForAll @IntRange(min = 0, max = 3) int parser,
            @ForAll @IntRange(min = 0, max = 20) int parameter, @ForAll @StringLength(max = 30) String other,
            @ForAll boolean upperCase, @ForAll boolean first) {
        NotificationSecurityTest.Shape s = NotificationSecurityTest.shapes().get(parser);
        String[] p = s.params().get(parameter % s.params().size());
        String name = upperCase ? p[0].toUpperCase(java.util.Locale.ROOT) : p[0];
        java.util.List<String[]> params = new java.util.ArrayList<>(s.params());
        params.add(first ? 0 : params.size(), new String[] {name, other});
        InboundNotification n = InboundNotification.get("/cb?" + s.query(params));
        if (other.equals(p[1])) {
            assertThat(s.parser().parse(n).eventId())
                    .isEqualTo(NotificationSecurityTest.parseQuery(s, s.params()).eventId());
        } else {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.parser().parse(n))
                    .isInstanceOf(NotificationRejectedException.class)
                    .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT))
                            .contains("'" + p[0].toLowerCase(java.util.Locale.ROOT) + "'"));
        }
    }
}
