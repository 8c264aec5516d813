package io.dcb4j.testkit.eclipsevas;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.notification.NotificationSecurity;
import io.dcb4j.testkit.internal.AbstractSimulator;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.internal.SimRequest;
import io.dcb4j.testkit.internal.SimResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulates Eclipse (Ukheshe) VAS: login with identity and password (JWT valid one hour), the MSISDN network
 * look-up, the VAS catalogue with the documented catalogue queries (the document's example answers),
 * payment initiation ({@code type: GLOBAL_VAS}), completion ({@code PUT}), status, and the signed
 * payment-result callback. Errors are Eclipse's JSON error array ({@code USR002} bad login, {@code USR005}
 * unknown or expired token, {@code SEC001} another tenant, {@code VAL001}-{@code VAL004} validation,
 * 404 unknown payment).
 *
 * <p>Payments settle asynchronously, as on Eclipse: initiation and completion leave them {@code PENDING};
 * {@link #settle(ChargeRef)} finalises a completed payment ({@code SUCCESSFUL}, or {@code ERROR} with an
 * {@code errorDescription} per magic MSISDN) and posts the callback to the payment's {@code callbackUrl}
 * (recorded in {@link #notifications()}), signed with {@code Eclipse-Signature} (hex HMAC-SHA256 of the body
 * with {@link #CALLBACK_KEY}). Initiation is idempotent on {@code externalUniqueId}: a repeated request
 * answers the payment already created, which is what makes the client's retries of it safe.
 *
 * <p>The MSISDN is the payment's {@code msisdn} additional field (else {@code phone}), or the number in the
 * network look-up path. Magic MSISDNs:
 * <ul>
 *   <li>{@code INSUFFICIENT_FUNDS}, {@code BARRED}, {@code UNKNOWN_SUBSCRIBER}, {@code SPEND_LIMIT}: the payment
 *       settles {@code ERROR} with {@code errorDescription} "Insufficient funds", "Subscriber barred",
 *       "Unknown subscriber", "Spend limit reached" (neutral: DENIED with the matching reason);
 *       {@code UNKNOWN_SUBSCRIBER} also answers 404 to the network look-up;</li>
 *   <li>{@code PROVIDER_OUTAGE}: every call carrying the number answers HTTP 503 (HTML);</li>
 *   <li>{@code SLOW_ANSWER}: every call carrying the number answers after
 *       {@link MagicMsisdn#SLOW_ANSWER_DELAY_MILLIS} ms;</li>
 *   <li>{@code WRONG_PIN}, {@code ALREADY_SUBSCRIBED}, {@code CONSENT_DENIED}: not applicable (no PIN,
 *       subscription or consent step); they take the happy path.</li>
 * </ul>
 */
public final class EclipseVasSimulator extends AbstractSimulator {

    /** The tenant id the simulator serves. */
    public static final long TENANT_ID = 242;
    /** The login identity it accepts. */
    public static final String IDENTITY = "sim-api-user@eclipse.test";
    /** The login password it accepts. */
    public static final String PASSWORD = "sim-eclipse-password";
    /** The key it signs callbacks with. */
    public static final String CALLBACK_KEY = "sim-eclipse-callback-key";
    /** The customer the sample charges are made for. */
    public static final long CUSTOMER_ID = 723689;
    /** The wallet the sample charges are paid from. */
    public static final long WALLET_ID = 204142;
    /** The callback URL of the sample charges. */
    public static final String CALLBACK_URL = "https://merchant.example/eclipse/callback";

    private static final String API = "/eclipse-conductor/rest/v1";
    private static final String TENANT = API + "/tenants/{tenantId}";

    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, Instant> tokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, SimPayment> payments = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> byExternalId = new ConcurrentHashMap<>();
    private final AtomicLong nextPaymentId = new AtomicLong(172600);

    /** Starts the simulator on a free loopback port. */
    public EclipseVasSimulator() {
        this(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
    }

    /**
     * Starts the simulator on a given address, to run it as a standalone server ({@code dcb simulate}).
     *
     * @param address the address and port to bind; port 0 for a free one
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public EclipseVasSimulator(java.net.InetSocketAddress address) {
        super("eclipse-vas", address);
        server.route("POST", API + "/authentication/login", this::login);
        server.route("GET", TENANT + "/vas/catalogs", this::catalogs);
        server.route("GET", TENANT + "/vas/{msisdn}", this::network);
        server.route("POST", TENANT + "/customers/{customerId}/payments", this::initiate);
        server.route("PUT", TENANT + "/payments/{paymentId}", this::complete);
        server.route("GET", TENANT + "/payments/{paymentId}", this::payment);
    }

    @Override
    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public Map<String, String> clientConfig() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("base-url", baseUrl());
        c.put("tenant-id", Long.toString(TENANT_ID));
        c.put("identity", IDENTITY);
        c.put("password", PASSWORD);
        c.put("notification-secret", CALLBACK_KEY);
        c.put("customer-id", Long.toString(CUSTOMER_ID));
        c.put("wallet-id", Long.toString(WALLET_ID));
        c.put("allow-insecure-http", "true");
        return c;
    }

    /** A Vodacom South Africa number (partner 5). */
    @Override
    public Msisdn sampleMsisdn() {
        return Msisdn.of("27821234567");
    }

    /** Vodacom DATA2.5GB, as payment data {@code 5_VD50}. */
    @Override
    public OfferId sampleOffer() {
        return OfferId.of("5_VD50");
    }

    /**
     * R155 for {@code 5_VD50}, with the callback URL; customer and wallet come from {@link #clientConfig()}.
     *
     * @param msisdn the subscriber, sent as the {@code msisdn} additional field
     * @return the request
     */
    @Override
    public ChargeRequest sampleCharge(Msisdn msisdn) {
        return ChargeRequest.builder(Money.of("155", "ZAR")).msisdn(msisdn).offer(sampleOffer())
                .description("DATA2.5GB").param("callbackUrl", CALLBACK_URL).build();
    }

    /**
     * Finalises a completed payment and posts its callback.
     *
     * @param charge the payment id
     * @throws IllegalArgumentException when the payment is unknown
     * @throws IllegalStateException when it was not completed with {@code PUT} yet
     */
    @Override
    public void settle(ChargeRef charge) {
        settle(charge, null);
    }

    /**
     * Finalises a completed payment as {@code ERROR} with "Insufficient funds", whatever its MSISDN, and posts
     * its callback.
     *
     * @param charge the payment id
     * @throws IllegalArgumentException when the payment is unknown
     * @throws IllegalStateException when it was not completed with {@code PUT} yet
     */
    @Override
    public void fail(ChargeRef charge) {
        settle(charge, MagicMsisdn.INSUFFICIENT_FUNDS);
    }

    private void settle(ChargeRef charge, MagicMsisdn forced) {
        SimPayment p;
        try {
            p = payments.get(Long.parseLong(charge.id()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no payment " + charge.id());
        }
        if (p == null) {
            throw new IllegalArgumentException("no payment " + charge.id());
        }
        synchronized (p) {
            if (!p.status.equals("PENDING")) {
                return;
            }
            if (!p.completed) {
                throw new IllegalStateException("payment " + charge.id() + " was not completed yet");
            }
            String failure = (forced != null ? java.util.Optional.of(forced) : MagicMsisdn.of(p.msisdn))
                    .map(EclipseVasSimulator::failureText).orElse(null);
            p.status = failure == null ? "SUCCESSFUL" : "ERROR";
            p.errorDescription = failure;
            p.lastModified = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        }
        if (p.callbackUrl != null) {
            byte[] body = Json.write(p.toJson());
            emitPost(callbackPath(p.callbackUrl), "application/json", body,
                    Map.of("Eclipse-Signature", signature(CALLBACK_KEY, body)));
        }
    }

    /** The {@code Eclipse-Signature} of a body: hex HMAC-SHA256 with the key. */
    static String signature(String key, byte[] body) {
        return HexFormat.of().formatHex(NotificationSecurity.hmacSha256(key.getBytes(StandardCharsets.UTF_8), body));
    }

    static String failureText(MagicMsisdn magic) {
        return switch (magic) {
            case INSUFFICIENT_FUNDS -> "Insufficient funds";
            case BARRED -> "Subscriber barred";
            case UNKNOWN_SUBSCRIBER -> "Unknown subscriber";
            case SPEND_LIMIT -> "Spend limit reached";
            default -> null;
        };
    }

    private static String callbackPath(String url) {
        try {
            String path = URI.create(url).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    @Override
    public void reset() {
        tokens.clear();
        payments.clear();
        byExternalId.clear();
        super.reset();
    }

    // ------------------------------------------------------------------ routes

    private SimResponse login(SimRequest r) {
        JsonNode body = r.json();
        if (!IDENTITY.equals(text(body, "identity")) || !PASSWORD.equals(text(body, "password"))) {
            throw error(401, "USR002", "Invalid identity or password");
        }
        String token = "eyJhbGciOiJIUzI1NiJ9." + randomId(24) + "." + randomId(16);
        Instant expires = clock.instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        tokens.put(token, expires);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("headerName", "Authorization");
        answer.put("headerValue", "Bearer " + token);
        answer.put("expires", expires.toString());
        answer.put("expiresEpochSecs", expires.getEpochSecond());
        answer.put("tenantId", TENANT_ID);
        answer.put("sessionId", randomId(8));
        answer.put("roles", List.of("TENANT_SYSTEM"));
        return SimResponse.json(200, answer);
    }

    private void authorise(SimRequest r) {
        String header = r.header("Authorization").orElse("");
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        Instant expiry = tokens.get(token);
        if (expiry == null || !clock.instant().isBefore(expiry)) {
            throw error(401, "USR005", "JWT is missing, unknown or expired");
        }
        if (!Long.toString(TENANT_ID).equals(r.pathParam("tenantId"))) {
            throw error(403, "SEC001", "Not authorised for this tenant");
        }
    }

    private SimResponse network(SimRequest r) {
        authorise(r);
        String msisdn = r.pathParam("msisdn");
        if (!Msisdn.isValid(msisdn) || MagicMsisdn.of(msisdn).filter(m -> m == MagicMsisdn.UNKNOWN_SUBSCRIBER).isPresent()) {
            throw error(404, "VAS404", "No network found for the MSISDN");
        }
        String d = Msisdn.of(msisdn).digits();
        Map<String, Object> answer = new LinkedHashMap<>();
        if (d.matches("27(82|72|76|79|60|71).*")) {
            answer.put("partnerId", 5);
            answer.put("partnerName", "Vodacom");
        } else if (d.matches("27(83|73|78|81|63).*")) {
            answer.put("partnerId", 4);
            answer.put("partnerName", "MTN");
        } else {
            throw error(404, "VAS404", "Only MTN and Vodacom numbers are supported");
        }
        return withTransportMagic(msisdn, SimResponse.json(200, answer));
    }

    private SimResponse catalogs(SimRequest r) {
        authorise(r);
        Optional<String> query = r.query("catalogQuery");
        if (query.isEmpty()) {
            return SimResponse.rawJson(200, SimCatalog.FULL);
        }
        String q = query.get();
        String[] parts = q.split("_");
        if (!parts[0].matches("\\d+")) {
            throw error(400, "VAL003", "catalogQuery must start with a partner id");
        }
        String answer = switch (parts[0]) {
            case "20" -> SimCatalog.FRONTIER;
            case "21" -> parts.length >= 2 ? switch (parts[1]) {
                case "LOCAL-CATALOG" -> SimCatalog.DTB_UG_LOCAL;
                case "NWSC" -> parts.length == 4 ? SimCatalog.nwsc(parts[2], parts[3]) : null;
                case "UMEME" -> parts.length == 3 ? SimCatalog.umeme(parts[2]) : null;
                case "ETAX" -> parts.length == 3 ? SimCatalog.ura(parts[2]) : null;
                case "MTN" -> parts.length == 3 ? SimCatalog.single(21, "DTBUGVasProvider", "MTN_" + parts[2], "MTN") : null;
                default -> null;
            } : null;
            case "19" -> parts.length == 3 && parts[1].equals("ETAX") ? SimCatalog.kra(parts[2])
                    : parts.length == 2 && parts[1].equals("LOCAL-CATALOG") ? "[]" : null;
            case "16" -> parts.length == 3 ? SimCatalog.single(16, "Kganya", parts[1] + "_" + parts[2] + "_1", "Policy") : null;
            case "17" -> parts.length == 4 ? SimCatalog.single(17, "Cellulant",
                    parts[1] + "_" + parts[2] + "_" + parts[3] + "_" + parts[3].replace("-", "") + "TEST", parts[3]) : null;
            default -> "[]";
        };
        if (answer == null) {
            throw error(400, "VAL003", "catalogQuery is malformed for partner " + parts[0]);
        }
        return SimResponse.rawJson(200, answer);
    }

    private SimResponse initiate(SimRequest r) {
        authorise(r);
        JsonNode body = r.json();
        long customerId = number(r.pathParam("customerId"), "customerId");
        if (!"GLOBAL_VAS".equals(text(body, "type"))) {
            throw error(400, "VAL001", "type must be GLOBAL_VAS");
        }
        String paymentData = text(body, "paymentData");
        if (paymentData == null || !paymentData.matches("\\d+_.+")) {
            throw error(400, "VAL002", "paymentData must be <partnerId>_<productId>");
        }
        String externalId = text(body, "externalUniqueId");
        if (externalId == null) {
            throw error(400, "VAL001", "externalUniqueId is required");
        }
        String msisdn = null;
        List<Map<String, String>> fields = new ArrayList<>();
        JsonNode af = body.get("additionalFields");
        if (af != null && af.isArray()) {
            for (JsonNode f : af) {
                String id = text(f, "id");
                if (id != null) {
                    Map<String, String> field = new LinkedHashMap<>();
                    field.put("id", id);
                    field.put("value", text(f, "value"));
                    fields.add(field);
                    if (id.equalsIgnoreCase("msisdn")) {
                        msisdn = text(f, "value");
                    }
                }
            }
        }
        if (msisdn == null) {
            msisdn = text(body, "phone");
        }
        String magicNumber = msisdn;
        Long existing = byExternalId.get(externalId);
        if (existing != null) {
            return withTransportMagic(magicNumber, SimResponse.json(200, payments.get(existing).toJson()));
        }
        SimPayment p = new SimPayment();
        p.paymentId = nextPaymentId.getAndIncrement();
        p.externalUniqueId = externalId;
        p.customerId = customerId;
        p.paymentData = paymentData;
        p.msisdn = msisdn;
        p.phone = text(body, "phone");
        p.additionalFields = fields;
        p.amount = decimal(body, "amount");
        p.currency = text(body, "currency") == null ? "ZAR" : text(body, "currency");
        p.walletId = body.hasNonNull("walletId") ? body.get("walletId").asLong() : null;
        p.description = text(body, "description");
        p.callbackUrl = text(body, "callbackUrl");
        p.created = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        p.lastModified = p.created;
        SimResponse answer = withTransportMagic(magicNumber, SimResponse.json(200, p.toJson()));
        if (byExternalId.putIfAbsent(externalId, p.paymentId) == null) {
            payments.put(p.paymentId, p);
        }
        return answer;
    }

    private SimResponse complete(SimRequest r) {
        authorise(r);
        SimPayment p = find(r);
        JsonNode body = r.json();
        synchronized (p) {
            if (!p.status.equals("PENDING")) {
                throw error(400, "VAL004", "Payment is already " + p.status);
            }
            BigDecimal amount = decimal(body, "amount");
            if (amount != null) {
                p.amount = amount;
            }
            if (p.amount == null) {
                throw error(400, "VAL001", "amount is required");
            }
            if (body.hasNonNull("walletId")) {
                p.walletId = body.get("walletId").asLong();
            }
            if (p.walletId == null) {
                throw error(400, "VAL001", "walletId is required");
            }
            p.completed = true;
            p.lastModified = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        }
        return withTransportMagic(p.msisdn, SimResponse.text(200, "text/plain", "Success"));
    }

    private SimResponse payment(SimRequest r) {
        authorise(r);
        SimPayment p = find(r);
        return withTransportMagic(p.msisdn, SimResponse.json(200, p.toJson()));
    }

    private SimPayment find(SimRequest r) {
        long id = number(r.pathParam("paymentId"), "paymentId");
        SimPayment p = payments.get(id);
        if (p == null) {
            throw error(404, "PAY404", "Payment " + id + " not found");
        }
        return p;
    }

    // ------------------------------------------------------------------ helpers

    private static SimResponse.Failure error(int status, String code, String description) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", status >= 500 ? "SYSTEM" : "BUSINESS");
        e.put("severity", "LOW");
        e.put("description", description);
        e.put("code", code);
        e.put("traceId", randomId(8));
        e.put("spanId", randomId(4));
        e.put("environment", "simulator");
        return new SimResponse.Failure(SimResponse.json(status, List.of(e)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return new BigDecimal(v.asText());
        } catch (NumberFormatException e) {
            throw error(400, "VAL001", field + " must be a number");
        }
    }

    private static long number(String text, String name) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(400, "VAL001", name + " must be a number");
        }
    }

    /** One payment's state; {@link EclipseVasCallbacks} writes callbacks with it too. */
    static final class SimPayment {
        long paymentId;
        String externalUniqueId;
        long customerId;
        String paymentData;
        String msisdn;
        String phone;
        List<Map<String, String>> additionalFields;
        BigDecimal amount;
        String currency;
        Long walletId;
        String description;
        String callbackUrl;
        String status = "PENDING";
        String errorDescription;
        boolean completed;
        Instant created;
        Instant lastModified;

        synchronized Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("paymentId", paymentId);
            m.put("externalUniqueId", externalUniqueId);
            m.put("status", status);
            // Eclipse writes amounts with nine decimals (29182.000000000) and a zero fee as 0E-9
            m.put("amount", amount == null ? null : amount.scale() > 9 ? amount : amount.setScale(9));
            m.put("description", description);
            m.put("currency", currency);
            m.put("additionalFields", additionalFields);
            m.put("acceptedCardSchemes", List.of());
            m.put("acceptedPaymentMechanisms", List.of());
            m.put("phone", phone);
            m.put("paymentType", "GLOBAL_VAS");
            m.put("errorDescription", errorDescription);
            m.put("created", created.toString());
            m.put("lastModified", lastModified.toString());
            m.put("extraInfo", "{\"paymentData\":\"" + paymentData + "\",\"completed\":" + completed + "}");
            m.put("paymentInstrumentInfo", Map.of());
            m.put("fee", BigDecimal.ZERO.setScale(9));
            m.put("paymentReference", paymentData.substring(paymentData.indexOf('_') + 1));
            m.put("walletId", walletId);
            m.put("customerId", customerId);
            return m;
        }
    }

    /** Registers this simulator with {@link io.dcb4j.testkit.Simulators} through {@link java.util.ServiceLoader}. */
    public static final class Factory implements io.dcb4j.testkit.SimulatorFactory {

        /** Called by {@link java.util.ServiceLoader}. */
        public Factory() {
        }

        @Override
        public String providerId() {
            return "eclipse-vas";
        }

        @Override
        public io.dcb4j.testkit.Simulator start() {
            return new EclipseVasSimulator();
        }

        @Override
        public java.util.Optional<io.dcb4j.testkit.CallbackWriter> callbacks() {
            return java.util.Optional.of(new EclipseVasCallbacks());
        }

        @Override
        public io.dcb4j.testkit.Simulator start(java.net.InetSocketAddress address) {
            return new EclipseVasSimulator(address);
        }
    }
}
