package io.dcb4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dcb4j.b2maoc.notification.B2mAocNotificationParser;
import io.dcb4j.centili.notification.CentiliNotificationParser;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.NotificationSecurity;
import io.dcb4j.core.notification.SourceAddressAllowList;
import io.dcb4j.eclipsevas.notification.EclipseVasNotificationParser;
import io.dcb4j.eklectic.notification.EklecticNotificationParser;
import io.dcb4j.infomedia.InfomediaClient;
import io.dcb4j.infomedia.notification.InfomediaNotificationParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Webhook authenticity and delivery: HMAC ({@code Eclipse-Signature}) tampered, missing and replayed; the
 * shared secret of the unsigned providers; the CIDR allow-list; concurrent duplicate deliveries processed
 * once; the Infomedia out-of-order case (webhook before the API answer) converging.
 */
class NotificationSecurityTest {

    static final String KEY = "tenant-callback-key-0123456789";
    static final String CALLBACK = "{\"paymentId\":172565,\"externalUniqueId\":\"order-1\",\"status\":\"SUCCESSFUL\","
            + "\"amount\":100.00,\"currency\":\"UGX\",\"paymentType\":\"GLOBAL_VAS\",\"customerId\":723689,"
            + "\"created\":\"2024-03-01T08:00:00.000Z\"}";

    static InboundNotification eclipse(String body, String signature) {
        InboundNotification.Builder b = InboundNotification.builder("POST").uri("/eclipse/callback")
                .header("Content-Type", "application/json").body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            b.header("Eclipse-Signature", signature);
        }
        return b.build();
    }

    static byte[] mac(String body) {
        return NotificationSecurity.hmacSha256(KEY.getBytes(StandardCharsets.UTF_8),
                body.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- HMAC

    @Test
    void aSignedCallbackIsAcceptedInHexAndBase64() {
        EclipseVasNotificationParser parser = EclipseVasNotificationParser.builder().secret(KEY).build();
        assertThat(parser.parse(eclipse(CALLBACK, HexFormat.of().formatHex(mac(CALLBACK)))).type())
                .isEqualTo(BillingEvent.Type.CHARGED);
        assertThat(parser.parse(eclipse(CALLBACK, "sha256=" + HexFormat.of().formatHex(mac(CALLBACK)))).eventId())
                .isEqualTo("172565:SUCCESSFUL");
        assertThat(parser.parse(eclipse(CALLBACK, Base64.getEncoder().encodeToString(mac(CALLBACK)))).eventId())
                .isEqualTo("172565:SUCCESSFUL");
    }

    @Test
    void tamperedMissingOrForeignSignaturesAreRejected() {
        EclipseVasNotificationParser parser = EclipseVasNotificationParser.builder().secret(KEY).build();
        String good = HexFormat.of().formatHex(mac(CALLBACK));
        String tamperedBody = CALLBACK.replace("100.00", "1.00");
        byte[] flipped = mac(CALLBACK);
        flipped[31] ^= 1;
        List<InboundNotification> bad = List.of(
                eclipse(tamperedBody, good),                                   // body changed after signing
                eclipse(CALLBACK, null),                                       // no signature
                eclipse(CALLBACK, ""),                                         // empty signature
                eclipse(CALLBACK, HexFormat.of().formatHex(flipped)),          // one bit off
                eclipse(CALLBACK, good.substring(0, 40)),                      // truncated
                eclipse(CALLBACK, "not a signature at all"),
                eclipse(CALLBACK, HexFormat.of().formatHex(NotificationSecurity.hmacSha256(
                        "another-tenant".getBytes(StandardCharsets.UTF_8), CALLBACK.getBytes(StandardCharsets.UTF_8)))));
        for (InboundNotification n : bad) {
            assertThatThrownBy(() -> parser.parse(n)).isInstanceOf(NotificationRejectedException.class)
                    .hasMessageContaining("Eclipse-Signature")
                    .satisfies(e -> assertThat(((NotificationRejectedException) e).provider()).isEqualTo("eclipse-vas"))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        }
    }

    @Test
    void aReplayedSignedCallbackIsProcessedOnce() {
        EclipseVasNotificationParser parser = EclipseVasNotificationParser.builder().secret(KEY).build();
        EventDeduplicator dedup = EventDeduplicator.inMemory(1000, Duration.ofHours(24));
        InboundNotification delivery = eclipse(CALLBACK, HexFormat.of().formatHex(mac(CALLBACK)));
        AtomicInteger processed = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            BillingEvent event = parser.parse(delivery); // a replay has a valid signature: the dedup stops it
            if (dedup.claim(event)) {
                processed.incrementAndGet();
            }
            assertThat(event.acknowledgement().status()).isBetween(200, 299);
        }
        assertThat(processed).hasValue(1);
        // a different status of the same payment is a different event
        String failed = CALLBACK.replace("SUCCESSFUL", "ERROR");
        assertThat(dedup.claim(parser.parse(eclipse(failed, HexFormat.of().formatHex(mac(failed)))))).isTrue();
    }

    // ---------------------------------------------------------------- shared secret and allow-list

    static final String EKL = "/cb?action=RENEW&subscriptionid=23939206&transaction=TX-778899&offreid=123"
            + "&amount=0.500&date=2022-02-17+15:11:18";
    static final String INF = "/cb?msisdn=971500000000&mcc=424&mnc=2&productid=92000000&etid=1&success=1";
    static final String CEN = "/cb?transactionid=tx-1001&phone=381641234567&country=RS&amount=1.99&status=success";
    static final String B2M = "/cb?status=subscribed&subscriptionID=s00001&spTransID=SP1";

    @Test
    void theSharedSecretIsCheckedByEveryUnsignedProvider() {
        record Case(String name, NotificationParser parser, String uri) {
        }
        List<Case> cases = List.of(
                new Case("eklectic", EklecticNotificationParser.builder().sharedSecret("secret", "s3cr3t").build(), EKL),
                new Case("infomedia", InfomediaNotificationParser.builder().sharedSecret("secret", "s3cr3t").build(), INF),
                new Case("centili", CentiliNotificationParser.builder().sharedSecret("s3cr3t").build(), CEN),
                new Case("b2m-aoc", B2mAocNotificationParser.builder().secret("s3cr3t").secretParameter("secret").build(), B2M));
        for (Case c : cases) {
            assertThat(c.parser().parse(InboundNotification.get(c.uri() + "&secret=s3cr3t")).provider()).as(c.name())
                    .isEqualTo(c.name());
            for (String wrong : List.of("", "&secret=", "&secret=s3cr3T", "&secret=s3cr3", "&SECRET=x")) {
                Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                        () -> c.parser().parse(InboundNotification.get(c.uri() + wrong)));
                assertThat(thrown).as(c.name() + " accepted " + wrong).isInstanceOf(NotificationRejectedException.class);
                assertThat(thrown.getMessage()).doesNotContain("s3cr3t");
            }
        }
        // B2M's browser return comes from the subscriber's browser and cannot carry the secret: it is only a hint
        // (PAYMENT_COMPLETED with the aocTransID) that the application confirms with chargeStatus
        BillingEvent hint = cases.get(3).parser().parse(InboundNotification.get("/return?aocTransID=AOC5f2b9c7e01"));
        assertThat(hint.type()).isEqualTo(BillingEvent.Type.PAYMENT_COMPLETED);
        assertThat(NotificationSecurity.secretMatches("a", "a")).isTrue();
        assertThat(NotificationSecurity.secretMatches("a", null)).isFalse();
        assertThat(NotificationSecurity.secretMatches("a", "ab")).isFalse();
    }

    /** A CAMARA CloudEvent as an operator delivers it to the sink. */
    static final String CAM = "{\"id\":\"e-1\",\"source\":\"https://op.example\",\"type\":"
            + "\"org.camaraproject.carrier-billing.v0.payment-completed\",\"specversion\":\"1.0\","
            + "\"time\":\"2024-03-01T08:00:00Z\",\"data\":{\"paymentId\":\"pay-1\",\"status\":\"succeeded\","
            + "\"description\":\"ok\"}}";

    static InboundNotification camara(String body, String authorization) {
        InboundNotification.Builder b = InboundNotification.builder("POST").path("/sink")
                .header("Content-Type", "application/cloudevents+json").body(body.getBytes(StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    @Test
    void theSinkCredentialIsCheckedByCamaraAndNeverEchoed() {
        io.dcb4j.camara.notification.CamaraNotificationParser parser =
                io.dcb4j.camara.notification.CamaraNotificationParser.builder().accessToken("s3cr3t-sink").build();
        assertThat(parser.parse(camara(CAM, "Bearer s3cr3t-sink")).acknowledgement().status()).isEqualTo(204);
        for (String wrong : java.util.Arrays.asList(null, "", "Bearer ", "Bearer s3cr3t-sin", "Bearer s3cr3t-sinkx",
                "Bearer S3CR3T-SINK", "Basic s3cr3t-sink", "s3cr3t-sink")) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> parser.parse(camara(CAM, wrong)));
            assertThat(thrown).as("camara accepted " + wrong).isInstanceOf(NotificationRejectedException.class);
            assertThat(thrown.getMessage()).doesNotContain("s3cr3t");
        }
        // a key given twice with different values is refused, never resolved by picking one
        assertThatThrownBy(() -> parser.parse(camara(CAM.replace("{\"paymentId\":\"pay-1\",",
                "{\"paymentId\":\"pay-1\",\"paymentId\":\"pay-2\","), "Bearer s3cr3t-sink")))
                .isInstanceOf(NotificationRejectedException.class);
        // a replay (same source and id) is the same event; the same id from another source is not
        EventDeduplicator dedup = EventDeduplicator.inMemory(10, Duration.ofHours(1));
        assertThat(dedup.claim(parser.parse(camara(CAM, "Bearer s3cr3t-sink")))).isTrue();
        assertThat(dedup.claim(parser.parse(camara(CAM, "Bearer s3cr3t-sink")))).isFalse();
        assertThat(dedup.claim(parser.parse(camara(CAM.replace("op.example", "other.example"),
                "Bearer s3cr3t-sink")))).isTrue();
    }

    @Test
    void theSourceAddressAllowListAdmitsOnlyItsBlocks() {
        SourceAddressAllowList list = SourceAddressAllowList.of("10.0.0.0/8", "192.0.2.17", "2001:db8::/32");
        assertThat(list.allows("10.200.3.4")).isTrue();
        assertThat(list.allows("::ffff:10.1.2.3")).isTrue();
        assertThat(list.allows("192.0.2.17")).isTrue();
        assertThat(list.allows("2001:db8:1::5")).isTrue();
        for (String no : new String[] {"11.0.0.1", "192.0.2.18", "2001:db9::1", "localhost", "example.com", "", " ",
            "10.0.0", "999.1.1.1", null}) {
            assertThat(list.allows(no)).as(String.valueOf(no)).isFalse();
        }
        InfomediaNotificationParser parser = InfomediaNotificationParser.builder()
                .allowedSources(List.of("10.0.0.0/8")).build();
        InboundNotification from = InboundNotification.builder("GET").uri(INF).remoteAddress("10.9.9.9").build();
        assertThat(parser.parse(from).type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);
        for (String addr : new String[] {"172.16.0.1", null}) {
            InboundNotification n = InboundNotification.builder("GET").uri(INF).remoteAddress(addr).build();
            assertThatThrownBy(() -> parser.parse(n)).isInstanceOf(NotificationRejectedException.class);
        }
        assertThatThrownBy(() -> SourceAddressAllowList.of("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceAddressAllowList.of("not-an-ip")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- ambiguous parameters

    /** A valid callback of one parser: its parameters in order, delivered as a query, a form body or JSON. */
    record Shape(String provider, NotificationParser parser, List<String[]> params, boolean caseInsensitive) {
        String query(List<String[]> ps) {
            StringBuilder sb = new StringBuilder();
            for (String[] p : ps) {
                sb.append(sb.length() == 0 ? "" : "&").append(p[0]).append('=')
                        .append(java.net.URLEncoder.encode(p[1], StandardCharsets.UTF_8));
            }
            return sb.toString();
        }

        String json(List<String[]> ps) {
            StringBuilder sb = new StringBuilder("{");
            for (String[] p : ps) {
                sb.append(sb.length() == 1 ? "" : ",").append('"').append(p[0]).append("\":")
                        .append(p[1].matches("-?\\d+(\\.\\d+)?") ? p[1] : '"' + p[1] + '"');
            }
            return sb.append('}').toString();
        }
    }

    static List<String[]> pairs(String... kv) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.add(new String[] {kv[i], kv[i + 1]});
        }
        return out;
    }

    /** Every parser, configured with its secret (or key), and one valid callback each. */
    static List<Shape> shapes() {
        return List.of(
                new Shape("eklectic", EklecticNotificationParser.builder().sharedSecret("secret", "s3cr3t").build(),
                        pairs("action", "RENEW", "subscriptionid", "23939206", "transaction", "TX-778899", "offreid",
                                "123", "amount", "0.500", "date", "2022-02-17 15:11:18", "secret", "s3cr3t"), true),
                new Shape("infomedia", InfomediaNotificationParser.builder().sharedSecret("secret", "s3cr3t").build(),
                        pairs("msisdn", "971500000000", "mcc", "424", "mnc", "2", "productid", "92000000", "etid", "1",
                                "success", "1", "secret", "s3cr3t"), true),
                new Shape("centili", CentiliNotificationParser.builder().sharedSecret("s3cr3t").build(),
                        pairs("transactionid", "tx-1001", "phone", "381641234567", "country", "RS", "amount", "1",
                                "status", "success", "secret", "s3cr3t"), true),
                new Shape("b2m-aoc", B2mAocNotificationParser.builder().secret("s3cr3t").secretParameter("secret").build(),
                        pairs("status", "subscribed", "subscriptionID", "s00001", "spTransID", "SP1", "msisdn",
                                "8801812345678", "secret", "s3cr3t"), true));
    }

    static BillingEvent parseQuery(Shape s, List<String[]> ps) {
        return s.parser().parse(InboundNotification.get("/cb?" + s.query(ps)));
    }

    static void refused(String what, Shape s, String name, Runnable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(t).as(what).isInstanceOf(NotificationRejectedException.class);
        // names the parameter (in either of its spellings, for the case-insensitive parsers), never a value
        assertThat(t.getMessage().toLowerCase(java.util.Locale.ROOT)).as(what)
                .contains("'" + name.toLowerCase(java.util.Locale.ROOT) + "'");
        assertThat(t.getMessage()).as(what).contains("different values").doesNotContain("DIFFERENT-VALUE");
        assertThat(((NotificationRejectedException) t).provider()).as(what).isEqualTo(s.provider());
    }

    @Test
    void everyQueryParserRefusesEachParameterGivenTwiceWithDifferentValues() {
        int cases = 0;
        for (Shape s : shapes()) {
            BillingEvent original = parseQuery(s, s.params());
            for (String[] p : s.params()) {
                for (String name : s.caseInsensitive() ? List.of(p[0], p[0].toUpperCase(java.util.Locale.ROOT))
                        : List.of(p[0])) {
                    List<String[]> differing = new ArrayList<>(s.params());
                    differing.add(new String[] {name, "DIFFERENT-VALUE"});
                    refused(s.provider() + " " + name + " twice", s, name, () -> parseQuery(s, differing));
                    List<String[]> before = new ArrayList<>(s.params());
                    before.add(0, new String[] {name, "DIFFERENT-VALUE"});
                    refused(s.provider() + " " + name + " twice, the other first", s, name,
                            () -> parseQuery(s, before));
                    List<String[]> identical = new ArrayList<>(s.params());
                    identical.add(new String[] {name, p[1]});
                    BillingEvent again = parseQuery(s, identical);
                    assertThat(again.type()).as(s.provider() + " identical " + name).isEqualTo(original.type());
                    assertThat(again.eventId()).as(s.provider() + " identical " + name).isEqualTo(original.eventId());
                    cases += 3;
                }
            }
        }
        System.out.println("ambiguous parameters: " + cases + " query cases checked");
    }

    /**
     * A spelling of the name that equals it ignoring case though not in lower case: the dotless i, the long s
     * and the Kelvin sign fold to i, s and k. Null when the name has none of those letters.
     */
    static String caseFoldTwin(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            String twin = c == 'i' ? "\u0131" : c == 's' ? "\u017F" : c == 'k' ? "\u212A" : null;
            if (twin != null) {
                return name.substring(0, i) + twin + name.substring(i + 1);
            }
        }
        return null;
    }

    @Test
    void everyQueryParserRefusesASecondValueUnderASpellingThatFoldsToTheSameName() {
        int cases = 0;
        for (Shape s : shapes()) {
            for (String[] p : s.params()) {
                String twin = caseFoldTwin(p[0]);
                if (twin == null) {
                    continue;
                }
                assertThat(twin.equalsIgnoreCase(p[0])).isTrue();
                assertThat(twin.toLowerCase(java.util.Locale.ROOT))
                        .isNotEqualTo(p[0].toLowerCase(java.util.Locale.ROOT));
                for (boolean twinFirst : new boolean[] {false, true}) {
                    List<String[]> ps = new ArrayList<>(s.params());
                    ps.add(twinFirst ? 0 : ps.size(), new String[] {twin, "DIFFERENT-VALUE"});
                    String what = s.provider() + " " + p[0] + " and " + twin + (twinFirst ? ", the twin first" : "");
                    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> parseQuery(s, ps));
                    assertThat(t).as(what).isInstanceOf(NotificationRejectedException.class);
                    assertThat(((NotificationRejectedException) t).reason()).as(what)
                            .isEqualTo(NotificationRejectedException.Reason.AMBIGUOUS);
                    assertThat(t.getMessage()).as(what).contains("different values").doesNotContain("DIFFERENT-VALUE");
                    cases++;
                }
                List<String[]> identical = new ArrayList<>(s.params());
                identical.add(new String[] {twin, p[1]});
                assertThat(parseQuery(s, identical).eventId()).as(s.provider() + " identical " + twin)
                        .isEqualTo(parseQuery(s, s.params()).eventId());
            }
        }
        assertThat(cases).isGreaterThanOrEqualTo(30);
    }

    @Test
    void aFormBodyThatContradictsTheQueryOrItselfIsRefused() {
        for (Shape s : shapes()) {
            for (String[] p : s.params()) {
                if (p[0].equals("secret")) {
                    continue; // the secret lives in the query of the URL registered with the provider
                }
                List<String[]> query = s.params().stream().filter(x -> x != p).toList();
                List<String[]> body = new ArrayList<>();
                body.add(p);
                body.add(new String[] {p[0], "DIFFERENT-VALUE"});
                InboundNotification n = InboundNotification.builder("POST")
                        .uri("/cb?" + s.query(s.provider().equals("infomedia") ? List.of() : query))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(s.query(s.provider().equals("infomedia") ? concat(query, body) : body)
                                .getBytes(StandardCharsets.UTF_8)).build();
                if (s.provider().equals("infomedia")) {
                    // Infomedia's parser reads a form body only without a query: the secret goes along in it
                    refused(s.provider() + " form " + p[0], s, p[0], () -> s.parser().parse(n));
                    continue;
                }
                refused(s.provider() + " form " + p[0], s, p[0], () -> s.parser().parse(n));
                InboundNotification contradicting = InboundNotification.builder("POST").uri("/cb?" + s.query(s.params()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body((p[0] + "=DIFFERENT-VALUE").getBytes(StandardCharsets.UTF_8)).build();
                refused(s.provider() + " query and form " + p[0], s, p[0], () -> s.parser().parse(contradicting));
            }
        }
    }

    static List<String[]> concat(List<String[]> a, List<String[]> b) {
        List<String[]> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void everyJsonCallbackRefusesAKeyGivenTwiceWithDifferentValues() {
        record JsonShape(Shape shape, String uri, java.util.function.Function<String, String> sign) {
        }
        Shape eclipse = new Shape("eclipse-vas", EclipseVasNotificationParser.builder().secret(KEY).build(), pairs("paymentId", "172565",
                "externalUniqueId", "order-1", "status", "SUCCESSFUL", "amount", "100.00", "currency", "UGX",
                "customerId", "723689", "created", "2024-03-01T08:00:00.000Z"), false);
        List<Shape> shapes = shapes();
        List<JsonShape> jsonShapes = List.of(
                new JsonShape(eclipse, "/eclipse/callback", body -> HexFormat.of().formatHex(mac(body))),
                new JsonShape(withoutSecret(shapes.get(2)), "/cb?secret=s3cr3t", body -> null),
                new JsonShape(withoutSecret(shapes.get(3)), "/cb?secret=s3cr3t", body -> null));
        for (JsonShape j : jsonShapes) {
            Shape s = j.shape();
            java.util.function.Function<String, InboundNotification> deliver = body -> {
                InboundNotification.Builder b = InboundNotification.builder("POST").uri(j.uri())
                        .header("Content-Type", "application/json").body(body.getBytes(StandardCharsets.UTF_8));
                String sig = j.sign().apply(body);
                return sig == null ? b.build() : b.header("Eclipse-Signature", sig).build();
            };
            BillingEvent original = s.parser().parse(deliver.apply(s.json(s.params())));
            for (String[] p : s.params()) {
                // even correctly signed, a body with two values for one key is refused
                List<String[]> differing = concat(s.params(), List.<String[]>of(new String[] {p[0], "DIFFERENT-VALUE"}));
                refused(s.provider() + " JSON " + p[0], s, p[0], () -> s.parser().parse(deliver.apply(s.json(differing))));
                List<String[]> identical = concat(s.params(), List.<String[]>of(p));
                BillingEvent again = s.parser().parse(deliver.apply(s.json(identical)));
                assertThat(again.eventId()).as(s.provider() + " JSON identical " + p[0]).isEqualTo(original.eventId());
                assertThat(again.type()).isEqualTo(original.type());
                if (s.caseInsensitive()) {
                    List<String[]> otherCase = concat(s.params(), List.<String[]>of(new String[] {
                        p[0].toUpperCase(java.util.Locale.ROOT), "DIFFERENT-VALUE"}));
                    refused(s.provider() + " JSON " + p[0] + " in another case", s,
                            p[0].toUpperCase(java.util.Locale.ROOT), () -> s.parser().parse(deliver.apply(s.json(otherCase))));
                }
            }
        }
    }

    static Shape withoutSecret(Shape s) {
        return new Shape(s.provider(), s.parser(), s.params().stream().filter(p -> !p[0].equals("secret")).toList(),
                s.caseInsensitive());
    }

    // ---------------------------------------------------------------- memory

    @Test
    void theInMemoryDeduplicatorKeepsAFixedSizeDigestPerClaim() throws Exception {
        EventDeduplicator dedup = EventDeduplicator.inMemory(1000, Duration.ofHours(1));
        String longId = "x".repeat(1_000_000);
        for (Shape s : shapes()) {
            assertThat(dedup.claim(BillingEvent.builder(s.provider(), BillingEvent.Type.CHARGED, longId).build())).isTrue();
            assertThat(dedup.claim(BillingEvent.builder(s.provider(), BillingEvent.Type.CHARGED, longId).build())).isFalse();
        }
        // what is stored: one 64-character digest per claim, not the 1 MB id
        java.lang.reflect.Field f = dedup.getClass().getDeclaredField("claims");
        f.setAccessible(true);
        java.util.Map<?, ?> claims = (java.util.Map<?, ?>) f.get(dedup);
        assertThat(claims).hasSize(shapes().size());
        assertThat(claims.keySet()).allSatisfy(k -> assertThat(k.toString()).hasSize(64));
    }

    // ---------------------------------------------------------------- duplicates

    @Test
    void concurrentDuplicateDeliveriesAreProcessedOnce() throws Exception {
        EklecticNotificationParser parser = EklecticNotificationParser.create();
        EventDeduplicator dedup = EventDeduplicator.inMemory(10_000, Duration.ofHours(24));
        int threads = 16;
        int deliveriesEach = 50;
        AtomicInteger processed = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    go.await();
                    for (int i = 0; i < deliveriesEach; i++) {
                        // five distinct callbacks, each delivered by every thread fifty times in all
                        BillingEvent event = parser.parse(InboundNotification.get(EKL.replace("TX-778899",
                                "TX-" + (i % 5))));
                        if (dedup.claim(event)) {
                            processed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(task));
            }
            go.countDown();
            for (Future<Void> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(processed).hasValue(5);
    }

    @Test
    void aFailedHandlerReleasesItsClaimSoTheRetriedCallbackIsProcessed() {
        EklecticNotificationParser parser = EklecticNotificationParser.create();
        EventDeduplicator dedup = EventDeduplicator.inMemory(100, Duration.ofHours(1));
        BillingEvent event = parser.parse(InboundNotification.get(EKL));
        assertThat(dedup.claim(event)).isTrue();
        dedup.release(event); // the handler failed: answer 5xx, the provider retries
        assertThat(dedup.claim(parser.parse(InboundNotification.get(EKL)))).isTrue();
        assertThat(dedup.claim(parser.parse(InboundNotification.get(EKL)))).isFalse();
    }

    // ---------------------------------------------------------------- Infomedia out of order

    /** The neutral view an application keeps of one subscription, folded from events of any source. */
    record SubscriptionView(SubscriptionState state, Set<String> seen) {
        static final SubscriptionView EMPTY = new SubscriptionView(SubscriptionState.UNKNOWN, Set.of());

        /**
         * Applies one fact. Facts are idempotent (keyed) and the state is a join over what has been seen, not
         * "last writer wins": an unsubscription beats a subscription whatever the arrival order, and the API
         * answer and the subscribe webhook are the same fact (ACTIVE) from two sources.
         */
        SubscriptionView apply(String key, SubscriptionState fact) {
            if (seen.contains(key)) {
                return this;
            }
            Set<String> next = new LinkedHashSet<>(seen);
            next.add(key);
            return new SubscriptionView(rank(fact) > rank(state) ? fact : state, Set.copyOf(next));
        }

        static int rank(SubscriptionState s) {
            return switch (s) {
                case UNKNOWN -> 0;
                case PENDING -> 1;
                case ACTIVE -> 2;
                case SUSPENDED -> 3;
                case CANCELLED, EXPIRED -> 4;
            };
        }
    }

    @Test
    void aWebhookBeforeTheApiAnswerReachesTheSameStateAsAfterIt() {
        WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        try (InfomediaClient client = InfomediaClient.builder().apiKey(Fixtures.INF_API_KEY).username("u").password("p")
                .baseUrl(wm.baseUrl() + "/dcb").options(Fixtures.options().toBuilder().readTimeout(Duration.ofSeconds(5)).build()).build()) {
            wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(Fixtures.json(200, Fixtures.INF_JOIN)));
            SubscriptionResult api = client.pinSubscriptions().orElseThrow().confirmPin(
                    Fixtures.challenge("infomedia", "p-1", Fixtures.INF_OFFER), Fixtures.PIN);
            BillingEvent subscribed = client.notificationParser().parse(InboundNotification.get(INF));
            BillingEvent unsubscribed = client.notificationParser().parse(InboundNotification.get(
                    INF.replace("etid=1", "etid=2")));
            assertThat(api.state()).isEqualTo(SubscriptionState.ACTIVE);
            assertThat(subscribed.type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);

            String apiKey = "api:" + api.subscription().id();
            String hookKey = subscribed.eventId();
            // webhook first, then the API answer; and the other way round
            SubscriptionView webhookFirst = SubscriptionView.EMPTY.apply(hookKey, SubscriptionState.ACTIVE)
                    .apply(apiKey, api.state());
            SubscriptionView apiFirst = SubscriptionView.EMPTY.apply(apiKey, api.state())
                    .apply(hookKey, SubscriptionState.ACTIVE);
            assertThat(webhookFirst.state()).isEqualTo(apiFirst.state()).isEqualTo(SubscriptionState.ACTIVE);

            // an unsubscription overtaking the API answer still wins, and a redelivery changes nothing
            String unsubKey = unsubscribed.eventId();
            SubscriptionView a = SubscriptionView.EMPTY.apply(unsubKey, SubscriptionState.CANCELLED)
                    .apply(apiKey, api.state()).apply(hookKey, SubscriptionState.ACTIVE);
            SubscriptionView b = SubscriptionView.EMPTY.apply(apiKey, api.state())
                    .apply(hookKey, SubscriptionState.ACTIVE).apply(unsubKey, SubscriptionState.CANCELLED)
                    .apply(hookKey, SubscriptionState.ACTIVE);
            assertThat(a.state()).isEqualTo(b.state()).isEqualTo(SubscriptionState.CANCELLED);
            assertThat(a.seen()).containsExactlyInAnyOrderElementsOf(b.seen());
        } finally {
            wm.stop();
        }
    }
}
