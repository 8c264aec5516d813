package io.dcb4j.testkit.eklectic;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.testkit.internal.AbstractSimulator;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.internal.SimRequest;
import io.dcb4j.testkit.internal.SimResponse;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful simulator of the Eklectic Telecom Payment API under {@code /API}, speaking the document's wire
 * format: {@code POST oauth/token} (client credentials in the query string, {@code expires_in} 43200),
 * {@code POST subscription/otp}, {@code POST subscription/confirm} (answers {@code "confirm": "OK"} with the
 * {@code user} record, or {@code "confirm": "KO"}), {@code POST subscription/find}, {@code GET
 * subscription/{id}} (the details record with numbers as strings and {@code 0000-00-00 00:00:00} for
 * absent dates, zone-less Tunisia times) and {@code DELETE subscription/{id}}. Every API call needs a bearer
 * token the simulator issued and that has not expired ({@link #expireTokens()} forces the client's
 * refresh-on-401); otherwise it answers 401.
 *
 * <p>Callbacks, recorded in {@link #notifications()} and delivered by GET when a URL is set, use the
 * partner-URL format {@code ?action=SUB|UNSUB|RENEW&subscriptionid=..&transaction=..&offreid=..&date=YYYY-MM-DD+hh:mm:ss}
 * (with {@code amount} for RENEW, {@code canal} and {@code msisdn} for SUB and UNSUB): SUB on a confirmed
 * PIN, UNSUB on {@code DELETE}, RENEW on {@link #renew(String)}.
 *
 * <p>Known offer: {@value #SAMPLE_OFFER} (0.500 TND a day). Credentials accepted: {@value #CLIENT_ID} /
 * {@value #CLIENT_SECRET}. Magic MSISDNs that apply (others take the happy path, as Eklectic has no
 * merchant-initiated charge):
 * <ul>
 *   <li>WRONG_PIN: every confirm answers {@code {"confirm": "KO"}} (the client throws InvalidPinException);</li>
 *   <li>ALREADY_SUBSCRIBED: {@code subscription/otp} answers 409 {@code already_subscribed} (a
 *       non-retryable ConflictException), as does a second OTP for an already active subscription;</li>
 *   <li>UNKNOWN_SUBSCRIBER: {@code subscription/otp} answers 400 {@code invalid_msisdn};</li>
 *   <li>PROVIDER_OUTAGE: otp, confirm and find answer 503 with an HTML page;</li>
 *   <li>SLOW_ANSWER: otp, confirm and find answer after {@link MagicMsisdn#SLOW_ANSWER_DELAY_MILLIS} ms.</li>
 * </ul>
 */
public final class EklecticSimulator extends AbstractSimulator {

    /** The client id the simulator accepts. */
    public static final String CLIENT_ID = "sim-eklectic-client";
    /** The client secret the simulator accepts. */
    public static final String CLIENT_SECRET = "sim-eklectic-secret";
    /** The offer the simulator knows. */
    public static final String SAMPLE_OFFER = "123";
    /** The path callbacks are recorded under. */
    public static final String CALLBACK_PATH = "/eklectic/notify";

    private static final ZoneId TUNIS = ZoneId.of("Africa/Tunis");
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String NO_DATE = "0000-00-00 00:00:00";
    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(43200);
    private static final Duration PIN_LIFETIME = Duration.ofMinutes(5);
    private static final Map<String, BigDecimal> OFFERS = Map.of(SAMPLE_OFFER, new BigDecimal("0.500"));
    private static final long FIRST_SUBSCRIPTION_ID = 23939206L;

    private record Challenge(String code, String msisdn, String offer, String pin, Instant expiresAt) {
    }

    /** One subscriber record; mutable fields guarded by the simulator's lock. */
    private static final class Sub {
        final String id;
        final String msisdn;
        final String offer;
        final Instant created;
        String state = "ACTIVE";
        Instant unsubscribed;
        Instant firstBilling;
        Instant lastBilling;
        int billings;
        Instant expires;

        Sub(String id, String msisdn, String offer, Instant created) {
            this.id = id;
            this.msisdn = msisdn;
            this.offer = offer;
            this.created = created;
            this.expires = created.plus(Duration.ofDays(1));
        }
    }

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
    private final Map<String, String> pinsSent = new ConcurrentHashMap<>();
    private final Map<String, Sub> subscriptions = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(FIRST_SUBSCRIPTION_ID);
    private final AtomicLong nextTransaction = new AtomicLong(1);
    private final Object lock = new Object();

    /** Starts the simulator on a free loopback port. */
    public EklecticSimulator() {
        this(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
    }

    /**
     * Starts the simulator on a given address, to run it as a standalone server ({@code dcb simulate}).
     *
     * @param address the address and port to bind; port 0 for a free one
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public EklecticSimulator(java.net.InetSocketAddress address) {
        super("eklectic", address);
        server.route("POST", "/API/oauth/token", this::token)
                .route("POST", "/API/subscription/otp", this::otp)
                .route("POST", "/API/subscription/confirm", this::confirm)
                .route("POST", "/API/subscription/find", this::find)
                .route("GET", "/API/subscription/{id}", this::details)
                .route("DELETE", "/API/subscription/{id}", this::unsubscribe);
    }

    @Override
    public String baseUrl() {
        return server.baseUrl() + "/API";
    }

    @Override
    public Map<String, String> clientConfig() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("base-url", baseUrl());
        m.put("client-id", CLIENT_ID);
        m.put("client-secret", CLIENT_SECRET);
        m.put("allow-insecure-http", "true");
        return m;
    }

    @Override
    public Msisdn sampleMsisdn() {
        return Msisdn.of("21612345678");
    }

    @Override
    public OfferId sampleOffer() {
        return OfferId.of(SAMPLE_OFFER);
    }

    @Override
    public Optional<String> pinSentTo(Msisdn msisdn) {
        return Optional.ofNullable(pinsSent.get(msisdn.digits()));
    }

    /** Forgets tokens, challenges, PINs, subscriptions, recorded requests and notifications. */
    @Override
    public void reset() {
        synchronized (lock) {
            tokens.clear();
            challenges.clear();
            pinsSent.clear();
            subscriptions.clear();
            nextId.set(FIRST_SUBSCRIPTION_ID);
            nextTransaction.set(1);
        }
        super.reset();
    }

    /** Makes every issued token expired: the next API call answers 401 and the client fetches a new one. */
    public void expireTokens() {
        tokens.clear();
    }

    /**
     * Bills an active subscription for a new period, as Eklectic does by itself, and emits the RENEW
     * callback with the offer's price.
     *
     * @param subscriptionId the subscription
     * @throws IllegalArgumentException when unknown or not active
     */
    public void renew(String subscriptionId) {
        Sub s = subscriptions.get(subscriptionId);
        String query;
        synchronized (lock) {
            if (s == null || !s.state.equals("ACTIVE")) {
                throw new IllegalArgumentException("no active subscription " + subscriptionId);
            }
            Instant now = clock.instant();
            s.billings++;
            if (s.firstBilling == null) {
                s.firstBilling = now;
            }
            s.lastBilling = now;
            s.expires = now.plus(Duration.ofDays(1));
            query = callback("RENEW", s, now) + "&amount=" + OFFERS.get(s.offer).toPlainString();
        }
        emitGet(CALLBACK_PATH, query);
    }

    /**
     * Bills a subscription for a new period by its id, as {@link #renew(String)}.
     *
     * @param subscription the subscription; its id is required
     * @throws IllegalArgumentException when the id is missing, unknown or not active
     */
    @Override
    public void renewNow(io.dcb4j.core.model.SubscriptionRef subscription) {
        renew(subscription.idIfKnown().orElseThrow(
                () -> new IllegalArgumentException("eklectic renews a subscription by its id")));
    }

    // ------------------------------------------------------------------ routes

    private SimResponse token(SimRequest r) {
        if (!"client_credentials".equals(r.query("grant_type").orElse(null))) {
            return SimResponse.json(400, Map.of("error", "unsupported_grant_type",
                    "message", "The authorization grant type is not supported."));
        }
        if (!CLIENT_ID.equals(r.query("client_id").orElse(null))
                || !CLIENT_SECRET.equals(r.query("client_secret").orElse(null))) {
            return SimResponse.json(401, Map.of("error", "invalid_client", "message", "Client authentication failed"));
        }
        String token = randomId(32);
        tokens.put(token, clock.instant().plus(TOKEN_LIFETIME));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("expires_in", TOKEN_LIFETIME.toSeconds());
        answer.put("token_type", "Bearer");
        answer.put("scope", null);
        return SimResponse.json(200, answer);
    }

    private void authenticate(SimRequest r) {
        String header = r.header("Authorization").orElse("");
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Instant expiry = token == null ? null : tokens.get(token);
        if (expiry == null || !clock.instant().isBefore(expiry)) {
            throw new SimResponse.Failure(SimResponse.json(401, Map.of("error", "unauthorized",
                    "message", "Unauthenticated.")));
        }
    }

    private SimResponse otp(SimRequest r) {
        authenticate(r);
        JsonNode body = r.json();
        String msisdn = text(body, "msisdn");
        String offer = offer(body);
        if (msisdn == null || offer == null) {
            return invalid("invalid_request", "msisdn and offreid are required");
        }
        return withTransportMagic(msisdn, sendPin(msisdn, offer));
    }

    private SimResponse sendPin(String rawMsisdn, String offer) {
        if (!Msisdn.isValid(rawMsisdn)) {
            return invalid("invalid_msisdn", "msisdn is not valid");
        }
        String msisdn = Msisdn.of(rawMsisdn).digits();
        if (!OFFERS.containsKey(offer)) {
            return invalid("invalid_offer", "Unknown offer");
        }
        Optional<MagicMsisdn> magic = MagicMsisdn.of(msisdn);
        if (magic.isPresent() && magic.get() == MagicMsisdn.UNKNOWN_SUBSCRIBER) {
            return invalid("invalid_msisdn", "Subscriber unknown to the operator");
        }
        if ((magic.isPresent() && magic.get() == MagicMsisdn.ALREADY_SUBSCRIBED) || active(msisdn, offer) != null) {
            return SimResponse.json(409, Map.of("error", "already_subscribed",
                    "message", "Subscriber already subscribed to this offer"));
        }
        String code = UUID.randomUUID().toString();
        String pin = randomPin(4);
        Instant expires = clock.instant().plus(PIN_LIFETIME);
        challenges.put(code, new Challenge(code, msisdn, offer, pin, expires));
        pinsSent.put(msisdn, pin);
        return SimResponse.json(200, Map.of("code", code, "expire", wire(expires)));
    }

    private SimResponse confirm(SimRequest r) {
        authenticate(r);
        JsonNode body = r.json();
        String msisdn = text(body, "msisdn");
        String offer = offer(body);
        String code = text(body, "code");
        String pin = text(body, "pin");
        if (msisdn == null || offer == null || code == null || pin == null) {
            return invalid("invalid_request", "msisdn, offreid, code and pin are required");
        }
        return withTransportMagic(msisdn, confirmPin(msisdn, offer, code, pin));
    }

    private SimResponse confirmPin(String rawMsisdn, String offer, String code, String pin) {
        String msisdn = Msisdn.isValid(rawMsisdn) ? Msisdn.of(rawMsisdn).digits() : rawMsisdn;
        Challenge c = challenges.get(code);
        Optional<MagicMsisdn> magic = MagicMsisdn.of(msisdn);
        boolean ok = c != null && c.msisdn().equals(msisdn) && c.offer().equals(offer) && c.pin().equals(pin)
                && clock.instant().isBefore(c.expiresAt())
                && !(magic.isPresent() && magic.get() == MagicMsisdn.WRONG_PIN);
        if (!ok) {
            return SimResponse.json(200, Map.of("confirm", "KO"));
        }
        Sub s;
        String query;
        synchronized (lock) {
            challenges.remove(code);
            if (active(msisdn, offer) != null) {
                return SimResponse.json(409, Map.of("error", "already_subscribed",
                        "message", "Subscriber already subscribed to this offer"));
            }
            Instant now = clock.instant();
            s = new Sub(Long.toString(nextId.getAndIncrement()), msisdn, offer, now);
            subscriptions.put(s.id, s);
            query = callback("SUB", s, now) + "&canal=online&msisdn=" + msisdn;
        }
        emitGet(CALLBACK_PATH, query);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("confirm", "OK");
        answer.put("user", user(s, false));
        return SimResponse.json(200, answer);
    }

    private SimResponse find(SimRequest r) {
        authenticate(r);
        JsonNode body = r.json();
        String msisdn = text(body, "msisdn");
        String offer = offer(body);
        if (msisdn == null || offer == null) {
            return invalid("invalid_request", "msisdn and offreid are required");
        }
        SimResponse answer;
        String digits = Msisdn.isValid(msisdn) ? Msisdn.of(msisdn).digits() : msisdn;
        Sub s = latest(digits, offer);
        answer = s == null ? notFound() : SimResponse.json(200, Map.of("subscriptionID", s.id));
        return withTransportMagic(msisdn, answer);
    }

    private SimResponse details(SimRequest r) {
        authenticate(r);
        Sub s = subscriptions.get(r.pathParam("id"));
        if (s == null) {
            return notFound();
        }
        synchronized (lock) {
            return SimResponse.json(200, Map.of("user", user(s, true)));
        }
    }

    private SimResponse unsubscribe(SimRequest r) {
        authenticate(r);
        Sub s = subscriptions.get(r.pathParam("id"));
        if (s == null) {
            return notFound();
        }
        String query = null;
        synchronized (lock) {
            if (!s.state.equals("UNSUBSCRIBED")) {
                Instant now = clock.instant();
                s.state = "UNSUBSCRIBED";
                s.unsubscribed = now;
                query = callback("UNSUB", s, now) + "&canal=online&msisdn=" + s.msisdn;
            }
        }
        if (query != null) {
            emitGet(CALLBACK_PATH, query);
        }
        return SimResponse.empty(200);
    }

    // ------------------------------------------------------------------ helpers

    private Sub active(String msisdn, String offer) {
        for (Sub s : subscriptions.values()) {
            if (s.msisdn.equals(msisdn) && s.offer.equals(offer) && !s.state.equals("UNSUBSCRIBED")) {
                return s;
            }
        }
        return null;
    }

    private Sub latest(String msisdn, String offer) {
        Sub found = null;
        for (Sub s : subscriptions.values()) {
            if (s.msisdn.equals(msisdn) && s.offer.equals(offer)
                    && (found == null || Long.parseLong(s.id) > Long.parseLong(found.id))) {
                found = s;
            }
        }
        return found;
    }

    /** The {@code user} record: typed numbers after confirm, numbers as strings in the details answer. */
    private static Map<String, Object> user(Sub s, boolean numbersAsStrings) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", s.id);
        u.put("msisdn", s.msisdn);
        u.put("date_debfree", NO_DATE);
        u.put("date_finfree", NO_DATE);
        u.put("subscription_date", wire(s.created));
        u.put("unsubscription_date", s.unsubscribed == null ? null : wire(s.unsubscribed));
        u.put("first_broadcastbilling", s.firstBilling == null ? null : wire(s.firstBilling));
        u.put("last_broadcastbilling", s.lastBilling == null ? null : wire(s.lastBilling));
        u.put("first_successbilling", s.firstBilling == null ? null : wire(s.firstBilling));
        u.put("last_successbilling", s.lastBilling == null ? null : wire(s.lastBilling));
        u.put("success_billing", numbersAsStrings ? Integer.toString(s.billings) : s.billings);
        u.put("simchurn", numbersAsStrings ? "0" : 0);
        u.put("date_simchurn", null);
        u.put("date_revsimchurn", null);
        u.put("create_at", wire(s.created));
        u.put("last_status_update", wire(s.unsubscribed != null ? s.unsubscribed : s.created));
        u.put("service_id", numbersAsStrings ? "14" : 14);
        u.put("offre_id", numbersAsStrings ? s.offer : (Object) Long.parseLong(s.offer));
        u.put("status", numbersAsStrings ? (s.state.equals("ACTIVE") ? "1" : "0") : (s.state.equals("ACTIVE") ? 1 : 0));
        u.put("state", s.state);
        u.put("expire_date", wire(s.expires));
        return u;
    }

    private String callback(String action, Sub s, Instant when) {
        return "action=" + action + "&subscriptionid=" + s.id + "&transaction=EK" + s.id + "-"
                + nextTransaction.getAndIncrement() + "&offreid=" + s.offer + "&date="
                + URLEncoder.encode(wire(when), StandardCharsets.UTF_8);
    }

    private static String wire(Instant instant) {
        return WIRE.format(instant.atZone(TUNIS));
    }

    private static String text(JsonNode body, String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull() || !n.isValueNode()) {
            return null;
        }
        String v = n.asText().strip();
        return v.isEmpty() ? null : v;
    }

    private static String offer(JsonNode body) {
        for (String name : new String[] {"offreid", "offre_id", "offreId"}) {
            String v = text(body, name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static SimResponse invalid(String error, String message) {
        return SimResponse.json(400, Map.of("error", error, "message", message));
    }

    private static SimResponse notFound() {
        return SimResponse.json(404, Map.of("error", "not_found", "message", "Subscription not found"));
    }

    /** Registers this simulator with {@link io.dcb4j.testkit.Simulators} through {@link java.util.ServiceLoader}. */
    public static final class Factory implements io.dcb4j.testkit.SimulatorFactory {

        /** Called by {@link java.util.ServiceLoader}. */
        public Factory() {
        }

        @Override
        public String providerId() {
            return "eklectic";
        }

        @Override
        public io.dcb4j.testkit.Simulator start() {
            return new EklecticSimulator();
        }

        @Override
        public java.util.Optional<io.dcb4j.testkit.CallbackWriter> callbacks() {
            return java.util.Optional.of(new EklecticCallbacks());
        }

        @Override
        public io.dcb4j.testkit.Simulator start(java.net.InetSocketAddress address) {
            return new EklecticSimulator(address);
        }
    }
}
