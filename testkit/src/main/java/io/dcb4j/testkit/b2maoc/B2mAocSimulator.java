package io.dcb4j.testkit.b2maoc;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.spi.json.Json;
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
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful simulator of the B2M AOC gateway (Robi, Bangladesh), speaking its wire format: the envelope
 * {@code {status, errors, message, data}}, failures as HTTP 203 with {@code status:false}, {@code errors:true}
 * and an {@code AOC....} error code, MSISDNs as {@code 8801XXXXXXXXX} in paths and with {@code +} in answers,
 * {@code expiryDate} as {@code dd-MM-yyyy}, and the renewal's new {@code spTransID}.
 *
 * <p>Endpoints (under {@link #baseUrl()}): {@code GET /api/getToken/{keyword}/{msisdn}} and
 * {@code POST /api/getToken} (form or JSON {@code keyword}, {@code msisdn}); {@code GET /api/redirect/{aocTransID}}
 * (an HTML consent page); {@code GET /api/chargeStatus/{aocTransID}};
 * {@code GET /api/subscriptionStatus|cancelSubscription|renewSubscription/{spTransID}/{msisdn}}.
 *
 * <p>Keywords: {@code GAMES} (10.00 BDT, 7 days) and {@code NEWS} (2.00 BDT, 1 day); another keyword answers
 * {@code AOC1018} (not on-boarded). A number that is not {@code 8801} + 9 digits answers {@code AOC0001}; missing
 * parameters answer the document's "msisdn and keyword are required" with the fields in {@code data}.
 *
 * <p>Flow: getToken creates a transaction in {@code pending_consent}; {@link #actAsSubscriber} approves or
 * denies it on the consent page and records the browser return ({@code GET /aoc/return?aocTransID=...}) as a
 * notification; an approved charge is {@code Processing} until {@link #settle} makes it {@code Charged}, which
 * starts the subscription ({@code subscribed}, expiry today plus the keyword's validity, Asia/Dhaka).
 * Settling happens only through {@link #settle}. A renewal charges again, issues a new {@code spTransID}
 * (the old one then answers {@code AOC2003}) and extends the expiry; a second renewal the same day answers
 * "Subscription already renewed" with the current id. A cancel makes the subscription {@code unsubscribed} and
 * emits the unsubscribe callback {@code POST /aoc/callback {subscriptionID, msisdn, status:"unsubscribed"}};
 * cancelling again answers {@code AOC0002}. Unknown transactions answer {@code AOC0003}, unknown subscriptions
 * {@code AOC2003}.
 *
 * <p>Magic MSISDNs ({@link MagicMsisdn}):
 * <ul>
 *   <li>INSUFFICIENT_FUNDS: approval leaves the charge {@code pending_topup}; settling denies it with
 *       {@code AOC1007}; renewals answer {@code AOC1007}.</li>
 *   <li>BARRED: approval denies the charge with {@code AOC1006} (blacklisted).</li>
 *   <li>SPEND_LIMIT: approval denies the charge with {@code AOC1016} (daily credit limit).</li>
 *   <li>WRONG_PIN: approval denies the charge with {@code AOC1003} (OTP typed wrong on the page).</li>
 *   <li>CONSENT_DENIED: the subscriber cancels on the page: {@code Denied} with {@code AOC1004}.</li>
 *   <li>UNKNOWN_SUBSCRIBER: getToken answers {@code AOC0001} (not a Robi number).</li>
 *   <li>ALREADY_SUBSCRIBED: getToken answers {@code AOC1002} (subscriber still active).</li>
 *   <li>PROVIDER_OUTAGE and SLOW_ANSWER: every call for the number answers 503 (HTML) or slowly.</li>
 * </ul>
 */
public final class B2mAocSimulator extends AbstractSimulator {

    /** The path of the merchant's return page in recorded browser returns. */
    public static final String RETURN_PATH = "/aoc/return";

    /** The path of the merchant's callback in recorded unsubscribe callbacks. */
    public static final String CALLBACK_PATH = "/aoc/callback";

    private static final ZoneId ZONE = ZoneId.of("Asia/Dhaka");
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);

    private record Keyword(String name, BigDecimal price, int validityDays) {
    }

    private static final Map<String, Keyword> KEYWORDS = Map.of(
            "GAMES", new Keyword("Games Club", new BigDecimal("10.00"), 7),
            "NEWS", new Keyword("News Daily", new BigDecimal("2.00"), 1));

    private static final class Txn {
        final String aocTransId;
        final String spTransId;
        final String keyword;
        final String msisdn;
        String status = "pending_consent";
        String errorCode = "00";
        String errorMessage = "";
        BigDecimal charged = BigDecimal.ZERO.setScale(2);

        Txn(String aocTransId, String spTransId, String keyword, String msisdn) {
            this.aocTransId = aocTransId;
            this.spTransId = spTransId;
            this.keyword = keyword;
            this.msisdn = msisdn;
        }
    }

    private static final class Sub {
        final String subscriptionId;
        final String keyword;
        final String msisdn;
        String spTransId;
        String status = "subscribed";
        LocalDate expiry;
        LocalDate lastRenewedOn;

        Sub(String subscriptionId, String spTransId, String keyword, String msisdn, LocalDate expiry) {
            this.subscriptionId = subscriptionId;
            this.spTransId = spTransId;
            this.keyword = keyword;
            this.msisdn = msisdn;
            this.expiry = expiry;
        }
    }

    private final Object lock = new Object();
    private final Map<String, Txn> transactions = new HashMap<>();
    private final Map<String, Sub> subscriptions = new HashMap<>();
    private final Set<String> retiredSpTransIds = new HashSet<>();
    private final AtomicLong sequence = new AtomicLong(1);

    /** Starts the simulator on a free loopback port. */
    public B2mAocSimulator() {
        this(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
    }

    /**
     * Starts the simulator on a given address, to run it as a standalone server ({@code dcb simulate}).
     *
     * @param address the address and port to bind; port 0 for a free one
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public B2mAocSimulator(java.net.InetSocketAddress address) {
        super("b2m-aoc", address);
        server.route("GET", "/api/getToken/{keyword}/{msisdn}",
                r -> getToken(r.pathParam("keyword"), r.pathParam("msisdn")));
        server.route("POST", "/api/getToken", this::postToken);
        server.route("GET", "/api/redirect/{aocTransID}", this::consentPage);
        server.route("GET", "/api/chargeStatus/{aocTransID}", this::chargeStatus);
        server.route("GET", "/api/subscriptionStatus/{spTransID}/{msisdn}", this::subscriptionStatus);
        server.route("GET", "/api/cancelSubscription/{spTransID}/{msisdn}", this::cancel);
        server.route("GET", "/api/renewSubscription/{spTransID}/{msisdn}", this::renew);
    }

    @Override
    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public Map<String, String> clientConfig() {
        return Map.of("base-url", baseUrl(), "allow-insecure-http", "true");
    }

    @Override
    public Msisdn sampleMsisdn() {
        return Msisdn.of("8801812345678");
    }

    @Override
    public OfferId sampleOffer() {
        return OfferId.of("GAMES");
    }

    @Override
    public ChargeRequest sampleCharge(Msisdn msisdn) {
        return ChargeRequest.builder(Money.of("10.00", "BDT")).msisdn(msisdn).offer(sampleOffer())
                .description("Games Club, 7 days").returnUrl("http://merchant.example" + RETURN_PATH).build();
    }

    /**
     * Opens the consent page of a {@link NextAction.Redirect} and approves or denies it, then records the
     * browser's return to the merchant ({@value #RETURN_PATH}{@code ?aocTransID=...}).
     *
     * @param action the redirect a client returned
     * @param approve true to approve
     * @throws UnsupportedOperationException for another kind of action
     * @throws IllegalArgumentException when the URL names no known transaction
     */
    @Override
    public void actAsSubscriber(NextAction action, boolean approve) {
        if (!(action instanceof NextAction.Redirect redirect)) {
            throw new UnsupportedOperationException("b2m-aoc has no subscriber action " + action.type());
        }
        String url = redirect.url();
        int at = url.indexOf("/api/redirect/");
        if (at < 0) {
            throw new IllegalArgumentException("not a consent page URL of this simulator");
        }
        String id = URLDecoder.decode(url.substring(at + "/api/redirect/".length()).split("[?#]")[0],
                StandardCharsets.UTF_8);
        synchronized (lock) {
            Txn t = transactions.get(id);
            if (t == null) {
                throw new IllegalArgumentException("unknown aocTransID");
            }
            if (!"pending_consent".equals(t.status)) {
                throw new IllegalStateException("transaction is no longer waiting for consent");
            }
            MagicMsisdn magic = MagicMsisdn.of(t.msisdn).orElse(null);
            if (!approve || magic == MagicMsisdn.CONSENT_DENIED) {
                deny(t, "AOC1004", "User cancelled the transaction at the AOC Page.");
            } else if (magic == MagicMsisdn.INSUFFICIENT_FUNDS) {
                t.status = "pending_topup";
            } else if (magic == MagicMsisdn.BARRED) {
                deny(t, "AOC1006", "MSISDN Blacklisted");
            } else if (magic == MagicMsisdn.SPEND_LIMIT) {
                deny(t, "AOC1016", "You have reached the transaction daily credit limit");
            } else if (magic == MagicMsisdn.WRONG_PIN) {
                deny(t, "AOC1003", "User key-in invalid OTP Pin.");
            } else {
                t.status = "Processing";
            }
        }
        emitGet(RETURN_PATH, "aocTransID=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    /**
     * Completes a charge after consent: {@code Processing} becomes {@code Charged} (and the subscription
     * starts), {@code pending_topup} becomes {@code Denied} with {@code AOC1007}. A final charge is left as it is.
     *
     * @param charge the {@code aocTransID}
     * @throws IllegalArgumentException when unknown
     * @throws IllegalStateException while still waiting for consent
     */
    @Override
    public void settle(ChargeRef charge) {
        synchronized (lock) {
            Txn t = transactions.get(charge.id());
            if (t == null) {
                throw new IllegalArgumentException("unknown aocTransID");
            }
            switch (t.status) {
                case "pending_consent" -> throw new IllegalStateException("the subscriber has not consented yet");
                case "pending_topup" -> deny(t, "AOC1007", "Charging / Refund Failed.");
                case "Processing" -> {
                    Keyword k = KEYWORDS.get(t.keyword);
                    t.status = "Charged";
                    t.charged = k.price();
                    subscriptions.put(t.spTransId, new Sub("B2M" + String.format(Locale.ROOT, "%06d",
                            sequence.getAndIncrement()), t.spTransId, t.keyword, t.msisdn,
                            LocalDate.now(ZONE).plusDays(k.validityDays())));
                }
                default -> {
                    // final already
                }
            }
        }
    }

    /**
     * Fails a charge after consent for lack of funds: {@code Processing} or {@code pending_topup} becomes
     * {@code Denied} with {@code AOC1007}. A final charge is left as it is.
     *
     * @param charge the {@code aocTransID}
     * @throws IllegalArgumentException when unknown
     * @throws IllegalStateException while still waiting for consent
     */
    @Override
    public void fail(ChargeRef charge) {
        synchronized (lock) {
            Txn t = transactions.get(charge.id());
            if (t == null) {
                throw new IllegalArgumentException("unknown aocTransID");
            }
            switch (t.status) {
                case "pending_consent" -> throw new IllegalStateException("the subscriber has not consented yet");
                case "pending_topup", "Processing" -> deny(t, "AOC1007", "Charging / Refund Failed.");
                default -> {
                    // final already
                }
            }
        }
    }

    @Override
    public void reset() {
        synchronized (lock) {
            transactions.clear();
            subscriptions.clear();
            retiredSpTransIds.clear();
        }
        super.reset();
    }

    // ------------------------------------------------------------------ routes

    private SimResponse postToken(SimRequest r) {
        String contentType = r.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String keyword;
        String msisdn;
        if (contentType.contains("json")) {
            JsonNode body = Json.treeOrNull(r.bodyText());
            keyword = body == null ? null : text(body.get("keyword"));
            msisdn = body == null ? null : text(body.get("msisdn"));
        } else {
            keyword = r.formField("keyword").orElse(null);
            msisdn = r.formField("msisdn").orElse(null);
        }
        return getToken(keyword, msisdn);
    }

    private SimResponse getToken(String keyword, String msisdn) {
        boolean noKeyword = keyword == null || keyword.isBlank();
        boolean noMsisdn = msisdn == null || msisdn.isBlank();
        if (noKeyword || noMsisdn) {
            Map<String, Object> data = new LinkedHashMap<>();
            if (noMsisdn) {
                data.put("msisdn", "required");
            }
            if (noKeyword) {
                data.put("keyword", "required");
            }
            return envelope(203, false, "msisdn and keyword are required", data);
        }
        SimResponse probe = withTransportMagic(msisdn, SimResponse.empty(200));
        if (!validMsisdn(msisdn)) {
            return error("Invalid Parameter", "AOC0001", "Invalid msisdn");
        }
        MagicMsisdn magic = MagicMsisdn.of(msisdn).orElse(null);
        SimResponse result;
        if (!KEYWORDS.containsKey(keyword)) {
            result = error("Invalid keyword", "AOC1018", "Subscription is not onboard on AOC.");
        } else if (magic == MagicMsisdn.UNKNOWN_SUBSCRIBER) {
            result = error("Invalid Parameter", "AOC0001", "msisdn is not a Robi subscriber");
        } else if (magic == MagicMsisdn.ALREADY_SUBSCRIBED) {
            result = error("Already subscribed", "AOC1002",
                    "Service Provider redirect user for the same subscription where the subscriber still active.");
        } else {
            String aoc = "AOC" + randomId(8);
            String sp = "SP" + String.format(Locale.ROOT, "%012d", sequence.getAndIncrement());
            synchronized (lock) {
                transactions.put(aoc, new Txn(aoc, sp, keyword, msisdn));
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("aocTransID", aoc);
            data.put("spTransID", sp);
            data.put("redirectURL", baseUrl() + "/api/redirect/" + aoc);
            result = envelope(200, true, "Token generated successfully", data);
        }
        return result.delayed(probe.delay());
    }

    private SimResponse consentPage(SimRequest r) {
        String id = r.pathParam("aocTransID");
        synchronized (lock) {
            if (!transactions.containsKey(id)) {
                return SimResponse.text(404, "text/html", "<html><body>Transaction not found</body></html>");
            }
        }
        return SimResponse.text(200, "text/html; charset=utf-8",
                "<html><body><h1>Robi billing</h1><p>Confirm the charge?</p></body></html>");
    }

    private SimResponse chargeStatus(SimRequest r) {
        String id = r.pathParam("aocTransID");
        Txn t;
        Map<String, Object> data = new LinkedHashMap<>();
        synchronized (lock) {
            t = transactions.get(id);
            if (t == null) {
                return error("Invalid AOC Token", "AOC0003", "Invalid AOC Token.");
            }
            data.put("transactionOperationStatus", t.status);
            data.put("totalAmountCharged", t.charged.toPlainString());
            data.put("msisdn", "+" + t.msisdn);
            data.put("chargeMode", "standard");
            data.put("clientCorrelator", t.spTransId);
            data.put("errorCode", t.errorCode);
            data.put("errorMessage", t.errorMessage);
        }
        boolean denied = "Denied".equals(t.status);
        return magic(t.msisdn, envelope(denied ? 203 : 200, !denied, "Charge status", data));
    }

    private SimResponse subscriptionStatus(SimRequest r) {
        String msisdn = r.pathParam("msisdn");
        Map<String, Object> data = new LinkedHashMap<>();
        synchronized (lock) {
            Sub s = find(r.pathParam("spTransID"), msisdn);
            if (s == null) {
                return magic(msisdn, notFound());
            }
            if ("subscribed".equals(s.status) && s.expiry.isBefore(LocalDate.now(ZONE))) {
                s.status = "expired";
            }
            data.put("subscriptionID", s.subscriptionId);
            data.put("subscriptionName", KEYWORDS.get(s.keyword).name());
            data.put("status", s.status);
            data.put("msisdn", "+" + s.msisdn);
            data.put("expiryDate", EXPIRY.format(s.expiry));
            data.put("errorCode", "00");
            data.put("errorMessage", "");
        }
        return magic(msisdn, envelope(200, true, "Charge status", data));
    }

    private SimResponse cancel(SimRequest r) {
        String msisdn = r.pathParam("msisdn");
        Sub cancelled;
        synchronized (lock) {
            Sub s = find(r.pathParam("spTransID"), msisdn);
            if (s == null) {
                return magic(msisdn, notFound());
            }
            if (!"subscribed".equals(s.status)) {
                return magic(msisdn, error("Invalid State", "AOC0002", "Invalid State."));
            }
            s.status = "unsubscribed";
            cancelled = s;
        }
        SimResponse answer = magic(msisdn, envelope(200, true, "Subscription cancelled Successfully",
                Map.of("errorCode", "00", "errorMessage", "")));
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("subscriptionID", cancelled.subscriptionId);
        callback.put("msisdn", "+" + cancelled.msisdn);
        callback.put("status", "unsubscribed");
        emitPost(CALLBACK_PATH, "application/json", Json.write(callback), Map.of());
        return answer;
    }

    private SimResponse renew(SimRequest r) {
        String msisdn = r.pathParam("msisdn");
        Map<String, Object> data = new LinkedHashMap<>();
        String message;
        synchronized (lock) {
            Sub s = find(r.pathParam("spTransID"), msisdn);
            if (s == null) {
                return magic(msisdn, error("Renewal failed", "AOC2003",
                        "Service Provider invoke subscription renewal but no subscriber information found on the system."));
            }
            if (!"subscribed".equals(s.status)) {
                return magic(msisdn, error("Renewal failed", "AOC2002",
                        "Service Provider invoke subscription renewal but the subscriber already unsubscribed the"
                                + " services or subscription already expired."));
            }
            LocalDate today = LocalDate.now(ZONE);
            if (today.equals(s.lastRenewedOn)) {
                data.put(" spTransID ", s.spTransId);
                data.put(" msisdn ", "+" + s.msisdn);
                data.put("subscriptionID", s.subscriptionId);
                return magic(msisdn, envelope(200, true, " Subscription already renewed. Please try again later.", data));
            }
            if (MagicMsisdn.of(msisdn).orElse(null) == MagicMsisdn.INSUFFICIENT_FUNDS) {
                return magic(msisdn, error("Renewal failed", "AOC1007", "Charging / Refund Failed."));
            }
            Keyword k = KEYWORDS.get(s.keyword);
            String newId = "SP" + String.format(Locale.ROOT, "%012d", sequence.getAndIncrement());
            subscriptions.remove(s.spTransId);
            retiredSpTransIds.add(s.spTransId);
            s.spTransId = newId;
            s.lastRenewedOn = today;
            s.expiry = (s.expiry.isBefore(today) ? today : s.expiry).plusDays(k.validityDays());
            subscriptions.put(newId, s);
            String aoc = "TR" + randomId(6);
            Txn t = new Txn(aoc, newId, s.keyword, s.msisdn);
            t.status = "Charged";
            t.charged = k.price();
            transactions.put(aoc, t);
            data.put("chargeMode", "standard");
            data.put("aocTransID", aoc);
            data.put("spTransID", newId);
            data.put("transactionOperationStatus", "Charged");
            data.put("totalAmountCharged", k.price().toPlainString());
            data.put("errorCode", "00");
            data.put("errorMessage", "");
            message = "Subscription Renewed Successfully";
        }
        return magic(msisdn, envelope(200, true, message, data));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The subscription a {@code spTransID} names, as long as it is current and belongs to {@code msisdn}.
     *
     * @param spTransId the id
     * @param msisdn the number as sent
     * @return the subscription, or null (also for ids a renewal retired)
     */
    private Sub find(String spTransId, String msisdn) {
        if (retiredSpTransIds.contains(spTransId)) {
            return null;
        }
        Sub s = subscriptions.get(spTransId);
        return s == null || !s.msisdn.equals(msisdn) ? null : s;
    }

    private SimResponse magic(String msisdn, SimResponse answer) {
        return withTransportMagic(msisdn, answer);
    }

    private static void deny(Txn t, String code, String message) {
        t.status = "Denied";
        t.errorCode = code;
        t.errorMessage = message;
    }

    private static boolean validMsisdn(String msisdn) {
        return msisdn.length() == 13 && msisdn.startsWith("8801") && msisdn.chars().allMatch(Character::isDigit);
    }

    private static SimResponse notFound() {
        return error("Subscription not found", "AOC2003", "No matching subscription is found for the msisdn and"
                + " subscription ID.");
    }

    private static SimResponse error(String message, String code, String errorMessage) {
        return envelope(203, false, message, Map.of("errorCode", code, "errorMessage", errorMessage));
    }

    private static SimResponse envelope(int httpStatus, boolean ok, String message, Map<String, ?> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok);
        body.put("errors", !ok);
        body.put("message", message);
        body.put("data", data);
        return SimResponse.json(httpStatus, body);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /**
     * The subscription id ({@code subscriptionID}) the gateway gave the subscription a {@code spTransID} names.
     *
     * @param spTransId a current id
     * @return the id, when known
     */
    public Optional<String> subscriptionIdOf(String spTransId) {
        synchronized (lock) {
            Sub s = retiredSpTransIds.contains(spTransId) ? null : subscriptions.get(spTransId);
            return Optional.ofNullable(s == null ? null : s.subscriptionId);
        }
    }

    /** Registers this simulator with {@link io.dcb4j.testkit.Simulators} through {@link java.util.ServiceLoader}. */
    public static final class Factory implements io.dcb4j.testkit.SimulatorFactory {

        /** Called by {@link java.util.ServiceLoader}. */
        public Factory() {
        }

        @Override
        public String providerId() {
            return "b2m-aoc";
        }

        @Override
        public io.dcb4j.testkit.Simulator start() {
            return new B2mAocSimulator();
        }

        @Override
        public java.util.Optional<io.dcb4j.testkit.CallbackWriter> callbacks() {
            return java.util.Optional.of(new B2mAocCallbacks());
        }

        @Override
        public io.dcb4j.testkit.Simulator start(java.net.InetSocketAddress address) {
            return new B2mAocSimulator(address);
        }
    }
}
