package io.dcb4j.testkit.infomedia;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.testkit.internal.AbstractSimulator;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.internal.SimRequest;
import io.dcb4j.testkit.internal.SimResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Simulates Infomedia's Etisalat (UAE) PIN flow: {@code POST /dcb/PINGenerateWithParams},
 * {@code POST /dcb/SubscriptionJoinWithParams} (PIN in a top-level {@code pin} field) and
 * {@code POST /dcb/SubscriptionUnsubscribe}, with the document's answers and quirks (refusals as HTTP 200
 * with {@code status} other than {@code Success}, {@code "NN - text"} descriptions, {@code "True"}/
 * {@code "False"} booleans, {@code mnc} answered without its leading zero, an empty {@code sid} on
 * unsubscribe), and the webhooks ({@code GET /infomedia/notify?msisdn=..&etid=..}) Infomedia would send.
 *
 * <p>It checks what Infomedia checks: the {@code X-Infomedia-Api-Key} header (HTTP 401 otherwise), the
 * {@code u}/{@code p} credentials, the required fields and the product id ({@value #PRODUCT_ID} and
 * {@value #OTHER_PRODUCT_ID} are known). Outcomes of a join, per MSISDN and product: the first subscription
 * gets a free period (type 1 webhook); a resubscription after the paid period is charged at once (answer
 * with {@code txid} and {@code conf}, type 1 and type 5 webhooks); a resubscription inside the paid period
 * after a cancel is a reactivation (code 23, type 3 webhook). {@link #billRenewal} plays Infomedia's own
 * renewal charge (type 5, and type 24 Suspend when it fails).
 *
 * <p>Magic MSISDNs: WRONG_PIN (every PIN is refused: {@code "Invalid PIN"}), ALREADY_SUBSCRIBED (the join
 * answers {@code "User is already subscribed"}), INSUFFICIENT_FUNDS / BARRED / UNKNOWN_SUBSCRIBER /
 * SPEND_LIMIT (every charge fails with {@code transactionStatus} {@code AA} / {@code A5} / {@code A3} /
 * {@code A7}: an immediate charge at join answers {@code conf.status Failure} with the subscriber
 * suspended, a renewal emits a failed type 5 and a type 24), PROVIDER_OUTAGE (HTTP 503) and SLOW_ANSWER
 * (answers late). CONSENT_DENIED does not apply: Infomedia's flow is PIN only. Three wrong PINs in a row
 * answer {@code "Too many invalid PIN attempts"} and drop the PIN.
 */
public final class InfomediaSimulator extends AbstractSimulator {

    /** The API key the simulator accepts. */
    public static final String API_KEY = "sim-infomedia-api-key";
    /** The username ({@code u}) the simulator accepts. */
    public static final String USERNAME = "sim-merchant";
    /** The password ({@code p}) the simulator accepts. */
    public static final String PASSWORD = "sim-password";
    /** The sample product id. */
    public static final long PRODUCT_ID = 8000000L;
    /** A second known product id (the webhook examples' one). */
    public static final long OTHER_PRODUCT_ID = 92000000L;
    /** The path webhooks are emitted to. */
    public static final String NOTIFY_PATH = "/infomedia/notify";

    private static final Set<Long> PRODUCTS = Set.of(PRODUCT_ID, OTHER_PRODUCT_ID);
    private static final int MAX_PIN_ATTEMPTS = 3;

    private enum State { ACTIVE, SUSPENDED, CANCELLED }

    private static final class Sub {
        State state = State.ACTIVE;
        boolean paidPeriodRunning;
        String amount = "0.10";
        String pt;
    }

    private static final class PendingPin {
        final String pin;
        int wrong;

        PendingPin(String pin) {
            this.pin = pin;
        }
    }

    private final Object lock = new Object();
    private final Map<String, PendingPin> pins = new ConcurrentHashMap<>();
    private final Map<String, String> lastPinByMsisdn = new ConcurrentHashMap<>();
    private final Map<String, Sub> subs = new ConcurrentHashMap<>();
    private final Set<String> freePeriodUsed = ConcurrentHashMap.newKeySet();

    /** Starts the simulator on a free loopback port. */
    public InfomediaSimulator() {
        this(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
    }

    /**
     * Starts the simulator on a given address, to run it as a standalone server ({@code dcb simulate}).
     *
     * @param address the address and port to bind; port 0 for a free one
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public InfomediaSimulator(java.net.InetSocketAddress address) {
        super("infomedia", address);
        server.route("POST", "/dcb/PINGenerateWithParams", this::generatePin);
        server.route("POST", "/dcb/SubscriptionJoinWithParams", this::join);
        server.route("POST", "/dcb/SubscriptionUnsubscribe", this::unsubscribe);
    }

    @Override
    public String baseUrl() {
        return server.baseUrl() + "/dcb";
    }

    @Override
    public Map<String, String> clientConfig() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("base-url", baseUrl());
        c.put("api-key", API_KEY);
        c.put("username", USERNAME);
        c.put("password", PASSWORD);
        c.put("allow-insecure-http", "true");
        return c;
    }

    @Override
    public Msisdn sampleMsisdn() {
        return Msisdn.of("971500001234");
    }

    @Override
    public OfferId sampleOffer() {
        return OfferId.of(PRODUCT_ID);
    }

    /** Infomedia asks for the price, frequency, language and service name. */
    @Override
    public SubscribeRequest sampleSubscribeRequest(Msisdn msisdn) {
        return SubscribeRequest.builder(msisdn, sampleOffer()).price(Money.of("0.10", "AED")).frequency("day")
                .language("en").description("Service Name").build();
    }

    @Override
    public Optional<String> pinSentTo(Msisdn msisdn) {
        return Optional.ofNullable(lastPinByMsisdn.get(msisdn.digits()));
    }

    /**
     * Plays Infomedia's renewal of an active subscription: a type 5 (Charge) webhook, billed
     * ({@code transactionStatus=00}) or failed per the magic MSISDN, followed by a type 24 (Suspend) when it
     * failed.
     *
     * @param msisdn the subscriber
     * @param offer the product
     * @return the {@code txid} of the charge
     * @throws IllegalStateException when the subscription is not active
     */
    public String billRenewal(Msisdn msisdn, OfferId offer) {
        synchronized (lock) {
            Sub sub = subs.get(key(msisdn.digits(), offer.value()));
            if (sub == null || sub.state != State.ACTIVE) {
                throw new IllegalStateException("no active subscription for " + msisdn + " to " + offer);
            }
            String status = chargeStatus(msisdn.digits());
            String txid = UUID.randomUUID().toString();
            emitCharge(msisdn.digits(), "424", "02", offer.value(), sub, status, txid);
            if (status.equals("00")) {
                sub.paidPeriodRunning = true;
            } else {
                sub.state = State.SUSPENDED;
                emit(msisdn.digits(), "424", "02", offer.value(), 24, sub.pt, null, null);
            }
            return txid;
        }
    }

    /**
     * Plays Infomedia's renewal charge, as {@link #billRenewal}: the subscription is named by its MSISDN and
     * its product (the offer, or the id, which is the product id on Infomedia).
     *
     * @param subscription the MSISDN and the product
     * @throws IllegalArgumentException when the MSISDN or the product is missing, or the subscription is not
     *     active
     */
    @Override
    public void renewNow(io.dcb4j.core.model.SubscriptionRef subscription) {
        Msisdn msisdn = subscription.msisdnIfKnown().orElseThrow(
                () -> new IllegalArgumentException("infomedia renews a subscription by its MSISDN and product"));
        OfferId product = subscription.offerIfKnown().or(() -> subscription.idIfKnown().map(OfferId::of))
                .orElseThrow(() -> new IllegalArgumentException("infomedia renews a subscription by its MSISDN and"
                        + " product"));
        try {
            billRenewal(msisdn, product);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /**
     * Ends the paid period of a subscription, so that a resubscription after a cancel is charged again
     * rather than reactivated.
     *
     * @param msisdn the subscriber
     * @param offer the product
     */
    public void expirePaidPeriod(Msisdn msisdn, OfferId offer) {
        Sub sub = subs.get(key(msisdn.digits(), offer.value()));
        if (sub != null) {
            sub.paidPeriodRunning = false;
        }
    }

    @Override
    public void reset() {
        synchronized (lock) {
            pins.clear();
            lastPinByMsisdn.clear();
            subs.clear();
            freePeriodUsed.clear();
        }
        super.reset();
    }

    // ------------------------------------------------------------------ routes

    private SimResponse generatePin(SimRequest r) {
        Body b = body(r, false);
        return withTransportMagic(b.mx, answer(() -> {
            synchronized (lock) {
                String pin = randomPin(4);
                pins.put(key(b.mx, b.productId), new PendingPin(pin));
                lastPinByMsisdn.put(b.mx, pin);
                return success(Map.of("status", "Success", "description", "00 - Everything was OK", "pinId", ""));
            }
        }));
    }

    private SimResponse join(SimRequest r) {
        Body b = body(r, true);
        return withTransportMagic(b.mx, answer(() -> {
            synchronized (lock) {
                String k = key(b.mx, b.productId);
                Optional<MagicMsisdn> magic = MagicMsisdn.of(b.mx);
                if (magic.isPresent() && magic.get() == MagicMsisdn.ALREADY_SUBSCRIBED) {
                    return refusal("User is already subscribed");
                }
                Sub existing = subs.get(k);
                if (existing != null && existing.state != State.CANCELLED) {
                    return refusal("User is already subscribed");
                }
                PendingPin pending = pins.get(k);
                boolean wrongPinMagic = magic.isPresent() && magic.get() == MagicMsisdn.WRONG_PIN;
                if (pending == null) {
                    return refusal("Invalid PIN");
                }
                if (wrongPinMagic || !pending.pin.equals(b.pin)) {
                    pending.wrong++;
                    if (pending.wrong >= MAX_PIN_ATTEMPTS) {
                        pins.remove(k);
                        return refusal("Too many invalid PIN attempts");
                    }
                    return refusal("Invalid PIN");
                }
                pins.remove(k);
                Sub sub = existing == null ? new Sub() : existing;
                sub.amount = b.params.getOrDefault("amount", sub.amount);
                sub.pt = b.params.get("pt");
                Map<String, Object> answer = joinAnswer(b);
                if (existing != null && existing.paidPeriodRunning) {
                    sub.state = State.ACTIVE;
                    answer.put("description", "23 - User has been reactivated");
                    subs.put(k, sub);
                    emit(b.mx, b.mcc, b.mnc, b.productId, 3, sub.pt, "1", null);
                    return success(answer);
                }
                if (!freePeriodUsed.add(k)) {
                    String status = chargeStatus(b.mx);
                    String txid = UUID.randomUUID().toString();
                    answer.put("txid", txid);
                    Map<String, Object> conf = conf(status.equals("00") ? "Success" : "Failure",
                            status.equals("00") ? "00 - Payment has been made" : status + " - " + failureText(status));
                    answer.put("conf", conf);
                    sub.state = status.equals("00") ? State.ACTIVE : State.SUSPENDED;
                    sub.paidPeriodRunning = status.equals("00");
                    answer.put("user", user(true, sub.state == State.SUSPENDED));
                    subs.put(k, sub);
                    emit(b.mx, b.mcc, b.mnc, b.productId, 1, sub.pt, "1", null);
                    emitCharge(b.mx, b.mcc, b.mnc, b.productId, sub, status, txid);
                    return success(answer);
                }
                sub.state = State.ACTIVE;
                sub.paidPeriodRunning = true;
                subs.put(k, sub);
                emit(b.mx, b.mcc, b.mnc, b.productId, 1, sub.pt, "1", null);
                return success(answer);
            }
        }));
    }

    private SimResponse unsubscribe(SimRequest r) {
        JsonNode json = r.json();
        String mx = text(json, "mx");
        outageFirst(mx);
        return withTransportMagic(mx, answer(() -> {
            checkAuth(r, json);
            String sid = require(json, "sid");
            require(json, "mx");
            String mcc = require(json, "mcc");
            String mnc = require(json, "mnc");
            if (!Msisdn.isValid(mx)) {
                return refusal("Invalid MSISDN");
            }
            synchronized (lock) {
                Sub sub = subs.get(key(mx, sid));
                if (sub == null || sub.state == State.CANCELLED) {
                    return refusal("User is not subscribed");
                }
                sub.state = State.CANCELLED;
                emit(mx, mcc, mnc, sid, 2, sub.pt, null, null);
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("status", "Success");
                a.put("description", "00 - User has been unsubscribed");
                a.put("sid", "");
                a.put("mx", mx);
                a.put("mcc", mcc);
                a.put("mnc", stripZeros(mnc));
                return success(a);
            }
        }));
    }

    // ------------------------------------------------------------------ helpers

    private record Body(String mx, String mcc, String mnc, String productId, String pin, Map<String, String> params) {
    }

    /** A failure while reading the request, answered as Infomedia would. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SimResponse response;

        Refusal(SimResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    private interface Handler {
        SimResponse handle();
    }

    private static SimResponse answer(Handler h) {
        try {
            return h.handle();
        } catch (Refusal e) {
            return e.response;
        }
    }

    private Body body(SimRequest r, boolean withPin) {
        JsonNode json = r.json();
        String mx = text(json, "mx");
        outageFirst(mx);
        try {
            checkAuth(r, json);
            require(json, "mx");
            String mcc = require(json, "mcc");
            String mnc = require(json, "mnc");
            String productId = require(json, "productId");
            if (!Msisdn.isValid(mx)) {
                throw new Refusal(refusal("Invalid MSISDN"));
            }
            long product;
            try {
                product = Long.parseLong(productId);
            } catch (NumberFormatException e) {
                throw new Refusal(refusal("Invalid productId"));
            }
            if (!PRODUCTS.contains(product)) {
                throw new Refusal(refusal("Invalid productId"));
            }
            String pin = withPin ? require(json, "pin") : null;
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode list = json.get("params");
            if (list != null && list.isArray()) {
                for (JsonNode p : list) {
                    if (p.hasNonNull("key") && p.hasNonNull("value")) {
                        params.put(p.get("key").asText(), p.get("value").asText());
                    }
                }
            }
            return new Body(Msisdn.of(mx).digits(), mcc, mnc, Long.toString(product), pin, params);
        } catch (Refusal e) {
            throw new SimResponse.Failure(e.response);
        }
    }

    /** The outage number answers 503 before anything is checked or changed. */
    private void outageFirst(String mx) {
        if (MagicMsisdn.of(mx).filter(m -> m == MagicMsisdn.PROVIDER_OUTAGE).isPresent()) {
            withTransportMagic(mx, SimResponse.empty(200));
        }
    }

    private static void checkAuth(SimRequest r, JsonNode json) {
        if (!r.header("X-Infomedia-Api-Key").map(API_KEY::equals).orElse(false)) {
            throw new Refusal(SimResponse.rawJson(401, "{\"status\":\"Failure\",\"description\":\"Invalid API key\"}"));
        }
        if (!USERNAME.equals(text(json, "u")) || !PASSWORD.equals(text(json, "p"))) {
            throw new Refusal(refusal("Invalid username or password"));
        }
    }

    private static String require(JsonNode json, String field) {
        String v = text(json, field);
        if (v == null || v.isBlank()) {
            throw new Refusal(refusal("Missing parameter " + field));
        }
        return v.strip();
    }

    private static String text(JsonNode json, String field) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static SimResponse refusal(String description) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("status", "Failure");
        a.put("description", description);
        return SimResponse.json(200, a);
    }

    private static SimResponse success(Map<String, Object> answer) {
        return SimResponse.json(200, answer);
    }

    private static Map<String, Object> joinAnswer(Body b) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("status", "Success");
        a.put("description", "00 - User is subscribed");
        a.put("sid", b.productId);
        a.put("mx", b.mx);
        a.put("mcc", b.mcc);
        a.put("mnc", stripZeros(b.mnc));
        a.put("user", user(true, false));
        a.put("txid", null);
        a.put("conf", conf(null, null));
        return a;
    }

    private static Map<String, Object> user(boolean subscribed, boolean suspended) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("subscribed", subscribed ? "True" : "False");
        u.put("suspended", suspended ? "True" : "False");
        return u;
    }

    private static Map<String, Object> conf(String status, String description) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("status", status);
        c.put("description", description);
        c.put("portedMcc", null);
        c.put("portedMnc", null);
        return c;
    }

    private static String stripZeros(String mnc) {
        String s = mnc.replaceFirst("^0+(?=\\d)", "");
        return s.isEmpty() ? mnc : s;
    }

    private static String chargeStatus(String mx) {
        return MagicMsisdn.of(mx).map(m -> switch (m) {
            case INSUFFICIENT_FUNDS -> "AA";
            case BARRED -> "A5";
            case UNKNOWN_SUBSCRIBER -> "A3";
            case SPEND_LIMIT -> "A7";
            default -> "00";
        }).orElse("00");
    }

    private static String failureText(String status) {
        return switch (status) {
            case "AA" -> "Insufficient credit";
            case "A5" -> "Subscriber barred";
            case "A3" -> "Unknown MSISDN";
            default -> "Spend limit reached";
        };
    }

    private static String key(String mx, String productId) {
        return mx + "/" + productId;
    }

    private void emitCharge(String mx, String mcc, String mnc, String productId, Sub sub, String status,
            String txid) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("chargeAmount", sub.amount);
        extra.put("currencyCode", "AED");
        extra.put("productDescription", "Service Name");
        extra.put("transactionStatus", status);
        extra.put("txid", txid);
        emit(mx, mcc, mnc, productId, 5, sub.pt, status.equals("00") ? "1" : "0", extra);
    }

    private void emit(String mx, String mcc, String mnc, String productId, int etid, String pt, String success,
            Map<String, String> extra) {
        StringBuilder q = new StringBuilder();
        q.append("msisdn=").append(enc(mx)).append("&mcc=").append(enc(mcc)).append("&mnc=")
                .append(enc(stripZeros(mnc))).append("&productid=").append(enc(productId)).append("&etid=").append(etid);
        if (pt != null) {
            q.append("&pt=").append(enc(pt));
        }
        if (extra != null) {
            extra.forEach((k, v) -> q.append('&').append(k).append('=').append(enc(v)));
        }
        if (success != null) {
            q.append("&success=").append(success);
        }
        emitGet(NOTIFY_PATH, q.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Registers this simulator with {@link io.dcb4j.testkit.Simulators} through {@link java.util.ServiceLoader}. */
    public static final class Factory implements io.dcb4j.testkit.SimulatorFactory {

        /** Called by {@link java.util.ServiceLoader}. */
        public Factory() {
        }

        @Override
        public String providerId() {
            return "infomedia";
        }

        @Override
        public io.dcb4j.testkit.Simulator start() {
            return new InfomediaSimulator();
        }

        @Override
        public java.util.Optional<io.dcb4j.testkit.CallbackWriter> callbacks() {
            return java.util.Optional.of(new InfomediaCallbacks());
        }

        @Override
        public io.dcb4j.testkit.Simulator start(java.net.InetSocketAddress address) {
            return new InfomediaSimulator(address);
        }
    }
}
