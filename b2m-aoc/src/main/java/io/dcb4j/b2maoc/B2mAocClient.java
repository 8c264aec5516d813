package io.dcb4j.b2maoc;

import io.dcb4j.b2maoc.internal.AocEnvelope;
import io.dcb4j.b2maoc.internal.AocErrors;
import io.dcb4j.b2maoc.internal.Dtos;
import io.dcb4j.b2maoc.internal.Wire;
import io.dcb4j.b2maoc.model.AocErrorCode;
import io.dcb4j.b2maoc.model.CancellationResult;
import io.dcb4j.b2maoc.model.ChargeStatus;
import io.dcb4j.b2maoc.model.ChargeToken;
import io.dcb4j.b2maoc.model.RenewalResult;
import io.dcb4j.b2maoc.model.SubscriptionStatus;
import io.dcb4j.b2maoc.model.TokenRequestMethod;
import io.dcb4j.b2maoc.model.TransactionOperationStatus;
import io.dcb4j.b2maoc.notification.B2mAocNotificationParser;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Capability;
import io.dcb4j.core.Charges;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.SourceAddressAllowList;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The client of the B2M AOC gateway (Robi, Bangladesh): one-off charges confirmed by the subscriber on the
 * Robi consent page, charge status, and the subscription's status, cancel and renew. Immutable and
 * thread-safe; build one and share it, close it at shutdown.
 *
 * <pre>{@code
 * try (B2mAocClient aoc = B2mAocClient.builder().build()) {
 *     ChargeToken token = aoc.requestCharge("GAMES", Msisdn.of("8801812345678"));
 *     // send the browser to token.consentUrl(); it comes back with ?aocTransID=...
 *     ChargeStatus status = aoc.chargeStatus(token.aocTransId());
 * }
 * }</pre>
 *
 * <p>The gateway answers every call with an envelope {@code {status, errors, message, data}} and reports
 * failures with HTTP 203 (or any status): the client judges by {@code status}, {@code errors} and
 * {@code data.errorCode}, never by the HTTP status alone. The documents show no authentication; headers a
 * deployment needs can be added with {@link Builder#extraHeader(String, String)}.
 *
 * <p>Calls that change something ({@code getToken}, {@code cancelSubscription}, {@code renewSubscription})
 * are GETs but are never repeated after the request reached the gateway: a renewal repeated would charge
 * again and rotate the {@code spTransID} twice. Status calls are retried by the {@link ClientOptions}
 * retry policy.
 */
public final class B2mAocClient implements BillingProvider {

    /** The provider id: {@value}. */
    public static final String ID = "b2m-aoc";

    /** The documented base URL: {@value}. */
    public static final String DEFAULT_BASE_URL = "https://rd.b2mwap.com";

    /** The default currency of amounts: Bangladeshi taka. */
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("BDT");

    /** The default zone of {@code expiryDate}: Asia/Dhaka. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Dhaka");

    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.ONE_OFF_CHARGE,
            Capability.CHARGE_STATUS, Capability.SUBSCRIPTION_STATUS, Capability.CANCEL, Capability.RENEW,
            Capability.NOTIFICATIONS));

    private final HttpTransport transport;
    private final String baseUrl;
    private final TokenRequestMethod tokenRequestMethod;
    private final Currency currency;
    private final ZoneId zone;
    private final B2mAocNotificationParser parser;
    private final Charges charges = new NeutralCharges();
    private final Subscriptions subscriptions = new NeutralSubscriptions();

    private B2mAocClient(Builder b) {
        ClientOptions options = b.options == null ? ClientOptions.defaults() : b.options;
        if (!b.extraHeaders.isEmpty()) {
            ClientOptions.Builder ob = options.toBuilder();
            b.extraHeaders.forEach(ob::extraHeader);
            options = ob.build();
        }
        if (b.tokenRequestMethod == null) {
            throw new ConfigurationException(ID, "get-token-method", "is required");
        }
        if (b.currency == null) {
            throw new ConfigurationException(ID, "currency", "is required");
        }
        if (b.zone == null) {
            throw new ConfigurationException(ID, "zone", "is required");
        }
        if (b.notificationSecretParameterSet && b.notificationSecret == null) {
            throw new ConfigurationException(ID, "notification-secret",
                    "is required when notification-secret-parameter is set");
        }
        HttpUrl url = HttpTransport.parseBaseUrl(ID, "base-url", b.baseUrl, options);
        String text = url.toString();
        this.baseUrl = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.tokenRequestMethod = b.tokenRequestMethod;
        this.currency = b.currency;
        this.zone = b.zone;
        this.parser = new B2mAocNotificationParser(b.notificationSecret, b.notificationSecretParameter, b.allowList);
        this.transport = HttpTransport.builder(ID, options).baseUrl("base-url", b.baseUrl)
                .credentials(b.notificationSecret).errorMapper(AocErrors::mapHttpError).build();
    }

    /**
     * Starts a builder with the documented defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- typed API

    /**
     * Starts a charge: {@code getToken} for a service keyword and a subscriber, with the client's
     * {@link TokenRequestMethod}. Send the subscriber's browser to {@link ChargeToken#consentUrl()}.
     *
     * @param keyword the service keyword
     * @param msisdn the subscriber; sent as {@code 8801XXXXXXXXX}
     * @return the transaction
     * @throws ProviderUnavailableException when the gateway answered success without an {@code aocTransID}
     *     (an upstream failure)
     * @throws io.dcb4j.core.error.DcbException on other failures (see the error mapping)
     */
    public ChargeToken requestCharge(String keyword, Msisdn msisdn) {
        return requestCharge(keyword, msisdn, tokenRequestMethod);
    }

    /**
     * Starts a charge with a given form of {@code getToken}.
     *
     * @param keyword the service keyword
     * @param msisdn the subscriber
     * @param method GET with path parameters, or POST with form or JSON parameters
     * @return the transaction
     * @throws io.dcb4j.core.error.DcbException on failure
     */
    public ChargeToken requestCharge(String keyword, Msisdn msisdn, TokenRequestMethod method) {
        String kw = required(keyword, "keyword");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(method, "method");
        String wireMsisdn = Wire.msisdn(msisdn);
        ApiRequest.Builder rb;
        if (method == TokenRequestMethod.GET) {
            rb = ApiRequest.get("getToken", transport.url("api/getToken")
                    .addPathSegment(HttpTransport.segment("keyword", kw))
                    .addPathSegment(wireMsisdn).build());
        } else {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("keyword", kw);
            body.put("msisdn", wireMsisdn);
            rb = ApiRequest.post("getToken", transport.url("api/getToken").build());
            if (method == TokenRequestMethod.POST_FORM) {
                rb.formBody(body);
            } else {
                rb.jsonBody(body);
            }
        }
        AocEnvelope env = call(rb.retrySafe(false).build());
        Dtos.TokenData data = env.data(Dtos.TokenData.class);
        String aocTransId = Wire.blankToNull(data.aocTransId());
        if (aocTransId == null) {
            throw new ProviderUnavailableException("getToken answered success without an aocTransID",
                    env.context().withProviderError(env.errorCode(),
                            env.errorMessage() != null ? env.errorMessage() : env.message()), null);
        }
        if (!HttpTransport.isPathSegment(aocTransId)) {
            // it goes into the path of the consent URL and of chargeStatus: a '..' would reach another resource
            throw new DcbProtocolException("getToken answered an aocTransID that is not a usable id", env.context(),
                    null);
        }
        String redirect = Wire.blankToNull(data.redirectUrl());
        String consent = redirect != null && HttpUrl.parse(redirect) != null ? redirect : consentUrl(aocTransId);
        return new ChargeToken(aocTransId, Wire.blankToNull(data.spTransId()), redirect, consent, kw, msisdn,
                env.message());
    }

    /**
     * The Robi billing (consent) page of a transaction: {@code <base>/api/redirect/<aocTransID>}.
     *
     * @param aocTransId the transaction
     * @return the URL to send the subscriber's browser to
     */
    public String consentUrl(String aocTransId) {
        return transport.url("api/redirect").addPathSegment(segment(aocTransId, "aocTransId")).build().toString();
    }

    /**
     * Reads the {@code aocTransID} from the URL the subscriber's browser came back to (the service's
     * redirect URL with {@code ?aocTransID=...}).
     *
     * @param returnUrl the URL, or a path with query
     * @return the id, when present
     */
    public static Optional<String> aocTransIdFromReturnUrl(String returnUrl) {
        return B2mAocNotificationParser.aocTransIdFromReturnUrl(returnUrl);
    }

    /**
     * Where a charge stands: {@code chargeStatus}. An answer that carries a {@code transactionOperationStatus}
     * is returned as it is, even with an error code (a {@code Denied} charge keeps its code in
     * {@link ChargeStatus#errorCode()}); a failed answer without one throws.
     *
     * @param aocTransId the transaction
     * @return the status
     * @throws io.dcb4j.core.error.NotFoundException for {@code AOC0003} (unknown transaction)
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public ChargeStatus chargeStatus(String aocTransId) {
        String id = segment(aocTransId, "aocTransId");
        AocEnvelope env = AocEnvelope.read(transport.execute(ApiRequest.get("chargeStatus",
                transport.url("api/chargeStatus").addPathSegment(id).build()).build()));
        Dtos.ChargeStatusData data = env.data(Dtos.ChargeStatusData.class);
        String raw = Wire.blankToNull(data.transactionOperationStatus());
        if (raw == null) {
            if (env.failed()) {
                throw AocErrors.map(env);
            }
            throw new DcbProtocolException("chargeStatus answer without transactionOperationStatus", env.context(),
                    null);
        }
        return new ChargeStatus(id, TransactionOperationStatus.of(raw), raw, data.totalAmountCharged(), currency,
                Wire.msisdnOrNull(data.msisdn()), Wire.blankToNull(data.chargeMode()),
                Wire.blankToNull(data.clientCorrelator()), Wire.blankToNull(data.errorCode()),
                Wire.blankToNull(data.errorMessage()), env.message());
    }

    /**
     * Cancels a subscription: {@code cancelSubscription}.
     *
     * @param spTransId the subscription's current {@code spTransID}
     * @param msisdn the subscriber
     * @return the confirmation
     * @throws io.dcb4j.core.error.DcbException on failure
     */
    public CancellationResult cancelSubscription(String spTransId, Msisdn msisdn) {
        String id = segment(spTransId, "spTransId");
        Objects.requireNonNull(msisdn, "msisdn");
        AocEnvelope env = call(ApiRequest.get("cancelSubscription", transport.url("api/cancelSubscription")
                .addPathSegment(id).addPathSegment(Wire.msisdn(msisdn)).build()).retrySafe(false)
                .reference("spTransID", id).build());
        Dtos.CancelData data = env.data(Dtos.CancelData.class);
        return new CancellationResult(id, msisdn, env.message(), Wire.blankToNull(data.errorCode()),
                Wire.blankToNull(data.errorMessage()));
    }

    /**
     * A subscription's status: {@code subscriptionStatus}.
     *
     * @param spTransId the subscription's current {@code spTransID}
     * @param msisdn the subscriber
     * @return the status
     * @throws io.dcb4j.core.error.DcbException on failure
     */
    public SubscriptionStatus subscriptionStatus(String spTransId, Msisdn msisdn) {
        String id = segment(spTransId, "spTransId");
        Objects.requireNonNull(msisdn, "msisdn");
        AocEnvelope env = call(ApiRequest.get("subscriptionStatus", transport.url("api/subscriptionStatus")
                .addPathSegment(id).addPathSegment(Wire.msisdn(msisdn)).build()).build());
        Dtos.SubscriptionStatusData data = env.data(Dtos.SubscriptionStatusData.class);
        String raw = Wire.blankToNull(data.status());
        return new SubscriptionStatus(id, Wire.blankToNull(data.subscriptionId()),
                Wire.blankToNull(data.subscriptionName()), raw, SubscriptionStatus.stateOf(raw),
                Wire.msisdnOrNull(data.msisdn()), Wire.date("expiryDate", data.expiryDate(), env.context()),
                Wire.blankToNull(data.expiryDate()), Wire.blankToNull(data.errorCode()),
                Wire.blankToNull(data.errorMessage()), env.message());
    }

    /**
     * Renews a subscription now: {@code renewSubscription}. The gateway issues a new {@code spTransID}; store
     * {@link RenewalResult#currentSpTransId()} and use it for every later call. The answer "Subscription
     * already renewed" is the outcome {@code ALREADY_RENEWED}, not an exception.
     *
     * @param spTransId the subscription's current {@code spTransID}
     * @param msisdn the subscriber
     * @return the renewal
     * @throws ConflictException for {@code AOC2001} (too early), {@code AOC2002} or an "already cancelled" answer
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public RenewalResult renewSubscription(String spTransId, Msisdn msisdn) {
        String id = segment(spTransId, "spTransId");
        Objects.requireNonNull(msisdn, "msisdn");
        AocEnvelope env = call(ApiRequest.get("renewSubscription", transport.url("api/renewSubscription")
                .addPathSegment(id).addPathSegment(Wire.msisdn(msisdn)).build()).retrySafe(false)
                .reference("spTransID", id).build());
        Dtos.RenewData data = env.data(Dtos.RenewData.class);
        String raw = Wire.blankToNull(data.transactionOperationStatus());
        String aocTransId = Wire.blankToNull(data.aocTransId());
        String newId = Wire.blankToNull(data.spTransId());
        String message = env.message();
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        RenewResult.Outcome outcome;
        if (raw != null || aocTransId != null) {
            outcome = RenewResult.Outcome.RENEWED;
        } else if (lower.contains("already renewed")) {
            outcome = RenewResult.Outcome.ALREADY_RENEWED;
        } else if (lower.contains("cancel") || lower.contains("unsubscri")) {
            throw new ConflictException("the subscription is already cancelled",
                    env.context().withProviderError(null, message), false, null);
        } else if (newId != null) {
            outcome = RenewResult.Outcome.ALREADY_RENEWED;
        } else {
            throw new DcbProtocolException("renewSubscription answer is neither a renewal nor 'already renewed'",
                    env.context(), null);
        }
        Msisdn answered = Wire.msisdnOrNull(data.msisdn());
        return new RenewalResult(id, newId, outcome, aocTransId, TransactionOperationStatus.of(raw), raw,
                Wire.blankToNull(data.chargeMode()), data.totalAmountCharged(), currency,
                Wire.blankToNull(data.subscriptionId()), answered != null ? answered : msisdn, message,
                Wire.blankToNull(data.errorCode()), Wire.blankToNull(data.errorMessage()));
    }

    /**
     * The parser of the browser return and the subscription callback.
     *
     * @return the parser
     */
    public B2mAocNotificationParser notificationParser() {
        return parser;
    }

    /**
     * The base URL in use.
     *
     * @return for example {@code https://rd.b2mwap.com}
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The currency amounts are read in.
     *
     * @return BDT by default
     */
    public Currency currency() {
        return currency;
    }

    /**
     * The zone {@code expiryDate} is read in.
     *
     * @return Asia/Dhaka by default
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The form of {@code getToken} used by {@link #requestCharge(String, Msisdn)}.
     *
     * @return GET by default
     */
    public TokenRequestMethod tokenRequestMethod() {
        return tokenRequestMethod;
    }

    // ---------------------------------------------------------------- neutral API

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Optional<PinSubscriptions> pinSubscriptions() {
        return Optional.empty();
    }

    @Override
    public Optional<Charges> charges() {
        return Optional.of(charges);
    }

    @Override
    public Optional<Subscriptions> subscriptions() {
        return Optional.of(subscriptions);
    }

    @Override
    public Optional<NotificationParser> notifications() {
        return Optional.of(parser);
    }

    @Override
    public void close() {
        transport.close();
    }

    /** The base URL and settings; no secrets. */
    @Override
    public String toString() {
        return "B2mAocClient[" + baseUrl + ", getToken=" + tokenRequestMethod + ", currency=" + currency + "]";
    }

    private AocEnvelope call(ApiRequest request) {
        AocEnvelope env = AocEnvelope.read(transport.execute(request));
        if (env.failed()) {
            throw AocErrors.map(env);
        }
        return env;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    /** A required id that goes into the URL path: one segment, never a dot segment. */
    private static String segment(String value, String name) {
        return HttpTransport.segment(name, required(value, name));
    }

    private static FailureReason failureReasonOf(String errorCode) {
        if (errorCode == null || "00".equals(errorCode)) {
            return FailureReason.DENIED;
        }
        return AocErrorCode.of(errorCode).map(AocErrorCode::failureReason).orElse(FailureReason.OTHER);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private final class NeutralCharges implements Charges {

        @Override
        public ChargeResult charge(ChargeRequest request) {
            Objects.requireNonNull(request, "request");
            String keyword = request.offer() != null ? request.offer().value() : request.params().get("keyword");
            if (keyword == null || keyword.isBlank()) {
                throw new IllegalArgumentException("a B2M AOC charge needs the service keyword as offer");
            }
            if (request.msisdn() == null) {
                throw new IllegalArgumentException("a B2M AOC charge needs the subscriber's MSISDN");
            }
            ChargeToken token = requestCharge(keyword, request.msisdn());
            Map<String, String> details = new LinkedHashMap<>();
            put(details, "spTransID", token.spTransId());
            put(details, "keyword", token.keyword());
            put(details, "message", token.message());
            SubscriptionRef subscription = token.spTransId() == null ? null
                    : new SubscriptionRef(token.spTransId(), request.msisdn(), request.offer());
            return new ChargeResult(ChargeRef.of(token.aocTransId()), ChargeState.PENDING_VALIDATION, null, null,
                    new NextAction.Redirect(token.consentUrl(), request.returnUrl(), null), null, details,
                    subscription);
        }

        @Override
        public ChargeResult status(ChargeRef charge) {
            Objects.requireNonNull(charge, "charge");
            ChargeStatus s = chargeStatus(charge.id());
            ChargeState state = s.status().chargeState();
            NextAction next = s.status() == TransactionOperationStatus.PENDING_CONSENT
                    ? new NextAction.Redirect(consentUrl(charge.id()), null, null) : NextAction.none();
            Map<String, String> details = new LinkedHashMap<>();
            put(details, "chargeMode", s.chargeMode());
            put(details, "clientCorrelator", s.clientCorrelator());
            put(details, "errorCode", s.errorCode());
            put(details, "errorMessage", s.errorMessage());
            put(details, "message", s.message());
            return new ChargeResult(charge, state, s.rawStatus(), s.totalCharged().orElse(null), next,
                    state == ChargeState.DENIED ? failureReasonOf(s.errorCode()) : null, details, null);
        }
    }

    private final class NeutralSubscriptions implements Subscriptions {

        @Override
        public SubscriptionInfo status(SubscriptionRef subscription) {
            requireIdAndMsisdn(subscription);
            SubscriptionStatus s = subscriptionStatus(subscription.id(), subscription.msisdn());
            Map<String, String> details = new LinkedHashMap<>();
            put(details, "subscriptionID", s.subscriptionId());
            put(details, "subscriptionName", s.subscriptionName());
            put(details, "expiryDate", s.rawExpiryDate());
            put(details, "errorCode", s.errorCode());
            put(details, "errorMessage", s.errorMessage());
            Instant expires = s.expiryDate() == null ? null
                    : s.expiryDate().plusDays(1).atStartOfDay(zone).toInstant();
            return new SubscriptionInfo(subscription, s.state(), s.rawStatus(), null, expires, details);
        }

        @Override
        public CancelResult cancel(SubscriptionRef subscription) {
            requireIdAndMsisdn(subscription);
            CancellationResult r = cancelSubscription(subscription.id(), subscription.msisdn());
            Map<String, String> details = new LinkedHashMap<>();
            put(details, "errorCode", r.errorCode());
            put(details, "errorMessage", r.errorMessage());
            return new CancelResult(subscription, SubscriptionState.CANCELLED, r.message(), details);
        }

        @Override
        public RenewResult renew(SubscriptionRef subscription) {
            requireIdAndMsisdn(subscription);
            RenewalResult r = renewSubscription(subscription.id(), subscription.msisdn());
            ChargeState state = r.outcome() == RenewResult.Outcome.ALREADY_RENEWED ? ChargeState.SUCCEEDED
                    : r.status().chargeState();
            Map<String, String> details = new LinkedHashMap<>();
            put(details, "aocTransID", r.aocTransId());
            put(details, "chargeMode", r.chargeMode());
            put(details, "subscriptionID", r.subscriptionId());
            put(details, "message", r.message());
            put(details, "errorCode", r.errorCode());
            put(details, "errorMessage", r.errorMessage());
            Money charged = r.totalCharged().orElse(null);
            return new RenewResult(subscription, subscription.withId(r.currentSpTransId()), r.outcome(), state,
                    charged, r.rawStatus(), details);
        }

        private void requireIdAndMsisdn(SubscriptionRef ref) {
            Objects.requireNonNull(ref, "subscription");
            if (ref.id() == null || ref.msisdn() == null) {
                throw new IllegalArgumentException(
                        "a B2M AOC subscription reference needs the spTransID as id and the MSISDN");
            }
        }
    }

    /** Builds a {@link B2mAocClient}. Not thread-safe. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private ClientOptions options;
        private TokenRequestMethod tokenRequestMethod = TokenRequestMethod.GET;
        private Currency currency = DEFAULT_CURRENCY;
        private ZoneId zone = DEFAULT_ZONE;
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private String notificationSecret;
        private String notificationSecretParameter = B2mAocNotificationParser.DEFAULT_SECRET_PARAMETER;
        private boolean notificationSecretParameterSet;
        private SourceAddressAllowList allowList;

        private Builder() {
        }

        /**
         * The gateway's base URL; {@value B2mAocClient#DEFAULT_BASE_URL} by default. Paths {@code /api/...}
         * are appended to it.
         *
         * @param baseUrl an absolute https URL (http only with {@code allowInsecureHttp})
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * Timeouts, retries, TLS policy, the caller's OkHttp client.
         *
         * @param options the options; {@link ClientOptions#defaults()} when not set
         * @return this builder
         */
        public Builder options(ClientOptions options) {
            this.options = options;
            return this;
        }

        /**
         * Which form of {@code getToken} to use; GET by default.
         *
         * @param method the form
         * @return this builder
         */
        public Builder tokenRequestMethod(TokenRequestMethod method) {
            this.tokenRequestMethod = method;
            return this;
        }

        /**
         * The currency of {@code totalAmountCharged}; BDT by default (the gateway does not say).
         *
         * @param currency the currency
         * @return this builder
         */
        public Builder currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        /**
         * The zone the zone-less {@code expiryDate} is read in; Asia/Dhaka by default.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /**
         * Adds a header to every request, for deployments whose gateway wants one the documents do not show
         * (an API key, a partner id). Its value is never logged.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder extraHeader(String name, String value) {
            if (name == null || name.isBlank()) {
                throw new ConfigurationException(ID, "header", "needs a name");
            }
            extraHeaders.put(name.strip(), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * A shared secret the subscription callback must carry as a query parameter of its URL (the gateway
         * does not sign callbacks).
         *
         * @param secret the secret, or null for no check
         * @return this builder
         * @throws ConfigurationException naming {@code notification-secret} when the secret is blank (an empty
         *     environment variable does not turn the check off)
         */
        public Builder notificationSecret(String secret) {
            this.notificationSecret = io.dcb4j.core.spi.support.ConfigChecks.optionalNonBlank(ID, "notification-secret",
                    secret);
            return this;
        }

        /**
         * The query parameter holding the shared secret; {@value B2mAocNotificationParser#DEFAULT_SECRET_PARAMETER}
         * by default. Setting it requires {@link #notificationSecret(String)}.
         *
         * @param parameter the parameter name
         * @return this builder
         */
        public Builder notificationSecretParameter(String parameter) {
            if (parameter == null || io.dcb4j.core.spi.support.ConfigChecks.isBlank(parameter)) {
                throw new ConfigurationException(ID, "notification-secret-parameter", "must not be blank");
            }
            this.notificationSecretParameter = parameter.strip();
            this.notificationSecretParameterSet = true;
            return this;
        }

        /**
         * The addresses notifications may come from.
         *
         * @param allowList the allow-list, or null for any address
         * @return this builder
         */
        public Builder notificationAllowedSources(SourceAddressAllowList allowList) {
            this.allowList = allowList;
            return this;
        }

        /**
         * The addresses notifications may come from, given as text.
         *
         * @param addresses IP addresses or CIDR blocks (entries may be comma-separated); null for any address
         * @return this builder
         * @throws ConfigurationException naming {@code notification-allowed-sources} when nothing but blanks is
         *     listed, or an entry is not an address or block
         */
        public Builder notificationAllowedSources(java.util.Collection<String> addresses) {
            this.allowList = io.dcb4j.core.spi.support.ConfigChecks.allowList(ID, "notification-allowed-sources",
                    addresses);
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws ConfigurationException naming the key when a setting is missing or malformed
         */
        public B2mAocClient build() {
            return new B2mAocClient(this);
        }
    }
}
