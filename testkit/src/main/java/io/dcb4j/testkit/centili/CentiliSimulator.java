package io.dcb4j.testkit.centili;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.testkit.internal.AbstractSimulator;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.internal.SimRequest;
import io.dcb4j.testkit.internal.SimResponse;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulates Centili's payments API v3 and its Keycloak token endpoint:
 * {@code POST /realms/api/protocol/openid-connect/token} (form-encoded {@code grant_type=password} or
 * {@code refresh_token}, answering {@code access_token}, {@code expires_in}, {@code refresh_token},
 * {@code refresh_expires_in}), {@code POST /payments/v3/transactions/init}, {@code POST .../{id}/pin},
 * {@code POST .../{id}/release} and {@code GET .../{id}}, with the document's bodies and error answers
 * {@code {code, message}} and the payment-result notification Centili sends
 * ({@code GET /centili/notify?transactionid=..&phone=..&userid=..&country=..&mno=..&mnocode=..&amount=..&status=..},
 * where {@code amount} is the quantity of goods purchased (always 1 here), not the price,
 * plus the shared {@code secret} the merchant put in its notification URL).
 *
 * <p>It checks what Centili checks: the client id and secret and the user's password on the token endpoint
 * (401 {@code invalid_grant} otherwise), refresh tokens (400 {@code invalid_grant} when unknown), the bearer
 * token on every API call (401), an {@code Idempotency-Key} on every POST (400 without one; the same key
 * replays the first answer and answers 409 while that call is still executing), the service key
 * ({@value #SUBSCRIPTION_SERVICE} starts subscriptions, {@value #CHARGE_SERVICE} one-off charges; 400
 * otherwise) and unknown transactions (404).
 *
 * <p>Flows: {@code wap=false} with an MSISDN sends a 4-digit PIN by SMS ({@link #pinSentTo}) and answers
 * an {@code action} of type {@code PIN}; three wrong PINs answer 429 and fail the transaction. Otherwise
 * (WAP) the answer is an {@code operation} of type {@code URL_REDIRECT} to a consent page, or, with the
 * parameter {@code flow=MO} or {@code flow=SIMTCHA}, an {@code MO} action (keyword to {@value #SHORTCODE})
 * or a {@code SIMTCHA}; {@link #actAsSubscriber} approves or denies it. The transaction is billed when the
 * PIN is right or the subscriber approves; {@link #settle} bills a transaction still pending. Billing sets
 * {@code transactionStatus} COMPLETED (or FAILED with an {@code error}) and emits the notification
 * ({@code status=success}, {@code failed} or {@code canceled}). Release sets RELEASED.
 *
 * <p>Magic MSISDNs: WRONG_PIN (every PIN is wrong: 400), INSUFFICIENT_FUNDS / BARRED / UNKNOWN_SUBSCRIBER /
 * SPEND_LIMIT (billing fails: FAILED with error {@code INSUFFICIENT_FUNDS} / {@code SUBSCRIBER_BARRED} /
 * {@code UNKNOWN_SUBSCRIBER} / {@code SPEND_LIMIT_REACHED}), ALREADY_SUBSCRIBED (starting a subscription
 * answers 400 {@code SUBSCRIPTION_ALREADY_EXISTS}), CONSENT_DENIED (the subscriber denies the redirect, MO
 * or simtcha: FAILED with error {@code CONSENT_DENIED}, notification {@code canceled}), PROVIDER_OUTAGE
 * (503) and SLOW_ANSWER (late answer) on the start.
 */
public final class CentiliSimulator extends AbstractSimulator {

    /** The OAuth2 client id the simulator accepts. */
    public static final String CLIENT_ID = "centili-sim-client";
    /** The OAuth2 client secret the simulator accepts. */
    public static final String CLIENT_SECRET = "centili-sim-client-secret";
    /** The API user. */
    public static final String USERNAME = "sim-merchant";
    /** The API user's password. */
    public static final String PASSWORD = "sim-password";
    /** The token path. */
    public static final String TOKEN_PATH = "/realms/api/protocol/openid-connect/token";
    /** The API base path. */
    public static final String API_PATH = "/payments/v3";
    /** The service key of the subscription service (transactions of type OPT_IN). */
    public static final String SUBSCRIPTION_SERVICE = "svc-sim-subscription";
    /** The service key of the one-off service (transactions of type CHARGE). */
    public static final String CHARGE_SERVICE = "svc-sim-coins";
    /** The shortcode of MO flows. */
    public static final String SHORTCODE = "1550";
    /** The notification path. */
    public static final String NOTIFY_PATH = "/centili/notify";
    /** The secret the merchant put in its notification URL. */
    public static final String NOTIFY_SECRET = "sim-notify-secret";
    /** Access token lifetime in seconds. */
    public static final long TOKEN_SECONDS = 300;

    private static final String COUNTRY = "RS";
    private static final String MNO = "Telenor";
    private static final String MNO_CODE = "22001";
    private static final String CURRENCY = "RSD";
    private static final int MAX_PIN_ATTEMPTS = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final Object EXECUTING = new Object();

    private enum Flow { PIN, REDIRECT, MO, SIMTCHA }

    private static final class Tx {
        final String id;
        final String type;
        final String serviceKey;
        final String msisdn;
        final String price;
        final String itemName;
        final String clientUserId;
        final String clientReference;
        final Flow flow;
        final String secret;
        String status = "PENDING";
        String error;
        String notificationStatus = "PENDING";
        Instant timeCharged;
        int wrongPins;

        Tx(String id, String type, String serviceKey, String msisdn, String price, String itemName,
                String clientUserId, String clientReference, Flow flow, String secret) {
            this.id = id;
            this.type = type;
            this.serviceKey = serviceKey;
            this.msisdn = msisdn;
            this.price = price;
            this.itemName = itemName;
            this.clientUserId = clientUserId;
            this.clientReference = clientReference;
            this.flow = flow;
            this.secret = secret;
        }
    }

    private final Map<String, Tx> transactions = new ConcurrentHashMap<>();
    private final Map<String, String> pins = new ConcurrentHashMap<>();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Object> idempotency = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(100_000);

    /** Starts the simulator on a free loopback port. */
    public CentiliSimulator() {
        this(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
    }

    /**
     * Starts the simulator on a given address, to run it as a standalone server ({@code dcb simulate}).
     *
     * @param address the address and port to bind; port 0 for a free one
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public CentiliSimulator(java.net.InetSocketAddress address) {
        super("centili", address);
        server.route("POST", TOKEN_PATH, this::token);
        server.route("POST", API_PATH + "/transactions/init", r -> idempotent(r, this::start));
        server.route("POST", API_PATH + "/transactions/{id}/pin", r -> idempotent(r, this::pin));
        server.route("POST", API_PATH + "/transactions/{id}/release", r -> idempotent(r, this::release));
        server.route("GET", API_PATH + "/transactions/{id}", this::get);
        server.route("GET", "/consent/{id}", this::consentPage);
    }

    @Override
    public String baseUrl() {
        return server.baseUrl() + API_PATH;
    }

    /**
     * The token endpoint URL.
     *
     * @return the URL
     */
    public String tokenUrl() {
        return server.baseUrl() + TOKEN_PATH;
    }

    @Override
    public Map<String, String> clientConfig() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("client-id", CLIENT_ID);
        m.put("client-secret", CLIENT_SECRET);
        m.put("username", USERNAME);
        m.put("password", PASSWORD);
        m.put("token-url", tokenUrl());
        m.put("base-url", baseUrl());
        m.put("service-key", CHARGE_SERVICE);
        m.put("notification-secret", NOTIFY_SECRET);
        m.put("notification-allowed-sources", "127.0.0.1");
        m.put("allow-insecure-http", "true");
        return m;
    }

    @Override
    public Msisdn sampleMsisdn() {
        return Msisdn.of("381641234567");
    }

    @Override
    public OfferId sampleOffer() {
        return OfferId.of(SUBSCRIPTION_SERVICE);
    }

    @Override
    public ChargeRequest sampleCharge(Msisdn msisdn) {
        return ChargeRequest.builder(Money.of("120.00", CURRENCY)).msisdn(msisdn).offer(OfferId.of(CHARGE_SERVICE))
                .description("120 coins").clientReference("order-" + sequence.incrementAndGet())
                .returnUrl("https://shop.example/return").build();
    }

    @Override
    public Optional<String> pinSentTo(Msisdn msisdn) {
        return Optional.ofNullable(pins.get(msisdn.digits()));
    }

    /**
     * The transaction status as the simulator holds it, for tests.
     *
     * @param transactionId the transaction
     * @return the {@code transactionStatus}, empty when unknown
     */
    public Optional<String> transactionStatus(String transactionId) {
        return Optional.ofNullable(transactions.get(transactionId)).map(t -> t.status);
    }

    @Override
    public void actAsSubscriber(NextAction action, boolean approve) {
        Tx tx;
        if (action instanceof NextAction.Redirect r) {
            tx = byId(lastSegment(r.url()));
        } else if (action instanceof NextAction.SendSms s) {
            if (!SHORTCODE.equals(s.shortcode()) || s.keyword() == null || !s.keyword().startsWith("PAY ")) {
                throw new IllegalArgumentException("no transaction waits for this SMS");
            }
            tx = byId(s.keyword().substring(4));
        } else if (action instanceof NextAction.SolveCaptcha c) {
            tx = byId(lastSegment(c.imageUrl()).replace(".png", ""));
        } else {
            throw new UnsupportedOperationException("centili has no subscriber action " + action.type());
        }
        consent(tx, approve);
    }

    @Override
    public void settle(ChargeRef charge) {
        Tx tx = byId(charge.id());
        synchronized (tx) {
            if (tx.status.equals("PENDING")) {
                bill(tx);
            }
        }
    }

    /**
     * Fails a transaction still pending for lack of funds: FAILED with error {@code INSUFFICIENT_FUNDS} and the
     * {@code failed} notification.
     *
     * @param charge the transaction id
     * @throws IllegalArgumentException when unknown
     */
    @Override
    public void fail(ChargeRef charge) {
        Tx tx = byId(charge.id());
        synchronized (tx) {
            if (tx.status.equals("PENDING")) {
                tx.status = "FAILED";
                tx.error = "INSUFFICIENT_FUNDS";
                pins.remove(tx.msisdn);
                notify(tx, "failed");
            }
        }
    }

    @Override
    public void reset() {
        transactions.clear();
        pins.clear();
        accessTokens.clear();
        refreshTokens.clear();
        idempotency.clear();
        super.reset();
    }

    // ------------------------------------------------------------------ token

    private SimResponse token(SimRequest r) {
        String clientId = r.formField("client_id").orElse(null);
        String secret = r.formField("client_secret").orElse(null);
        if (!CLIENT_ID.equals(clientId) || !CLIENT_SECRET.equals(secret)) {
            return oauthError(401, "invalid_client", "Invalid client or Invalid client credentials");
        }
        String grant = r.formField("grant_type").orElse("");
        switch (grant) {
            case "password" -> {
                if (!USERNAME.equals(r.formField("username").orElse(null))
                        || !PASSWORD.equals(r.formField("password").orElse(null))) {
                    return oauthError(401, "invalid_grant", "Invalid user credentials");
                }
            }
            case "refresh_token" -> {
                String refresh = r.formField("refresh_token").orElse("");
                Instant until = refreshTokens.remove(refresh);
                if (until == null || !Instant.now().isBefore(until)) {
                    return oauthError(400, "invalid_grant", "Token is not active");
                }
            }
            default -> {
                return oauthError(400, "unsupported_grant_type", "Unsupported grant type");
            }
        }
        String access = "sim-access-" + randomId(16);
        String refresh = "sim-refresh-" + randomId(16);
        accessTokens.put(access, Instant.now().plusSeconds(TOKEN_SECONDS));
        refreshTokens.put(refresh, Instant.now().plusSeconds(6 * TOKEN_SECONDS));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access);
        body.put("expires_in", TOKEN_SECONDS);
        body.put("refresh_expires_in", 6 * TOKEN_SECONDS);
        body.put("refresh_token", refresh);
        body.put("token_type", "Bearer");
        body.put("not-before-policy", 0);
        body.put("scope", "profile email");
        return SimResponse.json(200, body);
    }

    private static SimResponse oauthError(int status, String error, String description) {
        return SimResponse.json(status, Map.of("error", error, "error_description", description));
    }

    private void authenticate(SimRequest r) {
        String header = r.header("Authorization").orElse("");
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        Instant until = accessTokens.get(token);
        if (until == null || !Instant.now().isBefore(until)) {
            throw new SimResponse.Failure(error(401, "UNAUTHORIZED", "Invalid credentials"));
        }
    }

    private static SimResponse error(int status, String code, String message) {
        return SimResponse.json(status, Map.of("code", code, "message", message));
    }

    // ------------------------------------------------------------------ idempotency

    private interface Handler {
        SimResponse handle(SimRequest r);
    }

    private SimResponse idempotent(SimRequest r, Handler handler) {
        authenticate(r);
        String key = r.header("Idempotency-Key").orElse("");
        if (key.isBlank()) {
            return error(400, "IDEMPOTENCY_KEY_REQUIRED", "Idempotency-Key header is required");
        }
        String scope = r.method() + " " + r.path() + " " + key;
        Object previous = idempotency.putIfAbsent(scope, EXECUTING);
        if (previous == EXECUTING) {
            return error(409, "REQUEST_IN_PROGRESS", "Request with the same idempotency key is currently executing");
        }
        if (previous instanceof SimResponse replay) {
            return replay;
        }
        SimResponse answer;
        try {
            answer = handler.handle(r);
        } catch (SimResponse.Failure f) {
            SimResponse failure = f.response();
            if (failure.status() >= 500) {
                idempotency.remove(scope); // not executed: a retry with the same key runs it
            } else {
                idempotency.put(scope, failure);
            }
            throw f;
        } catch (RuntimeException e) {
            idempotency.remove(scope);
            throw e;
        }
        if (answer.status() >= 500) {
            idempotency.remove(scope);
        } else {
            idempotency.put(scope, answer.delay().isZero() ? answer : answer.delayed(null));
        }
        return answer;
    }

    // ------------------------------------------------------------------ transactions

    private SimResponse start(SimRequest r) {
        JsonNode body = r.json();
        JsonNode user = body.path("userIdentifier");
        String rawMsisdn = text(user, "msisdn");
        SimResponse magicCheck = withTransportMagic(rawMsisdn, SimResponse.empty(200));
        String serviceKey = text(body, "serviceKey");
        if (serviceKey == null) {
            return error(400, "SERVICE_KEY_REQUIRED", "Transaction can not be started - serviceKey is required");
        }
        if (!serviceKey.equals(SUBSCRIPTION_SERVICE) && !serviceKey.equals(CHARGE_SERVICE)) {
            return error(400, "INVALID_SERVICE_KEY", "Transaction can not be started - unknown serviceKey");
        }
        if (rawMsisdn != null && !Msisdn.isValid(rawMsisdn)) {
            return error(400, "INVALID_MSISDN", "Transaction can not be started - invalid msisdn");
        }
        String price = text(body, "price");
        if (price != null) {
            try {
                if (new BigDecimal(price).signum() <= 0) {
                    return error(400, "INVALID_PRICE", "Transaction can not be started - price must be positive");
                }
            } catch (NumberFormatException e) {
                return error(400, "INVALID_PRICE", "Transaction can not be started - price is not a number");
            }
        }
        boolean subscription = serviceKey.equals(SUBSCRIPTION_SERVICE);
        Optional<MagicMsisdn> magic = MagicMsisdn.of(rawMsisdn);
        if (subscription && magic.filter(m -> m == MagicMsisdn.ALREADY_SUBSCRIBED).isPresent()) {
            return error(400, "SUBSCRIPTION_ALREADY_EXISTS", "Subscription already exists");
        }
        boolean wap = !body.has("wap") || body.path("wap").asBoolean(true);
        List<String> params = new ArrayList<>();
        body.path("params").forEach(p -> params.add(p.asText()));
        Flow flow;
        if (!wap && rawMsisdn != null) {
            flow = Flow.PIN;
        } else if (params.stream().anyMatch(p -> p.equalsIgnoreCase("flow=MO"))) {
            flow = Flow.MO;
        } else if (params.stream().anyMatch(p -> p.equalsIgnoreCase("flow=SIMTCHA"))) {
            flow = Flow.SIMTCHA;
        } else {
            flow = Flow.REDIRECT;
        }
        // WAP flows without an MSISDN: the operator's header enrichment identifies the sample subscriber
        String msisdn = rawMsisdn == null ? sampleMsisdn().digits() : Msisdn.of(rawMsisdn).digits();
        JsonNode clientData = body.path("clientData");
        String id = "CTX" + sequence.incrementAndGet();
        Tx tx = new Tx(id, subscription ? "OPT_IN" : "CHARGE", serviceKey, msisdn,
                price == null ? (subscription ? "49.00" : "120.00") : new BigDecimal(price).toPlainString(),
                Optional.ofNullable(text(clientData.path("pageCustomization"), "itemName"))
                        .orElse(subscription ? "Sim subscription" : "Sim coins"),
                text(clientData, "clientUserId"), text(clientData, "clientReference"), flow, randomId(8));
        transactions.put(id, tx);

        Map<String, Object> action = new LinkedHashMap<>();
        String actionKey = "operation";
        switch (flow) {
            case PIN -> {
                pins.put(msisdn, randomPin(4));
                action.put("type", "PIN");
                action.put("userInstruction", "Enter the PIN sent to you by SMS");
                actionKey = "action"; // the document's name; real answers use "operation"
            }
            case REDIRECT -> {
                action.put("type", "URL_REDIRECT");
                action.put("urlRedirect", server.baseUrl() + "/consent/" + id);
                action.put("userInstruction", "Confirm the payment on the next page");
                String returnUrl = text(clientData, "returnURL");
                if (returnUrl != null) {
                    action.put("urlReturn", returnUrl);
                }
            }
            case MO -> {
                action.put("type", "MO");
                action.put("shortcode", SHORTCODE);
                action.put("keyword", "PAY " + id);
                action.put("userInstruction", "Send PAY " + id + " to " + SHORTCODE);
            }
            case SIMTCHA -> {
                action.put("type", "SIMTCHA");
                action.put("userInstruction", "Pick the picture that shows a phone");
                action.put("simtcha", Map.of("imageURL", server.baseUrl() + "/simtcha/" + id + ".png",
                        "answers", List.of(
                                Map.of("answerId", "a-" + tx.secret, "imageUrl", server.baseUrl() + "/simtcha/a1.png"),
                                Map.of("answerId", "b-" + tx.secret, "imageUrl", server.baseUrl() + "/simtcha/a2.png"))));
            }
            default -> throw new IllegalStateException();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("transactionType", tx.type);
        answer.put("country", COUNTRY);
        answer.put(actionKey, action);
        answer.put("clientData", clientData(tx));
        answer.put("msisdn", msisdn);
        answer.put("transactionId", id);
        answer.put("operator", MNO_CODE);
        return SimResponse.json(200, answer).delayed(magicCheck.delay());
    }

    private SimResponse pin(SimRequest r) {
        Tx tx = transaction(r.pathParam("id"));
        String pin = text(r.json(), "pin");
        synchronized (tx) {
            if (tx.flow != Flow.PIN || !tx.status.equals("PENDING")) {
                return error(400, "INVALID_STATE", "Transaction does not wait for a PIN");
            }
            boolean wrongPinMagic = MagicMsisdn.of(tx.msisdn).filter(m -> m == MagicMsisdn.WRONG_PIN).isPresent();
            if (pin == null || wrongPinMagic || !pin.equals(pins.get(tx.msisdn))) {
                tx.wrongPins++;
                if (tx.wrongPins >= MAX_PIN_ATTEMPTS) {
                    tx.status = "FAILED";
                    tx.error = "PIN_ATTEMPTS_EXCEEDED";
                    pins.remove(tx.msisdn);
                    return error(429, "PIN_ATTEMPTS_EXCEEDED",
                            "Number of attempts over the max retry limit, request can not be retried.");
                }
                return error(400, "INVALID_PIN", "Invalid PIN sent, request can be retried");
            }
            pins.remove(tx.msisdn);
            bill(tx);
            return SimResponse.json(200, Map.of("clientData", clientData(tx), "transactionId", tx.id));
        }
    }

    private SimResponse release(SimRequest r) {
        Tx tx = transaction(r.pathParam("id"));
        synchronized (tx) {
            if (!tx.status.equals("PENDING") && !tx.status.equals("COMPLETED")) {
                return error(400, "TRANSACTION_NOT_RELEASABLE", "Transaction can not be released");
            }
            tx.status = "RELEASED";
            pins.remove(tx.msisdn);
            return SimResponse.json(200, Map.of("clientData", clientData(tx), "transactionId", tx.id));
        }
    }

    private SimResponse get(SimRequest r) {
        authenticate(r);
        Tx tx = transaction(r.pathParam("id"));
        synchronized (tx) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("amount", "1");
            item.put("price", tx.price);
            item.put("name", tx.itemName);
            item.put("currency", CURRENCY);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("transactionType", tx.type);
            answer.put("country", COUNTRY);
            answer.put("item", item);
            answer.put("notificationStatus", tx.notificationStatus);
            answer.put("subscriber", tx.msisdn);
            answer.put("timeCharged", tx.timeCharged == null ? null : TIME.format(tx.timeCharged));
            answer.put("transactionStatus", tx.status);
            answer.put("clientData", clientData(tx));
            answer.put("serviceKey", tx.serviceKey);
            answer.put("error", tx.error);
            answer.put("transactionId", tx.id);
            answer.put("operator", MNO_CODE);
            return SimResponse.json(200, answer);
        }
    }

    private SimResponse consentPage(SimRequest r) {
        Tx tx = transactions.get(r.pathParam("id"));
        if (tx == null) {
            return SimResponse.text(404, "text/html", "<html>Unknown payment</html>");
        }
        if (r.query("approve").isPresent()) {
            consent(tx, Boolean.parseBoolean(r.query("approve").get()));
            return SimResponse.text(200, "text/html", "<html>Thank you</html>");
        }
        return SimResponse.text(200, "text/html", "<html>Pay " + tx.price + " " + CURRENCY + "?"
                + " <a href=\"?approve=true\">Yes</a> <a href=\"?approve=false\">No</a></html>");
    }

    private void consent(Tx tx, boolean approve) {
        synchronized (tx) {
            if (tx.flow == Flow.PIN) {
                throw new UnsupportedOperationException("this transaction waits for a PIN, not for consent");
            }
            if (!tx.status.equals("PENDING")) {
                return;
            }
            boolean denied = !approve
                    || MagicMsisdn.of(tx.msisdn).filter(m -> m == MagicMsisdn.CONSENT_DENIED).isPresent();
            if (denied) {
                tx.status = "FAILED";
                tx.error = "CONSENT_DENIED";
                notify(tx, "canceled");
            } else {
                bill(tx);
            }
        }
    }

    /** Bills a pending transaction: COMPLETED, or FAILED per magic MSISDN; emits the notification. */
    private void bill(Tx tx) {
        String error = MagicMsisdn.of(tx.msisdn).map(m -> switch (m) {
            case INSUFFICIENT_FUNDS -> "INSUFFICIENT_FUNDS";
            case BARRED -> "SUBSCRIBER_BARRED";
            case UNKNOWN_SUBSCRIBER -> "UNKNOWN_SUBSCRIBER";
            case SPEND_LIMIT -> "SPEND_LIMIT_REACHED";
            default -> null;
        }).orElse(null);
        if (error == null) {
            tx.status = "COMPLETED";
            tx.timeCharged = Instant.now();
            notify(tx, "success");
        } else {
            tx.status = "FAILED";
            tx.error = error;
            notify(tx, "failed");
        }
    }

    private void notify(Tx tx, String status) {
        StringBuilder q = new StringBuilder();
        append(q, "secret", NOTIFY_SECRET);
        append(q, "transactionid", tx.id);
        append(q, "phone", tx.msisdn);
        append(q, "userid", tx.clientUserId);
        append(q, "country", COUNTRY);
        append(q, "mno", MNO);
        append(q, "mnocode", MNO_CODE);
        append(q, "amount", "1"); // Centili: the quantity of virtual goods purchased, not the price
        append(q, "status", status);
        tx.notificationStatus = "DELIVERED";
        emitGet(NOTIFY_PATH, q.toString());
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value == null) {
            return;
        }
        if (q.length() > 0) {
            q.append('&');
        }
        q.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static Map<String, Object> clientData(Tx tx) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (tx.clientUserId != null) {
            m.put("clientUserId", tx.clientUserId);
        }
        if (tx.clientReference != null) {
            m.put("clientReference", tx.clientReference);
        }
        return m;
    }

    private Tx transaction(String id) {
        Tx tx = transactions.get(id);
        if (tx == null) {
            throw new SimResponse.Failure(error(404, "TRANSACTION_NOT_FOUND", "Transaction not found"));
        }
        return tx;
    }

    private Tx byId(String id) {
        Tx tx = transactions.get(id);
        if (tx == null) {
            throw new IllegalArgumentException("no such transaction");
        }
        return tx;
    }

    private static String lastSegment(String url) {
        if (url == null) {
            throw new IllegalArgumentException("no URL in the action");
        }
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    /** Registers this simulator with {@link io.dcb4j.testkit.Simulators} through {@link java.util.ServiceLoader}. */
    public static final class Factory implements io.dcb4j.testkit.SimulatorFactory {

        /** Called by {@link java.util.ServiceLoader}. */
        public Factory() {
        }

        @Override
        public String providerId() {
            return "centili";
        }

        @Override
        public io.dcb4j.testkit.Simulator start() {
            return new CentiliSimulator();
        }

        @Override
        public java.util.Optional<io.dcb4j.testkit.CallbackWriter> callbacks() {
            return java.util.Optional.of(new CentiliCallbacks());
        }

        @Override
        public io.dcb4j.testkit.Simulator start(java.net.InetSocketAddress address) {
            return new CentiliSimulator(address);
        }
    }
}
