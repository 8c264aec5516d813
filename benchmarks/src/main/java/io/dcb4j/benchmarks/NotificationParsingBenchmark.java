package io.dcb4j.benchmarks;

import io.dcb4j.b2maoc.notification.B2mAocNotificationParser;
import io.dcb4j.camara.notification.CamaraNotificationParser;
import io.dcb4j.centili.notification.CentiliNotificationParser;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.eclipsevas.notification.EclipseVasNotificationParser;
import io.dcb4j.eklectic.notification.EklecticNotificationParser;
import io.dcb4j.infomedia.notification.InfomediaNotificationParser;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Notification parsing, events per second per thread (run with {@code -t 1}). Each
 * benchmark starts from what a web framework hands over, the raw request URL (or the body and headers for
 * Eclipse's signed POST), builds the {@link InboundNotification} and parses it into a {@link BillingEvent}
 * with the authenticity check a production receiver turns on (shared secret in the query, HMAC, or CAMARA's
 * bearer sink credential).
 * {@code eklecticSubPrebuilt} parses an already built notification, to show the share of query decoding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NotificationParsingBenchmark {

    /** Created by JMH for each trial. */
    public NotificationParsingBenchmark() {
    }

    static final String SECRET = "cb-secret-2f9a";

    static final String EKLECTIC_SUB = "/eklectic/notify?action=SUB&subscriptionid=23939206&transaction=T-1"
            + "&offreid=123&amount=0&date=2022-02-17+15:11:18&secret=" + SECRET;
    static final String EKLECTIC_RENEW = "/eklectic/notify?action=RENEW&subscriptionid=23939206&transaction=T-7"
            + "&offreid=123&amount=1.200&date=2022-02-24+15:11:18&secret=" + SECRET;
    static final String INFOMEDIA_CHARGE = "/infomedia/notify?msisdn=971500000000&mcc=424&mnc=2&productid=92000000"
            + "&etid=5&pt=Your+pass+through+value&chargeAmount=20&currencyCode=AED"
            + "&productDescription=Your+product+description&transactionStatus=00&success=1&secret=" + SECRET;
    static final String CENTILI_PAYMENT = "/centili/notify?transactionid=tx-1001&phone=381641234567&userid=user-42"
            + "&country=RS&mno=Telenor&mnocode=22001&amount=1.99&status=success&secret=" + SECRET;
    static final String B2M_RETURN = "/aoc/return?aocTransID=AOC5f2b9c7e01&order=7";
    static final String B2M_UNSUBSCRIBE = "/aoc/callback?subscriptionID=B2M000123&msisdn=8801812345678"
            + "&status=unsubscribed&secret=" + SECRET;
    static final byte[] ECLIPSE_BODY = ("{\"paymentId\":172565,\"externalUniqueId\":\"2b204a21-d686-489e-980c-9c1ff3c1ca1a\","
            + "\"status\":\"COMPLETED\",\"amount\":29182.000000000,\"description\":\"Transfer from bank to wallet\","
            + "\"currency\":\"UGX\",\"additionalFields\":[{\"id\":\"destinationPhone\",\"value\":\"256779999703\"}],"
            + "\"paymentType\":\"EFT\",\"created\":\"2024-02-21T07:31:33.000Z\",\"fee\":0E-9,"
            + "\"paymentReference\":\"256779999703\",\"walletId\":204142,\"customerId\":723689}")
            .getBytes(StandardCharsets.UTF_8);
    /** A payment-completed CloudEvent as the CAMARA simulator's callback writer sends it. */
    static final byte[] CAMARA_BODY = ("{\"id\":\"evt-482913650271\",\"source\":\"https://camara-sim.example/events\","
            + "\"type\":\"org.camaraproject.carrier-billing.v0.payment-completed\",\"specversion\":\"1.0\","
            + "\"datacontenttype\":\"application/json\",\"time\":\"2024-05-14T09:21:37.482Z\","
            + "\"data\":{\"paymentId\":\"pay-73018264\",\"status\":\"succeeded\",\"description\":\"Payment completed\","
            + "\"paymentDate\":\"2024-05-14T09:21:37.482Z\"}}").getBytes(StandardCharsets.UTF_8);

    EklecticNotificationParser eklectic;
    InfomediaNotificationParser infomedia;
    CentiliNotificationParser centili;
    B2mAocNotificationParser b2m;
    EclipseVasNotificationParser eclipse;
    CamaraNotificationParser camara;
    String eclipseSignature;
    InboundNotification eklecticSubBuilt;

    /**
     * Builds the parsers, signs the Eclipse body, checks every input parses.
     *
     * @throws Exception never in practice
     */
    @Setup
    public void setUp() throws Exception {
        eklectic = EklecticNotificationParser.builder().sharedSecret("secret", SECRET).build();
        infomedia = InfomediaNotificationParser.builder().sharedSecret("secret", SECRET).build();
        centili = CentiliNotificationParser.builder().sharedSecret(SECRET).build();
        b2m = B2mAocNotificationParser.builder().secret(SECRET).secretParameter("secret").build();
        eclipse = EclipseVasNotificationParser.builder().secret(SECRET).build();
        camara = CamaraNotificationParser.builder().accessToken(SECRET).build();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        eclipseSignature = HexFormat.of().formatHex(mac.doFinal(ECLIPSE_BODY));
        eklecticSubBuilt = InboundNotification.get(EKLECTIC_SUB);
        expect(eklecticSub(), BillingEvent.Type.SUBSCRIBED);
        expect(eklecticRenew(), BillingEvent.Type.RENEWED);
        expect(infomediaCharge(), BillingEvent.Type.CHARGED);
        expect(centiliPayment(), null);
        expect(b2mReturn(), BillingEvent.Type.PAYMENT_COMPLETED);
        expect(b2mUnsubscribe(), BillingEvent.Type.UNSUBSCRIBED);
        expect(eclipsePayment(), null);
        expect(camaraPayment(), BillingEvent.Type.CHARGED);
    }

    private static void expect(BillingEvent e, BillingEvent.Type type) {
        if (e == null || e.type() == BillingEvent.Type.UNKNOWN || type != null && e.type() != type) {
            throw new IllegalStateException("unexpected event " + e);
        }
    }

    /**
     * Parses one callback.
     *
     * @return the event
     */
    @Benchmark
    public BillingEvent eklecticSub() {
        return eklectic.parse(InboundNotification.get(EKLECTIC_SUB));
    }

    /**
     * Parses one callback.
     *
     * @return the event
     */
    @Benchmark
    public BillingEvent eklecticSubPrebuilt() {
        return eklectic.parse(eklecticSubBuilt);
    }

    /**
     * Parses one callback.
     *
     * @return the event
     */
    @Benchmark
    public BillingEvent eklecticRenew() {
        return eklectic.parse(InboundNotification.get(EKLECTIC_RENEW));
    }

    /**
     * Parses one callback.
     *
     * @return the event
     */
    @Benchmark
    public BillingEvent infomediaCharge() {
        return infomedia.parse(InboundNotification.get(INFOMEDIA_CHARGE));
    }

    /**
     * Parses one callback.
     *
     * @return the event
     */
    @Benchmark
    public BillingEvent centiliPayment() {
        return centili.parse(InboundNotification.get(CENTILI_PAYMENT));
    }

    /**
     * Parses one callback.
     *
     * @return the event
     */
    @Benchmark
    public BillingEvent b2mReturn() {
        return b2m.parse(InboundNotification.get(B2M_RETURN));
    }

    /**
     * Parses one callback.
     *
     * @return the event
     */
    @Benchmark
    public BillingEvent b2mUnsubscribe() {
        return b2m.parse(InboundNotification.get(B2M_UNSUBSCRIBE));
    }

    /**
     * Parses one callback.
     *
     * @return the event
     */
    @Benchmark
    public BillingEvent eclipsePayment() {
        return eclipse.parse(InboundNotification.builder("POST").uri("/eclipse/callback")
                .header("Content-Type", "application/json")
                .header(EclipseVasNotificationParser.SIGNATURE_HEADER, eclipseSignature)
                .body(ECLIPSE_BODY).build());
    }

    /**
     * Parses one callback.
     *
     * @return the event
     */
    @Benchmark
    public BillingEvent camaraPayment() {
        return camara.parse(InboundNotification.builder("POST").uri("/camara/sink")
                .header("Content-Type", CamaraNotificationParser.CLOUDEVENTS_JSON)
                .header("x-correlator", "trigger-52817364")
                .header("Authorization", "Bearer " + SECRET)
                .body(CAMARA_BODY).build());
    }
}
