package io.dcb4j.testkit.camara;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.internal.AbstractSimulator;
import io.dcb4j.testkit.internal.SimHandler;
import io.dcb4j.testkit.internal.SimRequest;
import io.dcb4j.testkit.internal.SimResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A stateful simulator of CAMARA Carrier Billing v0.5 ({@value #PAYMENTS_PATH}) and Carrier Billing Refund v0.3
 * ({@value #REFUNDS_PATH}) with an OAuth 2.0 token endpoint ({@value #TOKEN_PATH}, client credentials by HTTP
 * Basic or form fields, scopes granted as asked), speaking the specification's bodies, error answers ({@code
 * {status, code, message}}) and CloudEvents.
 *
 * <p>It checks what the specification asks of an operator: the bearer token and its scope on every call (401
 * {@code UNAUTHENTICATED}, 403 {@code PERMISSION_DENIED}), the {@code x-correlator} (echoed; 400 when it does not
 * match the schema), the schema of every body (400 {@code INVALID_ARGUMENT}, {@code INVALID_SINK}, {@code
 * INVALID_CREDENTIAL}, {@code INVALID_TOKEN}), the {@code phoneNumber} rules (a two-legged token needs it: 422
 * {@code MISSING_IDENTIFIER}; a three-legged one, from {@link #threeLeggedToken}, forbids it: 422 {@code
 * UNNECESSARY_IDENTIFIER}), the currency ({@value #CURRENCY} only), the amount ({@link #MAX_AMOUNT} per payment:
 * 422 {@code CARRIER_BILLING.UNAUTHORIZED_AMOUNT}; {@link #ACCUMULATED_LIMIT} per subscriber: 422 {@code
 * CARRIER_BILLING.USER_AMOUNT_THRESHOLD_OVERPASSED}), the {@code clientCorrelator} (the same request again answers
 * the first payment, a different one with the same correlator 400), a {@code referenceCode} used twice without
 * correlator (409 {@code ALREADY_EXISTS}), the payment states for validate, confirm and cancel (409 {@code
 * CARRIER_BILLING.PAYMENT_CONFIRMED} / {@code PAYMENT_CANCELLED}, validation codes with {@value
 * #MAX_VALIDATION_ATTEMPTS} attempts), unknown ids (404 {@code NOT_FOUND}) and the listings' filters, pages and
 * ranges. Prepared payments expire after the reservation lifetime ({@link #reservationLifetime(Duration)},
 * measured on the simulator's clock, {@link #advanceClock(Duration)}): they become {@code cancelled}. Refunds are
 * checked against the payment (completed, same currency and tax handling, items, what remains) and counted in the
 * remaining amount while processing or succeeded; a subscriber's refunds together stay within {@link
 * #REFUND_ACCUMULATED_LIMIT} (422 {@code CARRIER_BILLING_REFUND.USER_AMOUNT_THRESHOLD_OVERPASSED}).
 *
 * <p>Every status change emits a CloudEvent ({@code application/cloudevents+json}) recorded in {@link
 * #notifications()} under the path of the request's {@code sink} ({@value #SINK} in {@link #clientConfig()}), with
 * {@code Authorization: Bearer <sinkCredential.accessToken>}.
 *
 * <p>Magic MSISDNs (last four digits) that apply, the shared ones of {@link MagicMsisdn} and CAMARA's own:
 * <ul>
 *   <li>WRONG_PIN: a prepared payment asks for a code, and every code is wrong ({@code INVALID_CODE}, then {@code
 *       VALIDATION_FAILED} and {@code denied});</li>
 *   <li>INSUFFICIENT_FUNDS: 403 {@code CARRIER_BILLING.PAYMENT_DENIED} "insufficient balance"; {@value
 *       #PAYMENT_DENIED}: the same, for business reasons (on create, or on the confirmation of a prepared
 *       payment);</li>
 *   <li>BARRED: 422 {@code SERVICE_NOT_APPLICABLE}; UNKNOWN_SUBSCRIBER: 404 {@code IDENTIFIER_NOT_FOUND};
 *       SPEND_LIMIT: 422 {@code CARRIER_BILLING.USER_AMOUNT_THRESHOLD_OVERPASSED}; ALREADY_SUBSCRIBED: 409 {@code
 *       ALREADY_EXISTS};</li>
 *   <li>CONSENT_DENIED: a prepared payment asks for a validation page, and the subscriber denies it;</li>
 *   <li>PROVIDER_OUTAGE: 503; SLOW_ANSWER: late answers;</li>
 *   <li>{@value #PENDING_VALIDATION}: a prepared payment asks for the code sent to the subscriber ({@link
 *       #pinSentTo}); {@value #OPEN_VALIDATION}: it asks for the validation page ({@link #actAsSubscriber});</li>
 *   <li>{@value #ASYNC}: payments and refunds answer {@code processing}, settled by {@link #settle} and {@link
 *       #settleRefund};</li>
 *   <li>{@value #RATE_LIMITED}: 429 {@code TOO_MANY_REQUESTS} (also {@link #throttle(int)} for any call); {@value #REFUND_DENIED}: refunds answer 403 {@code
 *       CARRIER_BILLING_REFUND.REFUND_DENIED}; {@value #NOT_REFUNDABLE}: 403 {@code
 *       CARRIER_BILLING_REFUND.PAYMENT_NOT_ELIGIBLE_FOR_REFUND}.</li>
 * </ul>
 */
public final class CamaraSimulator extends AbstractSimulator {

    /** The client id the simulator accepts. */
    public static final String CLIENT_ID = "camara-sim-client";
    /** The client secret the simulator accepts. */
    public static final String CLIENT_SECRET = "camara-sim-secret";
    /** The token endpoint's path. */
    public static final String TOKEN_PATH = "/oauth2/token";
    /** The payments API's path. */
    public static final String PAYMENTS_PATH = "/carrier-billing/v0.5";
    /** The refunds API's path. */
    public static final String REFUNDS_PATH = "/carrier-billing-refund/v0.3";
    /** The sink of {@link #clientConfig()}. */
    public static final String SINK = "https://merchant.example/camara/sink";
    /** The sink credential of {@link #clientConfig()}. */
    public static final String SINK_TOKEN = "camara-sim-sink-token-5f1e";
    /** The CloudEvents {@code source} of the simulator's events. */
    public static final String SOURCE = "https://camara-sim.example/events";
    /** The only currency the simulator authorizes. */
    public static final String CURRENCY = "EUR";
    /** The largest amount of one payment. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("500");
    /** The largest amount reserved and charged per subscriber. */
    public static final BigDecimal ACCUMULATED_LIMIT = new BigDecimal("1000");
    /** The largest amount refunded per subscriber. */
    public static final BigDecimal REFUND_ACCUMULATED_LIMIT = new BigDecimal("600");
    /** How many wrong codes a validation accepts before it fails. */
    public static final int MAX_VALIDATION_ATTEMPTS = 3;
    /** The listing size above which the simulator asks for narrower criteria. */
    public static final int MAX_MATCHING_RECORDS = 50;
    /** The largest page size. */
    public static final int MAX_PER_PAGE = 1000;
    /** How long prepared payments wait by default. */
    public static final Duration DEFAULT_RESERVATION_LIFETIME = Duration.ofMinutes(15);
    /** How long tokens live. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    /** Suffix: a prepared payment asks for a code. */
    public static final String PENDING_VALIDATION = "9951";
    /** Suffix: a prepared payment asks for a validation page. */
    public static final String OPEN_VALIDATION = "9952";
    /** Suffix: payments and refunds answer {@code processing} until settled. */
    public static final String ASYNC = "9953";
    /** Suffix: 429. */
    public static final String RATE_LIMITED = "9954";
    /** Suffix: 403 {@code CARRIER_BILLING.PAYMENT_DENIED}. */
    public static final String PAYMENT_DENIED = "9955";
    /** Suffix: refunds answer 403 {@code CARRIER_BILLING_REFUND.REFUND_DENIED}. */
    public static final String REFUND_DENIED = "9956";
    /** Suffix: refunds answer 403 {@code CARRIER_BILLING_REFUND.PAYMENT_NOT_ELIGIBLE_FOR_REFUND}. */
    public static final String NOT_REFUNDABLE = "9957";

    /** Every scope the simulator knows. */
    public static final Set<String> SCOPES = Set.of("carrier-billing:payments:create",
            "carrier-billing:payments:write", "carrier-billing:payments:read",
            "carrier-billing-refund:refunds:create", "carrier-billing-refund:refunds:read");

    private static final Pattern CORRELATOR = Pattern.compile("[a-zA-Z0-9_:;./<>{}-]{0,256}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{4,14}");
    private static final String PAYMENT_EVENT = "org.camaraproject.carrier-billing.v0.payment-";
    private static final String REFUND_EVENT = "org.camaraproject.carrier-billing-refund.v0.refund-";

    private record Token(String subscriber, Set<String> scopes, Instant expiresAt) {
    }

    private record Caller(String subscriber) {
    }

    @FunctionalInterface
    private interface Handler {
        SimResponse handle(SimRequest request, Caller caller);
    }

    /** One payment; guarded by the simulator's lock. */
    private static final class Pay {
        final String id;
        final String msisdn;
        final boolean twoStep;
        final boolean threeLegged;
        final Instant createdAt;
        final JsonNode amountTransaction;
        final BigDecimal amount;
        final boolean taxIncluded;
        final String merchantIdentifier;
        final String sink;
        final String sinkToken;
        final String fingerprint;
        String status;
        Instant paidAt;
        Instant expiresAt;
        String validationAction;
        String authorizationId;
        String code;
        int wrongCodes;
        final List<Ref> refunds = new ArrayList<>();

        Pay(String id, String msisdn, boolean twoStep, boolean threeLegged, Instant createdAt,
                JsonNode amountTransaction, BigDecimal amount, boolean taxIncluded, String merchantIdentifier,
                String sink, String sinkToken, String fingerprint) {
            this.id = id;
            this.msisdn = msisdn;
            this.twoStep = twoStep;
            this.threeLegged = threeLegged;
            this.createdAt = createdAt;
            this.amountTransaction = amountTransaction;
            this.amount = amount;
            this.taxIncluded = taxIncluded;
            this.merchantIdentifier = merchantIdentifier;
            this.sink = sink;
            this.sinkToken = sinkToken;
            this.fingerprint = fingerprint;
        }
    }

    /** One refund; guarded by the simulator's lock. */
    private static final class Ref {
        final String id;
        final Pay payment;
        final String type;
        final BigDecimal amount;
        final JsonNode amountTransaction;
        final String reason;
        final String merchantIdentifier;
        final Instant createdAt;
        final String sink;
        final String sinkToken;
        final String fingerprint;
        String status;
        Instant refundedAt;

        Ref(String id, Pay payment, String type, BigDecimal amount, JsonNode amountTransaction, String reason,
                String merchantIdentifier, Instant createdAt, String sink, String sinkToken, String fingerprint) {
            this.id = id;
            this.payment = payment;
            this.type = type;
            this.amount = amount;
            this.amountTransaction = amountTransaction;
            this.reason = reason;
            this.merchantIdentifier = merchantIdentifier;
            this.createdAt = createdAt;
            this.sink = sink;
            this.sinkToken = sinkToken;
            this.fingerprint = fingerprint;
        }
    }

    private final Object lock = new Object();
    private final Map<String, Pay> payments = new LinkedHashMap<>();
    private final Map<String, Pay> byCorrelator = new LinkedHashMap<>();
    private final Map<String, Ref> refundsByCorrelator = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(1000);
    private volatile Duration clockOffset = Duration.ZERO;
    private volatile Duration reservationLifetime = DEFAULT_RESERVATION_LIFETIME;
    private final java.util.concurrent.atomic.AtomicInteger throttled = new java.util.concurrent.atomic.AtomicInteger();

    /** Starts the simulator on a free loopback port. */
    public CamaraSimulator() {
        this(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
    }

    /**
     * Starts the simulator on a given address, to run it as a standalone server ({@code dcb simulate}).
     *
     * @param address the address and port to bind; port 0 for a free one
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public CamaraSimulator(java.net.InetSocketAddress address) {
        super("camara", address);
        server.route("POST", TOKEN_PATH, this::token);
        String p = PAYMENTS_PATH + "/payments";
        server.route("POST", p + "/prepare", api("carrier-billing:payments:create", (r, c) -> create(r, c, true)));
        server.route("POST", p, api("carrier-billing:payments:create", (r, c) -> create(r, c, false)));
        server.route("GET", p, api("carrier-billing:payments:read", this::listPayments));
        server.route("POST", p + "/{id}/validate", api("carrier-billing:payments:write", this::validate));
        server.route("POST", p + "/{id}/confirm", api("carrier-billing:payments:write", (r, c) -> secondStep(r, c,
                true)));
        server.route("POST", p + "/{id}/cancel", api("carrier-billing:payments:write", (r, c) -> secondStep(r, c,
                false)));
        server.route("GET", p + "/{id}", api("carrier-billing:payments:read", this::retrievePayment));
        String rf = REFUNDS_PATH + "/payments/{id}/refunds";
        server.route("GET", rf + "/remaining-amount", api("carrier-billing-refund:refunds:read", this::remaining));
        server.route("POST", rf, api("carrier-billing-refund:refunds:create", this::createRefund));
        server.route("GET", rf, api("carrier-billing-refund:refunds:read", this::listRefunds));
        server.route("GET", rf + "/{refundId}", api("carrier-billing-refund:refunds:read", this::retrieveRefund));
        server.route("GET", "/validate/{id}", this::validationPage);
    }

    // ------------------------------------------------------------------ Simulator

    @Override
    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public Map<String, String> clientConfig() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("base-url", baseUrl());
        m.put("token-url", server.baseUrl() + TOKEN_PATH);
        m.put("client-id", CLIENT_ID);
        m.put("client-secret", CLIENT_SECRET);
        m.put("sink", SINK);
        m.put("notification-secret", SINK_TOKEN);
        m.put("notification-allowed-sources", "127.0.0.1");
        m.put("allow-insecure-http", "true");
        return m;
    }

    @Override
    public Msisdn sampleMsisdn() {
        return Msisdn.of("34671234567");
    }

    @Override
    public OfferId sampleOffer() {
        return OfferId.of("vod-47");
    }

    @Override
    public ChargeRequest sampleCharge(Msisdn msisdn) {
        return ChargeRequest.builder(Money.of("2.99", CURRENCY)).msisdn(msisdn).offer(sampleOffer())
                .description("VOD rental").clientReference("order-" + sequence.incrementAndGet()).build();
    }

    @Override
    public ChargeRequest sampleChargeToConfirm(Msisdn msisdn) {
        return ChargeRequest.builder(Money.of("4.99", CURRENCY)).msisdn(msisdn).offer(sampleOffer())
                .description("VOD purchase").clientReference("order-" + sequence.incrementAndGet())
                .param("flow", "two-step").build();
    }

    /**
     * The validation code last sent to a subscriber by SMS, for a prepared payment that asks for one.
     *
     * @param msisdn the subscriber
     * @return the code
     */
    @Override
    public Optional<String> pinSentTo(Msisdn msisdn) {
        return Optional.ofNullable(codes.get(msisdn.digits()));
    }

    /**
     * Opens the validation page of a prepared payment ({@link NextAction.Redirect}) and approves or denies it:
     * the payment becomes {@code reserved}, or {@code denied} (also when approved by a CONSENT_DENIED number).
     *
     * @param action the redirect a client returned
     * @param approve true to approve
     */
    @Override
    public void actAsSubscriber(NextAction action, boolean approve) {
        if (!(action instanceof NextAction.Redirect redirect)) {
            throw new UnsupportedOperationException("camara has no subscriber action " + action.type());
        }
        String path = URI.create(redirect.url()).getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);
        synchronized (lock) {
            Pay p = payments.get(id);
            if (p == null) {
                throw new IllegalArgumentException("no payment waits for this page");
            }
            openValidation(p, approve);
        }
    }

    /**
     * Settles a payment that is {@code processing}: a one-step payment is charged ({@code succeeded}), a prepared
     * one reserved (or asks for its validation).
     *
     * @param charge the payment
     */
    @Override
    public void settle(ChargeRef charge) {
        synchronized (lock) {
            Pay p = payments.get(charge.id());
            if (p == null) {
                throw new IllegalArgumentException("no such payment");
            }
            if (!p.status.equals("processing")) {
                return;
            }
            if (!p.twoStep) {
                charge(p);
            } else {
                p.status = "reserved";
                p.expiresAt = now().plus(reservationLifetime);
                paymentEvent(p, "reserved", "succeeded", null);
            }
        }
    }

    /**
     * Settles a refund that is {@code processing}.
     *
     * @param paymentId the payment
     * @param refundId the refund
     * @param approve true for {@code succeeded}, false for {@code denied}
     */
    public void settleRefund(String paymentId, String refundId, boolean approve) {
        synchronized (lock) {
            Pay p = payments.get(paymentId);
            Ref r = p == null ? null : p.refunds.stream().filter(x -> x.id.equals(refundId)).findFirst().orElse(null);
            if (r == null) {
                throw new IllegalArgumentException("no such refund");
            }
            if (!r.status.equals("processing")) {
                return;
            }
            if (approve) {
                r.status = "succeeded";
                r.refundedAt = now();
                refundEvent(r, "completed", "succeeded", null);
            } else {
                r.status = "denied";
                refundEvent(r, "denied", "failed", "Refund denied by business");
            }
        }
    }

    /**
     * A three-legged token, as the operator's OpenID Connect flow issues it for one subscriber, with every scope.
     *
     * @param subscriber the subscriber it names
     * @return the access token
     */
    public String threeLeggedToken(Msisdn subscriber) {
        return threeLeggedToken(subscriber, SCOPES);
    }

    /**
     * A three-legged token for one subscriber with some scopes only.
     *
     * @param subscriber the subscriber it names
     * @param scopes the scopes granted
     * @return the access token
     */
    public String threeLeggedToken(Msisdn subscriber, Set<String> scopes) {
        String token = "sim-3l-" + randomId(16);
        tokens.put(token, new Token(subscriber.digits(), Set.copyOf(scopes), now().plus(TOKEN_LIFETIME)));
        return token;
    }

    /**
     * A two-legged token with some scopes only, as the token endpoint would grant it.
     *
     * @param scopes the scopes granted
     * @return the access token
     */
    public String twoLeggedToken(Set<String> scopes) {
        String token = "sim-2l-" + randomId(16);
        tokens.put(token, new Token(null, Set.copyOf(scopes), now().plus(TOKEN_LIFETIME)));
        return token;
    }

    /**
     * Answers the next API calls with 429 {@code TOO_MANY_REQUESTS}, as an operator's rate limit does.
     *
     * @param calls how many calls
     */
    public void throttle(int calls) {
        throttled.set(calls);
    }

    /**
     * How long prepared payments wait for their confirmation before they are cancelled.
     *
     * @param lifetime the lifetime
     */
    public void reservationLifetime(Duration lifetime) {
        this.reservationLifetime = lifetime;
    }

    /**
     * Moves the simulator's clock forward: tokens expire, prepared payments are discarded, dates move.
     *
     * @param duration how far
     */
    public void advanceClock(Duration duration) {
        this.clockOffset = clockOffset.plus(duration);
        synchronized (lock) {
            payments.values().forEach(this::expire);
        }
    }

    /**
     * A payment's status as the simulator holds it, for tests.
     *
     * @param paymentId the payment
     * @return the {@code paymentStatus}, empty when unknown
     */
    public Optional<String> paymentStatus(String paymentId) {
        synchronized (lock) {
            return Optional.ofNullable(payments.get(paymentId)).map(p -> p.status);
        }
    }

    /**
     * A number of the same country and length as {@code sample} ending with one of CAMARA's suffixes.
     *
     * @param sample a valid MSISDN
     * @param suffix one of the suffix constants of this class
     * @return the number
     */
    public static Msisdn withSuffix(Msisdn sample, String suffix) {
        String d = sample.digits();
        return Msisdn.of(d.substring(0, d.length() - suffix.length()) + suffix);
    }

    @Override
    public void reset() {
        synchronized (lock) {
            payments.clear();
            byCorrelator.clear();
            refundsByCorrelator.clear();
        }
        tokens.clear();
        codes.clear();
        throttled.set(0);
        clockOffset = Duration.ZERO;
        reservationLifetime = DEFAULT_RESERVATION_LIFETIME;
        super.reset();
    }

    /**
     * The simulator's time: the wall clock moved by {@link #advanceClock(Duration)}.
     *
     * @return the instant
     */
    public Instant currentTime() {
        return now();
    }

    private Instant now() {
        return Instant.now().plus(clockOffset);
    }

    // ------------------------------------------------------------------ token endpoint

    private SimResponse token(SimRequest r) {
        String id = r.formField("client_id").orElse(null);
        String secret = r.formField("client_secret").orElse(null);
        String basic = r.header("Authorization").orElse("");
        if (basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(basic.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                pair = "";
            }
            int colon = pair.indexOf(':');
            id = colon < 0 ? null : java.net.URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
            secret = colon < 0 ? null : java.net.URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
        }
        if (!CLIENT_ID.equals(id) || !CLIENT_SECRET.equals(secret)) {
            return SimResponse.json(401, Map.of("error", "invalid_client",
                    "error_description", "Client authentication failed"));
        }
        if (!"client_credentials".equals(r.formField("grant_type").orElse(null))) {
            return SimResponse.json(400, Map.of("error", "unsupported_grant_type",
                    "error_description", "Only client_credentials is supported"));
        }
        Set<String> scopes = SCOPES;
        String asked = r.formField("scope").orElse(null);
        if (asked != null && !asked.isBlank()) {
            scopes = Set.of(asked.strip().split("\\s+"));
            if (!SCOPES.containsAll(scopes)) {
                return SimResponse.json(400, Map.of("error", "invalid_scope", "error_description", "Unknown scope"));
            }
        }
        String token = "sim-2l-" + randomId(16);
        tokens.put(token, new Token(null, scopes, now().plus(TOKEN_LIFETIME)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", TOKEN_LIFETIME.toSeconds());
        body.put("scope", String.join(" ", scopes));
        return SimResponse.json(200, body);
    }

    // ------------------------------------------------------------------ common checks

    private SimHandler api(String scope, Handler handler) {
        return r -> {
            String correlator = r.header("x-correlator").orElse(null);
            SimResponse answer;
            try {
                if (correlator != null && !CORRELATOR.matcher(correlator).matches()) {
                    answer = error(400, "INVALID_ARGUMENT", "Invalid x-correlator header.");
                } else {
                    Caller caller = authenticate(r, scope);
                    if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        answer = error(429, "TOO_MANY_REQUESTS", "Rate limit reached.").withHeader("Retry-After",
                                "1");
                    } else {
                        answer = handler.handle(r, caller);
                    }
                }
            } catch (SimResponse.Failure f) {
                answer = f.response();
            }
            return correlator == null || !CORRELATOR.matcher(correlator).matches() ? answer
                    : answer.withHeader("x-correlator", correlator);
        };
    }

    private Caller authenticate(SimRequest r, String scope) {
        String header = r.header("Authorization").orElse("");
        String value = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        Token t = tokens.get(value);
        if (t == null || !now().isBefore(t.expiresAt())) {
            throw fail(401, "UNAUTHENTICATED", "Request not authenticated due to missing, invalid, or expired "
                    + "credentials. A new authentication is required.");
        }
        if (!t.scopes().contains(scope)) {
            throw fail(403, "PERMISSION_DENIED", "Client does not have sufficient permissions to perform this action.");
        }
        return new Caller(t.subscriber());
    }

    private static SimResponse error(int status, String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("code", code);
        m.put("message", message);
        return SimResponse.json(status, m);
    }

    private static SimResponse.Failure fail(int status, String code, String message) {
        return new SimResponse.Failure(error(status, code, message));
    }

    private static SimResponse.Failure invalid(String message) {
        return fail(400, "INVALID_ARGUMENT", message);
    }

    private static JsonNode body(SimRequest r) {
        if (r.body().length == 0) {
            throw invalid("Client specified an invalid argument, request body or query param.");
        }
        JsonNode node = Json.treeOrNull(r.bodyText());
        if (node == null || !node.isObject()) {
            throw invalid("Client specified an invalid argument, request body or query param.");
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static String requireText(JsonNode node, String path, String field) {
        String v = text(node, field);
        if (v == null) {
            throw invalid("Expected property is missing: " + path + field);
        }
        return v;
    }

    private static BigDecimal requireAmount(JsonNode node, String path) {
        JsonNode v = node.get("amount");
        if (v == null || !v.isNumber()) {
            throw invalid("Expected property is missing: " + path + "amount");
        }
        BigDecimal amount = v.decimalValue();
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 3) {
            throw invalid("Client specified an invalid argument, request body or query param.");
        }
        return amount;
    }

    /** The subscriber of a call, after the phone number rules of the specification. */
    private static String subscriber(Caller caller, JsonNode phoneHolder) {
        JsonNode raw = phoneHolder == null ? null : phoneHolder.get("phoneNumber");
        String phone = raw == null || raw.isNull() ? null : raw.asText();
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw invalid("phoneNumber does not match ^\\+[1-9][0-9]{4,14}$");
        }
        if (caller.subscriber() != null) {
            if (phone != null) {
                throw fail(422, "UNNECESSARY_IDENTIFIER", "The phone number is already identified by the access "
                        + "token.");
            }
            return caller.subscriber();
        }
        if (phone == null) {
            throw fail(422, "MISSING_IDENTIFIER", "The phone number cannot be identified.");
        }
        return phone.substring(1);
    }

    private static boolean magic(String msisdn, MagicMsisdn m) {
        return MagicMsisdn.of(msisdn).filter(x -> x == m).isPresent();
    }

    private static boolean suffix(String msisdn, String suffix) {
        return msisdn != null && msisdn.endsWith(suffix);
    }

    /** The business checks every call about a subscriber makes: magic numbers of the operator's systems. */
    private SimResponse subscriberChecks(String msisdn, SimResponse answer) {
        SimResponse checked = withTransportMagic(msisdn, answer);
        if (suffix(msisdn, RATE_LIMITED)) {
            throw new SimResponse.Failure(error(429, "TOO_MANY_REQUESTS", "Rate limit reached.")
                    .withHeader("Retry-After", "1"));
        }
        if (magic(msisdn, MagicMsisdn.UNKNOWN_SUBSCRIBER)) {
            throw fail(404, "IDENTIFIER_NOT_FOUND", "phoneNumber not found.");
        }
        if (magic(msisdn, MagicMsisdn.BARRED)) {
            throw fail(422, "SERVICE_NOT_APPLICABLE", "The service is not available for the provided identifier.");
        }
        return checked;
    }

    // ------------------------------------------------------------------ payments

    private SimResponse create(SimRequest r, Caller caller, boolean twoStep) {
        JsonNode body = body(r);
        JsonNode tx = body.get("amountTransaction");
        if (tx == null || !tx.isObject()) {
            throw invalid("Expected property is missing: amountTransaction");
        }
        JsonNode amountNode = tx.get("paymentAmount");
        if (amountNode == null || !amountNode.isObject()) {
            throw invalid("Expected property is missing: amountTransaction.paymentAmount");
        }
        JsonNode info = amountNode.get("chargingInformation");
        if (info == null || !info.isObject()) {
            throw invalid("Expected property is missing: amountTransaction.paymentAmount.chargingInformation");
        }
        String path = "amountTransaction.paymentAmount.chargingInformation.";
        BigDecimal amount = requireAmount(info, path);
        String currency = requireText(info, path, "currency");
        requireText(info, path, "description");
        String referenceCode = requireText(tx, "amountTransaction.", "referenceCode");
        String[] sink = sink(body);
        String msisdn = subscriber(caller, tx);
        SimResponse timing = subscriberChecks(msisdn, SimResponse.empty(201));
        if (magic(msisdn, MagicMsisdn.INSUFFICIENT_FUNDS)) {
            throw fail(403, "CARRIER_BILLING.PAYMENT_DENIED", "Payment denied by business: insufficient balance.");
        }
        if (suffix(msisdn, PAYMENT_DENIED) && !twoStep) {
            throw fail(403, "CARRIER_BILLING.PAYMENT_DENIED", "Payment denied by business.");
        }
        if (magic(msisdn, MagicMsisdn.ALREADY_SUBSCRIBED)) {
            throw fail(409, "ALREADY_EXISTS", "The resource that a client tried to create already exists.");
        }
        if (!CURRENCY.equals(currency)) {
            throw invalid("Currency is unknown or not authorized.");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw fail(422, "CARRIER_BILLING.UNAUTHORIZED_AMOUNT", "Unauthorized amount requested.");
        }
        String correlator = text(tx, "clientCorrelator");
        // the request, without the sink credential (a retry may carry a later expiry)
        String fingerprint = tx.toString() + " " + sink[0] + (twoStep ? " prepare" : " create");
        synchronized (lock) {
            if (correlator != null) {
                Pay earlier = byCorrelator.get(correlator);
                if (earlier != null) {
                    if (earlier.fingerprint.equals(fingerprint)) {
                        expire(earlier);
                        return SimResponse.json(201, paymentJson(earlier, true)).delayed(timing.delay());
                    }
                    throw invalid("clientCorrelator already exist on server.");
                }
            } else if (payments.values().stream().anyMatch(p -> referenceCode.equals(
                    text(p.amountTransaction, "referenceCode")))) {
                throw fail(409, "ALREADY_EXISTS", "The resource that a client tried to create already exists.");
            }
            BigDecimal spent = payments.values().stream().filter(p -> p.msisdn.equals(msisdn))
                    .filter(p -> Set.of("succeeded", "reserved", "processing", "pending_validation").contains(p.status))
                    .map(p -> p.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (magic(msisdn, MagicMsisdn.SPEND_LIMIT) || spent.add(amount).compareTo(ACCUMULATED_LIMIT) > 0) {
                throw fail(422, "CARRIER_BILLING.USER_AMOUNT_THRESHOLD_OVERPASSED", "Unauthorized payment request. "
                        + "Accumulated user mobile payments overpass account amount threshold.");
            }
            ObjectNode stored = ((ObjectNode) tx.deepCopy()).put("phoneNumber", "+" + msisdn);
            String id = "pay-" + sequence.incrementAndGet();
            stored.put("resourceURL", "urn:payments:" + id);
            stored.put("serverReferenceCode", referenceCode + "-srv");
            JsonNode meta = amountNode.path("chargingMetaData");
            Pay p = new Pay(id, msisdn, twoStep, caller.subscriber() != null, now(), stored, amount,
                    info.path("isTaxIncluded").asBoolean(false), text(meta, "merchantIdentifier"), sink[0], sink[1],
                    fingerprint);
            payments.put(id, p);
            if (correlator != null) {
                byCorrelator.put(correlator, p);
            }
            if (suffix(msisdn, ASYNC)) {
                p.status = "processing";
            } else if (!twoStep) {
                charge(p);
            } else {
                prepare(p);
            }
            return SimResponse.json(201, paymentJson(p, true)).delayed(timing.delay());
        }
    }

    /** The sink and its credential of a create: checked as the specification describes. */
    private static String[] sink(JsonNode body) {
        JsonNode sinkNode = body.get("sink");
        JsonNode credential = body.get("sinkCredential");
        if (sinkNode != null && !sinkNode.isNull() && !sinkNode.isTextual()
                || credential != null && !credential.isNull() && !credential.isObject()) {
            throw invalid("Client specified an invalid argument, request body or query param.");
        }
        String sink = text(body, "sink");
        if (sink != null && !sink.startsWith("https://")) {
            throw fail(400, "INVALID_SINK", "sink not valid for the specified protocol");
        }
        String token = null;
        if (credential != null && !credential.isNull()) {
            if (!credential.isObject() || text(credential, "credentialType") == null) {
                throw invalid("Client specified an invalid argument, request body or query param.");
            }
            if (!"ACCESSTOKEN".equals(text(credential, "credentialType"))) {
                throw fail(400, "INVALID_CREDENTIAL", "Only Access token is supported");
            }
            if (!"bearer".equalsIgnoreCase(String.valueOf(text(credential, "accessTokenType")))) {
                throw fail(400, "INVALID_TOKEN", "Only bearer token is supported");
            }
            token = text(credential, "accessToken");
            String expires = text(credential, "accessTokenExpiresUtc");
            if (token == null || expires == null) {
                throw invalid("Client specified an invalid argument, request body or query param.");
            }
            try {
                OffsetDateTime.parse(expires);
            } catch (DateTimeParseException e) {
                throw invalid("Client specified an invalid argument, request body or query param.");
            }
        }
        return new String[] {sink, token};
    }

    private void prepare(Pay p) {
        p.expiresAt = now().plus(reservationLifetime);
        if (magic(p.msisdn, MagicMsisdn.WRONG_PIN) || suffix(p.msisdn, PENDING_VALIDATION)) {
            p.status = "pending_validation";
            p.validationAction = "validate";
            p.authorizationId = "auth-" + randomId(8);
            p.code = randomPin(6);
            codes.put(p.msisdn, p.code);
            paymentEvent(p, "pending-validation", "succeeded", null);
        } else if (magic(p.msisdn, MagicMsisdn.CONSENT_DENIED) || suffix(p.msisdn, OPEN_VALIDATION)) {
            p.status = "pending_validation";
            p.validationAction = "open";
            paymentEvent(p, "pending-validation", "succeeded", null);
        } else {
            p.status = "reserved";
            paymentEvent(p, "reserved", "succeeded", null);
        }
    }

    private void charge(Pay p) {
        p.status = "succeeded";
        p.paidAt = now();
        p.expiresAt = null;
        paymentEvent(p, "completed", "succeeded", null);
    }

    private void deny(Pay p, String reason) {
        p.status = "denied";
        p.expiresAt = null;
        paymentEvent(p, "denied", "failed", reason);
    }

    /** Discards a prepared payment that waited too long. */
    private void expire(Pay p) {
        if (p.expiresAt != null && !now().isBefore(p.expiresAt)
                && Set.of("reserved", "pending_validation").contains(p.status)) {
            p.status = "cancelled";
            p.expiresAt = null;
            codes.remove(p.msisdn);
            paymentEvent(p, "cancelled", "succeeded", null);
        }
    }

    private Pay payment(SimRequest r, Caller caller) {
        Pay p = payments.get(r.pathParam("id"));
        if (p == null || (caller.subscriber() != null && !caller.subscriber().equals(p.msisdn))) {
            throw fail(404, "NOT_FOUND", "The specified resource is not found.");
        }
        expire(p);
        return p;
    }

    private SimResponse retrievePayment(SimRequest r, Caller caller) {
        synchronized (lock) {
            return SimResponse.json(200, paymentJson(payment(r, caller), false));
        }
    }

    private SimResponse validate(SimRequest r, Caller caller) {
        JsonNode body = body(r);
        String authorizationId = requireText(body, "", "authorizationId");
        String code = requireText(body, "", "code");
        synchronized (lock) {
            Pay p = payment(r, caller);
            if (!"validate".equals(p.validationAction)) {
                throw invalid("Payment status does not allow to validate it.");
            }
            if (!p.status.equals("pending_validation")) {
                if (p.status.equals("denied") && p.wrongCodes >= MAX_VALIDATION_ATTEMPTS) {
                    throw fail(400, "CARRIER_BILLING.VALIDATION_FAILED",
                            "the maximum number of attempts have been consumed for this validation.");
                }
                if (p.status.equals("reserved") || p.status.equals("succeeded")) {
                    throw fail(409, "ALREADY_EXISTS", "Payment already validated");
                }
                throw invalid("Payment status does not allow to validate it.");
            }
            if (!authorizationId.equals(p.authorizationId)) {
                throw fail(400, "CARRIER_BILLING.INVALID_AUTHORIZATION_ID", "Invalid authorizationId.");
            }
            if (magic(p.msisdn, MagicMsisdn.WRONG_PIN) || !code.equals(p.code)) {
                p.wrongCodes++;
                if (p.wrongCodes >= MAX_VALIDATION_ATTEMPTS) {
                    codes.remove(p.msisdn);
                    deny(p, "Validation failed");
                    throw fail(400, "CARRIER_BILLING.VALIDATION_FAILED",
                            "the maximum number of attempts have been consumed for this validation.");
                }
                throw fail(400, "CARRIER_BILLING.INVALID_CODE", "Invalid code.");
            }
            codes.remove(p.msisdn);
            p.status = "reserved";
            p.expiresAt = now().plus(reservationLifetime);
            paymentEvent(p, "reserved", "succeeded", null);
            return SimResponse.empty(204);
        }
    }

    private SimResponse secondStep(SimRequest r, Caller caller, boolean confirm) {
        JsonNode body = body(r);
        synchronized (lock) {
            Pay p = payment(r, caller);
            String msisdn = subscriber(caller, body);
            SimResponse timing = subscriberChecks(msisdn, SimResponse.empty(202));
            if (!msisdn.equals(p.msisdn)) {
                throw fail(404, "IDENTIFIER_NOT_FOUND", "phoneNumber not found.");
            }
            if (confirm && suffix(msisdn, PAYMENT_DENIED) && p.status.equals("reserved")) {
                deny(p, "Payment denied by business");
                throw fail(403, "CARRIER_BILLING.PAYMENT_DENIED", "Payment denied by business.");
            }
            if (!p.twoStep) {
                throw invalid("Payment status does not allow to " + (confirm ? "confirm" : "cancel") + " it");
            }
            switch (p.status) {
                case "succeeded" -> throw fail(409, "CARRIER_BILLING.PAYMENT_CONFIRMED", "Payment has been confirmed.");
                case "cancelled" -> throw fail(409, "CARRIER_BILLING.PAYMENT_CANCELLED", "Payment has been cancelled.");
                case "reserved" -> {
                    if (confirm) {
                        if (suffix(p.msisdn, ASYNC)) {
                            p.status = "processing";
                            p.expiresAt = null;
                        } else {
                            charge(p);
                        }
                    } else {
                        cancel(p);
                    }
                }
                case "pending_validation" -> {
                    if (confirm) {
                        throw invalid("Payment status does not allow to confirm it");
                    }
                    cancel(p);
                }
                default -> throw invalid("Payment status does not allow to " + (confirm ? "confirm" : "cancel")
                        + " it");
            }
            return timing;
        }
    }

    private void cancel(Pay p) {
        p.status = "cancelled";
        p.expiresAt = null;
        codes.remove(p.msisdn);
        paymentEvent(p, "cancelled", "succeeded", null);
    }

    private void openValidation(Pay p, boolean approve) {
        if (!"open".equals(p.validationAction) || !p.status.equals("pending_validation")) {
            return;
        }
        if (!approve || magic(p.msisdn, MagicMsisdn.CONSENT_DENIED)) {
            deny(p, "The subscriber did not validate the payment");
        } else {
            p.status = "reserved";
            p.expiresAt = now().plus(reservationLifetime);
            paymentEvent(p, "reserved", "succeeded", null);
        }
    }

    private SimResponse validationPage(SimRequest r) {
        synchronized (lock) {
            Pay p = payments.get(r.pathParam("id"));
            if (p == null) {
                return SimResponse.text(404, "text/html", "<html>Unknown payment</html>");
            }
            if (r.query("approve").isPresent()) {
                openValidation(p, Boolean.parseBoolean(r.query("approve").get()));
                return SimResponse.text(200, "text/html", "<html>Thank you</html>");
            }
            return SimResponse.text(200, "text/html", "<html>Pay " + p.amount.toPlainString() + " " + CURRENCY
                    + "? <a href=\"?approve=true\">Yes</a> <a href=\"?approve=false\">No</a></html>");
        }
    }

    private SimResponse listPayments(SimRequest r, Caller caller) {
        Listing l = listing(r, "paymentCreationDate", "CARRIER_BILLING.",
                Set.of("processing", "pending_validation", "denied", "reserved", "succeeded", "cancelled"),
                "paymentStatus");
        synchronized (lock) {
            List<Pay> matching = new ArrayList<>();
            for (Pay p : payments.values()) {
                expire(p);
                if ((caller.subscriber() == null || caller.subscriber().equals(p.msisdn)) && l.matches(p.createdAt,
                        p.status, p.merchantIdentifier)) {
                    matching.add(p);
                }
            }
            matching.sort(Comparator.comparing((Pay p) -> p.createdAt).thenComparing(p -> p.id));
            List<JsonNode> items = new ArrayList<>();
            matching.forEach(p -> items.add(paymentJson(p, false)));
            return l.page(items);
        }
    }

    /** The query of a listing: filters, order and page. */
    private final class Listing {
        final int page;
        final int perPage;
        final Instant from;
        final Instant to;
        final boolean ascending;
        final List<String> statuses;
        final String merchant;
        final String errorPrefix;

        Listing(int page, int perPage, Instant from, Instant to, boolean ascending, List<String> statuses,
                String merchant, String errorPrefix) {
            this.page = page;
            this.perPage = perPage;
            this.from = from;
            this.to = to;
            this.ascending = ascending;
            this.statuses = statuses;
            this.merchant = merchant;
            this.errorPrefix = errorPrefix;
        }

        boolean matches(Instant created, String status, String merchantIdentifier) {
            return (from == null || !created.isBefore(from)) && (to == null || !created.isAfter(to))
                    && (statuses.isEmpty() || statuses.contains(status))
                    && (merchant == null || merchant.equals(merchantIdentifier));
        }

        SimResponse page(List<JsonNode> ascendingItems) {
            if (ascendingItems.size() > MAX_MATCHING_RECORDS) {
                throw fail(400, errorPrefix + "TOO_MANY_MATCHING_RECORDS", "Too many matching records found. "
                        + "Specify additional/suitable criteria to limit the number of records.");
            }
            List<JsonNode> ordered = new ArrayList<>(ascendingItems);
            if (!ascending) {
                java.util.Collections.reverse(ordered);
            }
            long first = (long) (page - 1) * perPage;
            if (page > 1 && first >= ordered.size()) {
                throw fail(400, "OUT_OF_RANGE", "Client specified an invalid range.");
            }
            int start = (int) first;
            ArrayNode out = Json.mapper().createArrayNode();
            for (int i = start; i < Math.min(ordered.size(), start + perPage); i++) {
                out.add(ordered.get(i));
            }
            SimResponse answer = SimResponse.json(200, out).withHeader("X-Total-Count",
                    Integer.toString(ordered.size()));
            return out.isEmpty() ? answer : answer.withHeader("Content-Last-Key",
                    Integer.toString(start + out.size()));
        }
    }

    private Listing listing(SimRequest r, String dateField, String errorPrefix, Set<String> known,
            String statusName) {
        int page = integer(r, "page", 1);
        int perPage = integer(r, "perPage", 10);
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw fail(400, "OUT_OF_RANGE", "Client specified an invalid range.");
        }
        Instant from = date(r, dateField + ".gte");
        Instant to = date(r, dateField + ".lte");
        if (from != null && to == null) {
            to = now();
        }
        if (from != null && to.isBefore(from)) {
            throw fail(400, errorPrefix + "INVALID_DATE_RANGE", "Client specified an invalid date range.");
        }
        String order = r.query("order").orElse("desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw invalid("Client specified an invalid argument, request body or query param.");
        }
        List<String> statuses = new ArrayList<>();
        for (String s : r.query().getOrDefault(statusName, List.of())) {
            for (String one : s.split(",")) {
                if (!known.contains(one.strip())) {
                    throw invalid("Client specified an invalid argument, request body or query param.");
                }
                statuses.add(one.strip());
            }
        }
        return new Listing(page, perPage, from, to, order.equals("asc"), statuses,
                r.query("merchantIdentifier").orElse(null), errorPrefix);
    }

    private static int integer(SimRequest r, String name, int fallback) {
        String v = r.query(name).orElse(null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw invalid("Client specified an invalid argument, request body or query param.");
        }
    }

    private static Instant date(SimRequest r, String name) {
        String v = r.query(name).orElse(null);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("Client specified an invalid argument, request body or query param.");
        }
    }

    private ObjectNode paymentJson(Pay p, boolean withValidation) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("paymentId", p.id);
        o.set("amountTransaction", p.amountTransaction);
        o.put("paymentStatus", p.status);
        o.put("paymentCreationDate", p.createdAt.toString());
        if (p.paidAt != null) {
            o.put("paymentDate", p.paidAt.toString());
        }
        if (withValidation && p.status.equals("pending_validation") && p.validationAction != null) {
            ObjectNode v = o.putObject("validationInfo");
            v.put("action", p.validationAction);
            if (p.validationAction.equals("validate")) {
                v.put("authorizationId", p.authorizationId);
            } else {
                v.put("validationURL", server.baseUrl() + "/validate/" + p.id);
            }
        }
        if (p.sink != null) {
            o.put("sink", p.sink);
        }
        return o;
    }

    // ------------------------------------------------------------------ refunds

    private SimResponse createRefund(SimRequest r, Caller caller) {
        JsonNode body = body(r);
        String type = requireText(body, "", "type");
        if (!type.equals("total") && !type.equals("partial")) {
            throw invalid("Client specified an invalid argument, request body or query param.");
        }
        JsonNode tx = body.get("amountTransaction");
        if (tx == null || !tx.isObject()) {
            throw invalid("Expected property is missing: amountTransaction");
        }
        JsonNode refundAmount = tx.get("refundAmount");
        if (refundAmount == null || !refundAmount.isObject()) {
            throw invalid("Expected property is missing: amountTransaction.refundAmount");
        }
        String referenceCode = requireText(tx, "amountTransaction.", "referenceCode");
        JsonNode info = refundAmount.get("chargingInformation");
        BigDecimal amount = null;
        if (type.equals("partial")) {
            if (info == null || !info.isObject()) {
                throw invalid("Expected property is missing: amountTransaction.refundAmount.chargingInformation");
            }
            String path = "amountTransaction.refundAmount.chargingInformation.";
            amount = requireAmount(info, path);
            requireText(info, path, "currency");
            requireText(info, path, "description");
        }
        String[] sink = sink(body);
        String correlator = text(tx, "clientCorrelator");
        String fingerprint = r.pathParam("id") + " " + type + " " + tx.toString() + " " + sink[0];
        synchronized (lock) {
            Pay p = payment(r, caller);
            SimResponse timing = subscriberChecks(p.msisdn, SimResponse.empty(201));
            if (correlator != null) {
                Ref earlier = refundsByCorrelator.get(correlator);
                if (earlier != null) {
                    if (earlier.fingerprint.equals(fingerprint)) {
                        return SimResponse.json(201, refundJson(earlier)).delayed(timing.delay());
                    }
                    throw invalid("clientCorrelator already exist on server.");
                }
            } else if (p.refunds.stream().anyMatch(x -> referenceCode.equals(text(x.amountTransaction,
                    "referenceCode")))) {
                throw fail(409, "ALREADY_EXISTS", "The resource that a client tried to create already exists.");
            }
            if (suffix(p.msisdn, REFUND_DENIED)) {
                throw fail(403, "CARRIER_BILLING_REFUND.REFUND_DENIED", "Refund denied by business.");
            }
            if (suffix(p.msisdn, NOT_REFUNDABLE)) {
                throw fail(403, "CARRIER_BILLING_REFUND.PAYMENT_NOT_ELIGIBLE_FOR_REFUND",
                        "Payment not eligible for refund.");
            }
            if (!p.status.equals("succeeded")) {
                throw fail(422, "CARRIER_BILLING_REFUND.INVALID_PAYMENT_STATUS", "Payment is not yet completed.");
            }
            BigDecimal remaining = remaining(p);
            BigDecimal refundedToSubscriber = payments.values().stream().filter(x -> x.msisdn.equals(p.msisdn))
                    .flatMap(x -> x.refunds.stream()).filter(x -> !x.status.equals("denied")).map(x -> x.amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (type.equals("total")) {
                amount = remaining;
                if (remaining.signum() == 0) {
                    throw fail(422, "CARRIER_BILLING_REFUND.UNAUTHORIZED_AMOUNT", "Unauthorized amount requested.");
                }
            } else {
                if (!CURRENCY.equals(text(info, "currency"))) {
                    throw invalid("Currency is unknown or not authorized.");
                }
                if (info.has("isTaxIncluded") && info.get("isTaxIncluded").asBoolean() != p.taxIncluded) {
                    throw fail(422, "CARRIER_BILLING_REFUND.TAXES_MANAGEMENT_MISMATCH",
                            "Inconsistent isTaxIncluded value with regards to related payment.");
                }
                if (amount.compareTo(remaining) > 0) {
                    throw fail(422, "CARRIER_BILLING_REFUND.UNAUTHORIZED_AMOUNT", "Unauthorized amount requested.");
                }
                checkDetails(p, refundAmount.get("refundDetails"));
            }
            if (refundedToSubscriber.add(amount).compareTo(REFUND_ACCUMULATED_LIMIT) > 0) {
                throw fail(422, "CARRIER_BILLING_REFUND.USER_AMOUNT_THRESHOLD_OVERPASSED", "Unauthorized refund "
                        + "request. Accumulated user mobile payments overpass account amount threshold.");
            }
            String id = "rf-" + sequence.incrementAndGet();
            Ref ref = new Ref(id, p, type, amount, tx.deepCopy(), text(body, "reason"),
                    text(refundAmount.path("chargingMetaData"), "merchantIdentifier"), now(), sink[0], sink[1],
                    fingerprint);
            p.refunds.add(ref);
            if (correlator != null) {
                refundsByCorrelator.put(correlator, ref);
            }
            if (suffix(p.msisdn, ASYNC)) {
                ref.status = "processing";
            } else {
                ref.status = "succeeded";
                ref.refundedAt = now();
                refundEvent(ref, "completed", "succeeded", null);
            }
            return SimResponse.json(201, refundJson(ref)).delayed(timing.delay());
        }
    }

    private static void checkDetails(Pay p, JsonNode details) {
        if (details == null || details.isNull()) {
            return;
        }
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        p.amountTransaction.path("paymentAmount").path("paymentDetails")
                .forEach(i -> items.put(i.path("id").asText(), i.path("amount").decimalValue()));
        for (JsonNode d : details) {
            BigDecimal item = items.get(d.path("paymentItemId").asText());
            if (item == null || d.path("amount").decimalValue().compareTo(item) > 0) {
                throw fail(422, "CARRIER_BILLING_REFUND.REFUND_DETAILS_MISMATCH",
                        "Inconsistent refundDetails information with regards to related payment.");
            }
        }
    }

    /** What is not refunded: the payment less its succeeded and processing refunds. */
    private static BigDecimal remaining(Pay p) {
        BigDecimal refunded = p.refunds.stream().filter(r -> !r.status.equals("denied")).map(r -> r.amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return p.amount.subtract(refunded);
    }

    private SimResponse remaining(SimRequest r, Caller caller) {
        synchronized (lock) {
            Pay p = payment(r, caller);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("amount", remaining(p));
            m.put("currency", CURRENCY);
            m.put("description", "Current Amount not refunded so far");
            m.put("isTaxIncluded", p.taxIncluded);
            return SimResponse.json(200, m);
        }
    }

    private SimResponse retrieveRefund(SimRequest r, Caller caller) {
        synchronized (lock) {
            Pay p = payment(r, caller);
            String refundId = r.pathParam("refundId");
            return p.refunds.stream().filter(x -> x.id.equals(refundId)).findFirst()
                    .map(x -> SimResponse.json(200, refundJson(x)))
                    .orElseThrow(() -> fail(404, "NOT_FOUND", "The specified resource is not found."));
        }
    }

    private SimResponse listRefunds(SimRequest r, Caller caller) {
        Listing l = listing(r, "refundCreationDate", "CARRIER_BILLING_REFUND.",
                Set.of("processing", "denied", "succeeded"), "refundStatus");
        synchronized (lock) {
            Pay p = payment(r, caller);
            List<JsonNode> items = new ArrayList<>();
            p.refunds.stream().filter(x -> l.matches(x.createdAt, x.status, x.merchantIdentifier))
                    .sorted(Comparator.comparing((Ref x) -> x.createdAt).thenComparing(x -> x.id))
                    .forEach(x -> items.add(refundJson(x)));
            return l.page(items);
        }
    }

    private static ObjectNode refundJson(Ref r) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("refundId", r.id);
        o.put("refundStatus", r.status);
        o.put("type", r.type);
        o.put("refundCreationDate", r.createdAt.toString());
        if (r.refundedAt != null) {
            o.put("refundDate", r.refundedAt.toString());
        }
        if (r.reason != null) {
            o.put("reason", r.reason);
        }
        if (r.sink != null) {
            o.put("sink", r.sink);
        }
        o.set("amountTransaction", r.amountTransaction);
        return o;
    }

    // ------------------------------------------------------------------ events

    private void paymentEvent(Pay p, String kind, String status, String denialReason) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("paymentId", p.id);
        data.put("status", status);
        data.put("description", "Payment " + kind.replace('-', ' '));
        if (kind.equals("completed")) {
            data.put("paymentDate", p.paidAt.toString());
        }
        if (denialReason != null) {
            data.put("denialReason", denialReason);
        }
        emit(PAYMENT_EVENT + kind, data, p.sink, p.sinkToken);
    }

    private void refundEvent(Ref r, String kind, String status, String denialReason) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("paymentId", r.payment.id);
        data.put("refundId", r.id);
        data.put("status", status);
        data.put("description", "Refund " + kind.replace('-', ' '));
        if (kind.equals("completed")) {
            data.put("refundDate", r.refundedAt.toString());
        }
        if (denialReason != null) {
            data.put("denialReason", denialReason);
        }
        emit(REFUND_EVENT + kind, data, r.sink, r.sinkToken);
    }

    private void emit(String type, ObjectNode data, String sink, String sinkToken) {
        ObjectNode e = Json.mapper().createObjectNode();
        e.put("id", "evt-" + sequence.incrementAndGet());
        e.put("source", SOURCE);
        e.put("type", type);
        e.put("specversion", "1.0");
        e.put("datacontenttype", "application/json");
        e.put("time", now().toString());
        e.set("data", data);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-correlator", "sim-" + randomId(8));
        if (sinkToken != null) {
            headers.put("Authorization", "Bearer " + sinkToken);
        }
        String path = sink == null ? "/camara/sink" : URI.create(sink).getPath();
        emitPost(path.isEmpty() ? "/" : path, "application/cloudevents+json", Json.write(e), headers);
    }

    /** Registers this simulator with {@link io.dcb4j.testkit.Simulators} through {@link java.util.ServiceLoader}. */
    public static final class Factory implements io.dcb4j.testkit.SimulatorFactory {

        /** Called by {@link java.util.ServiceLoader}. */
        public Factory() {
        }

        @Override
        public String providerId() {
            return "camara";
        }

        @Override
        public io.dcb4j.testkit.Simulator start() {
            return new CamaraSimulator();
        }

        @Override
        public io.dcb4j.testkit.Simulator start(java.net.InetSocketAddress address) {
            return new CamaraSimulator(address);
        }

        @Override
        public java.util.Optional<io.dcb4j.testkit.CallbackWriter> callbacks() {
            return java.util.Optional.of(new CamaraCallbacks());
        }
    }
}
