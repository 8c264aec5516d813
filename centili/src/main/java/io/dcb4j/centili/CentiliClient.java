package io.dcb4j.centili;

import io.dcb4j.centili.internal.CentiliErrorMapper;
import io.dcb4j.centili.internal.CentiliMapper;
import io.dcb4j.centili.internal.CentiliTokenSource;
import io.dcb4j.centili.internal.NeutralStates;
import io.dcb4j.centili.internal.CentiliWire;
import io.dcb4j.centili.model.ClientData;
import io.dcb4j.centili.model.PageCustomization;
import io.dcb4j.centili.model.StartTransactionRequest;
import io.dcb4j.centili.model.Transaction;
import io.dcb4j.centili.model.TransactionAction;
import io.dcb4j.centili.model.TransactionStart;
import io.dcb4j.centili.model.TransactionUpdate;
import io.dcb4j.centili.model.UserIdentifier;
import io.dcb4j.centili.notification.CentiliNotificationParser;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Capability;
import io.dcb4j.core.Charges;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.token.CachingTokenProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * The Centili client: OAuth2 password grant with refresh, transactions started with an
 * {@code Idempotency-Key}, PIN submission, release and query, and the neutral {@link BillingProvider} API.
 * Immutable and thread-safe; build one per Centili account and share it.
 *
 * <pre>{@code
 * try (CentiliClient centili = CentiliClient.builder()
 *         .clientId("my-client").username("api-user").password(System.getenv("CENTILI_PASSWORD"))
 *         .build()) {
 *     TransactionStart start = centili.startTransaction(StartTransactionRequest.builder("service-key")
 *             .userIdentifier(UserIdentifier.ofMsisdn(Msisdn.of("+38164123456"))).wap(false).build());
 *     centili.submitPin(start.transactionId(), pinTypedBySubscriber);
 * }
 * }</pre>
 *
 * <p>Every call carries an {@code Idempotency-Key}: the caller's, or one generated per logical call. The
 * same key is sent on every retry of that call, so Centili never executes a retried start or PIN twice,
 * and these POSTs are retried like reads (on connection failures and 500/502/503/504).
 */
public final class CentiliClient implements BillingProvider {

    /** The provider id. */
    public static final String ID = "centili";
    /** The token endpoint used when none is configured. */
    public static final String DEFAULT_TOKEN_URL =
            "https://auth-capi.centili.com/realms/api/protocol/openid-connect/token";
    /** The API base URL used when none is configured. */
    public static final String DEFAULT_BASE_URL = "https://capi.centili.com/payments/v3";
    /** The idempotency header. */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.PIN_SUBSCRIPTION,
            Capability.ONE_OFF_CHARGE, Capability.CHARGE_STATUS, Capability.SUBSCRIPTION_STATUS, Capability.CANCEL,
            Capability.NOTIFICATIONS));
    private static final int MAX_KEY_LENGTH = 255;

    private final HttpTransport transport;
    private final ZoneId zone;
    private final Supplier<String> keys;
    private final String defaultServiceKey;
    private final CentiliNotificationParser notificationParser;
    private final String baseUrlText;
    private final Pins pins = new Pins();
    private final OneOffCharges charges = new OneOffCharges();
    private final TransactionSubscriptions subscriptions = new TransactionSubscriptions();

    private CentiliClient(Builder b) {
        ClientOptions options = b.options == null ? ClientOptions.defaults() : b.options;
        String clientId = require(b.clientId, "client-id");
        String username = require(b.username, "username");
        String password = require(b.password, "password");
        HttpUrl tokenUrl = HttpTransport.parseBaseUrl(ID, "token-url", b.tokenUrl, options);
        String clientSecret = b.clientSecret == null || b.clientSecret.isEmpty() ? null : b.clientSecret;
        this.transport = HttpTransport.builder(ID, options).baseUrl("base-url", b.baseUrl)
                .tokens(t -> CachingTokenProvider.builder(
                                CachingTokenProvider.cacheKey(ID, tokenUrl.toString(), clientId, username),
                                new CentiliTokenSource(t, tokenUrl, clientId, clientSecret, username, password,
                                        options.clock()))
                        .options(options).build())
                .credentials(clientSecret, password).errorMapper(new CentiliErrorMapper()).build();
        this.baseUrlText = transport.url("").build().toString();
        this.zone = b.zone;
        this.keys = b.idempotencyKeys;
        this.defaultServiceKey = b.defaultServiceKey;
        this.notificationParser = b.notificationParser == null ? CentiliNotificationParser.create()
                : b.notificationParser;
    }

    private static String require(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(ID, key, "is required");
        }
        return value;
    }

    /**
     * Starts a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- typed API

    /**
     * Starts a transaction: {@code POST /transactions/init}.
     *
     * @param request what to start; its idempotency key, or a new one, is sent as {@code Idempotency-Key}
     * @return the transaction id and what the subscriber must do next
     * @throws io.dcb4j.core.error.InvalidRequestException when Centili cannot start it (400), with its message
     * @throws io.dcb4j.core.error.ConflictException when the same key is still executing (409, retryable) or
     *     the subscription already exists ({@code SUBSCRIPTION_ALREADY_EXISTS}, not retryable)
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public TransactionStart startTransaction(StartTransactionRequest request) {
        Objects.requireNonNull(request, "request");
        String key = key(request.idempotencyKey());
        ApiResponse r = transport.execute(ApiRequest.post(CentiliErrorMapper.START, transport.url("transactions/init")
                .build()).jsonBody(CentiliMapper.startBody(request)).idempotencyKey(IDEMPOTENCY_HEADER, key)
                .reference("idempotencyKey", key).build());
        return CentiliMapper.start(r.json(CentiliWire.StartAnswer.class), key, r.context());
    }

    /**
     * Submits the PIN the subscriber typed: {@code POST /transactions/{id}/pin}, with a new idempotency key.
     *
     * @param transactionId the transaction
     * @param pin the PIN; never logged
     * @return Centili's acknowledgement ("PIN correct")
     * @throws io.dcb4j.core.error.InvalidPinException when the PIN is wrong (400; the subscriber may retry)
     * @throws io.dcb4j.core.error.PinAttemptsExceededException when too many PINs were wrong (429)
     * @throws io.dcb4j.core.error.NotFoundException when the transaction is unknown (404)
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public TransactionUpdate submitPin(String transactionId, String pin) {
        return submitPin(transactionId, pin, null);
    }

    /**
     * Submits the PIN with the caller's idempotency key (reuse it to repeat the same submission safely).
     *
     * @param transactionId the transaction
     * @param pin the PIN; never logged
     * @param idempotencyKey the key, or null for a new one
     * @return Centili's acknowledgement
     * @throws io.dcb4j.core.error.DcbException as {@link #submitPin(String, String)}
     */
    public TransactionUpdate submitPin(String transactionId, String pin, String idempotencyKey) {
        String id = requireId(transactionId);
        if (pin == null || pin.isBlank()) {
            throw new IllegalArgumentException("pin is required");
        }
        String key = key(idempotencyKey);
        ApiResponse r = transport.execute(ApiRequest.post(CentiliErrorMapper.SUBMIT_PIN, transport.url("transactions")
                .addPathSegment(id).addPathSegment("pin").build()).jsonBody(new CentiliWire.PinBody(pin.strip())).sensitive(pin.strip())
                .idempotencyKey(IDEMPOTENCY_HEADER, key).reference("transactionId", id).build());
        return CentiliMapper.update(r.json(CentiliWire.UpdateAnswer.class), id, key);
    }

    /**
     * Releases a transaction: {@code POST /transactions/{id}/release}, with a new idempotency key.
     *
     * @param transactionId the transaction
     * @return Centili's acknowledgement ("Transaction released")
     * @throws io.dcb4j.core.error.InvalidRequestException when it can not be released (400)
     * @throws io.dcb4j.core.error.NotFoundException when the transaction is unknown (404)
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public TransactionUpdate releaseTransaction(String transactionId) {
        return releaseTransaction(transactionId, null);
    }

    /**
     * Releases a transaction with the caller's idempotency key.
     *
     * @param transactionId the transaction
     * @param idempotencyKey the key, or null for a new one
     * @return Centili's acknowledgement
     * @throws io.dcb4j.core.error.DcbException as {@link #releaseTransaction(String)}
     */
    public TransactionUpdate releaseTransaction(String transactionId, String idempotencyKey) {
        String id = requireId(transactionId);
        String key = key(idempotencyKey);
        ApiResponse r = transport.execute(ApiRequest.post(CentiliErrorMapper.RELEASE, transport.url("transactions")
                .addPathSegment(id).addPathSegment("release").build()).emptyBody()
                .idempotencyKey(IDEMPOTENCY_HEADER, key).reference("transactionId", id).build());
        return CentiliMapper.update(r.json(CentiliWire.UpdateAnswer.class), id, key);
    }

    /**
     * Reads a transaction: {@code GET /transactions/{id}} (with an idempotency key, as the document asks).
     *
     * @param transactionId the transaction
     * @return the transaction; unknown enum values are {@code UNKNOWN} with the raw text kept
     * @throws io.dcb4j.core.error.NotFoundException when unknown (404)
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public Transaction transaction(String transactionId) {
        String id = requireId(transactionId);
        ApiResponse r = transport.execute(ApiRequest.get(CentiliErrorMapper.GET, transport.url("transactions")
                .addPathSegment(id).build()).idempotencyKey(IDEMPOTENCY_HEADER, key(null)).build());
        return CentiliMapper.transaction(r.json(CentiliWire.TransactionDto.class), id, zone, r.context());
    }

    /**
     * The notification parser this client was configured with.
     *
     * @return the parser
     */
    public CentiliNotificationParser notificationParser() {
        return notificationParser;
    }

    private static String requireId(String transactionId) {
        if (transactionId == null || transactionId.isBlank()) {
            throw new IllegalArgumentException("transactionId is required");
        }
        return HttpTransport.segment("transactionId", transactionId.strip());
    }

    private String key(String given) {
        String k = given == null ? Objects.requireNonNull(keys.get(), "idempotency key supplier returned null")
                : given;
        if (k.isBlank() || k.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("idempotency key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("idempotency key must be printable ASCII without spaces");
            }
        }
        return k;
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
        return Optional.of(pins);
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
        return Optional.of(notificationParser);
    }

    @Override
    public void close() {
        transport.close();
    }

    /** The base URL only: never credentials. */
    @Override
    public String toString() {
        return "CentiliClient[" + baseUrlText + "]";
    }

    /** Parameters of neutral requests that fill Centili fields instead of {@code params}. */
    private static final Set<String> CONSUMED = Set.of("country", "operator", "imsi", "identid", "designid",
            "clientuserid", "wap", "idempotencykey", "servicekey");

    private StartTransactionRequest fromNeutral(Msisdn msisdn, String serviceKey, BigDecimal price,
            String itemName, String language, String clientReference, String returnUrl, String idempotencyKey,
            Map<String, String> params, boolean defaultWap) {
        Map<String, String> p = new LinkedHashMap<>();
        params.forEach((k, v) -> p.put(k.toLowerCase(Locale.ROOT), v));
        String key = p.get("servicekey") != null ? p.get("servicekey") : serviceKey;
        if (key == null) {
            throw new IllegalArgumentException("Centili needs a service key: set the offer, the 'serviceKey' "
                    + "parameter or the client's default service key");
        }
        UserIdentifier user = msisdn == null && p.get("country") == null && p.get("imsi") == null
                && p.get("operator") == null && p.get("identid") == null ? null
                : new UserIdentifier(p.get("country"), p.get("imsi"), msisdn, p.get("operator"), p.get("identid"));
        PageCustomization page = itemName == null && language == null && p.get("designid") == null ? null
                : new PageCustomization(itemName, p.get("designid"), language);
        ClientData data = p.get("clientuserid") == null && page == null && clientReference == null
                && returnUrl == null ? null : new ClientData(p.get("clientuserid"), page, clientReference, returnUrl);
        StartTransactionRequest.Builder b = StartTransactionRequest.builder(key).userIdentifier(user).price(price)
                .wap(p.containsKey("wap") ? Boolean.parseBoolean(p.get("wap")) : defaultWap).clientData(data)
                .idempotencyKey(p.get("idempotencykey") != null ? p.get("idempotencykey") : idempotencyKey);
        params.forEach((k, v) -> {
            if (!CONSUMED.contains(k.toLowerCase(Locale.ROOT))) {
                b.param(k + "=" + v);
            }
        });
        return b.build();
    }

    private static Map<String, String> details(TransactionStart s) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("transactionId", s.transactionId());
        d.put("transactionType", s.rawTransactionType());
        d.put("country", s.country());
        d.put("operator", s.operator());
        d.put("idempotencyKey", s.idempotencyKey());
        if (s.action() != null) {
            d.put("actionType", s.action().rawType());
        }
        if (s.clientData() != null) {
            d.put("clientReference", s.clientData().clientReference());
            d.put("clientUserId", s.clientData().clientUserId());
        }
        return d;
    }

    private static Map<String, String> details(Transaction t) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("transactionId", t.transactionId());
        d.put("transactionType", t.rawTransactionType());
        d.put("transactionStatus", t.rawTransactionStatus());
        d.put("notificationStatus", t.rawNotificationStatus());
        d.put("timeCharged", t.rawTimeCharged());
        d.put("serviceKey", t.serviceKey());
        d.put("country", t.country());
        d.put("operator", t.operator());
        d.put("error", t.error());
        if (t.item() != null) {
            d.put("itemName", t.item().name());
            d.put("itemAmount", t.item().amount() == null ? null : t.item().amount().toPlainString());
        }
        if (t.clientData() != null) {
            d.put("clientReference", t.clientData().clientReference());
            d.put("clientUserId", t.clientData().clientUserId());
        }
        return d;
    }

    private final class Pins implements PinSubscriptions {
        @Override
        public PinChallenge requestPin(SubscribeRequest request) {
            Objects.requireNonNull(request, "request");
            TransactionStart start = startTransaction(fromNeutral(request.msisdn(), request.offer().value(),
                    request.price() == null ? null : request.price().amount(), request.description(),
                    request.language(), request.clientReference(), request.returnUrl(), null, request.params(),
                    false));
            TransactionAction action = start.action();
            NextAction next = action == null ? new NextAction.EnterPin(null) : action.toNextAction();
            return new PinChallenge(ID, start.transactionId(), request, null, next, details(start));
        }

        @Override
        public SubscriptionResult confirmPin(PinChallenge challenge, String pin) {
            Objects.requireNonNull(challenge, "challenge");
            if (!ID.equals(challenge.provider()) || challenge.challengeId() == null) {
                throw new IllegalArgumentException("not a Centili PIN challenge");
            }
            TransactionUpdate u = submitPin(challenge.challengeId(), pin);
            Map<String, String> d = new LinkedHashMap<>();
            d.put("transactionId", u.transactionId());
            d.put("idempotencyKey", u.idempotencyKey());
            if (u.clientData() != null) {
                d.put("clientReference", u.clientData().clientReference());
                d.put("clientUserId", u.clientData().clientUserId());
            }
            SubscriptionRef ref = new SubscriptionRef(u.transactionId(), challenge.request().msisdn(),
                    challenge.request().offer());
            return new SubscriptionResult(ref, SubscriptionState.ACTIVE, null, null, false, d);
        }
    }

    private final class OneOffCharges implements Charges {
        @Override
        public ChargeResult charge(ChargeRequest request) {
            Objects.requireNonNull(request, "request");
            TransactionStart start = startTransaction(fromNeutral(request.msisdn(),
                    request.offer() == null ? defaultServiceKey : request.offer().value(), request.amount().amount(),
                    request.description(), null, request.clientReference(), request.returnUrl(),
                    request.idempotencyKey(), request.params(), true));
            TransactionAction action = start.action();
            return new ChargeResult(ChargeRef.of(start.transactionId()),
                    action == null ? ChargeState.PROCESSING : ChargeState.PENDING_VALIDATION, null, request.amount(),
                    action == null ? NextAction.none() : action.toNextAction(), null, details(start));
        }

        @Override
        public ChargeResult status(ChargeRef charge) {
            Objects.requireNonNull(charge, "charge");
            Transaction t = transaction(charge.id());
            ChargeState state = CentiliMapper.chargeState(t);
            return new ChargeResult(ChargeRef.of(t.transactionId()), state, t.rawTransactionStatus(),
                    t.item() == null ? null : t.item().priceMoney().orElse(null), NextAction.none(),
                    state == ChargeState.DENIED ? CentiliMapper.failureReason(t.error()) : null, details(t));
        }
    }

    private final class TransactionSubscriptions implements Subscriptions {
        @Override
        public SubscriptionInfo status(SubscriptionRef subscription) {
            String id = idOf(subscription);
            Transaction t = transaction(id);
            Instant started = t.transactionType() == null ? null : switch (t.transactionType()) {
                case OPT_IN, SUB_START, CHARGE -> t.timeCharged();
                default -> null;
            };
            return new SubscriptionInfo(subscription.withId(t.transactionId()), CentiliMapper.subscriptionState(t),
                    t.rawTransactionStatus(), started, null, details(t));
        }

        @Override
        public CancelResult cancel(SubscriptionRef subscription) {
            String id = idOf(subscription);
            TransactionUpdate u = releaseTransaction(id);
            Map<String, String> d = new LinkedHashMap<>();
            d.put("transactionId", u.transactionId());
            d.put("idempotencyKey", u.idempotencyKey());
            if (u.clientData() != null) {
                d.put("clientReference", u.clientData().clientReference());
                d.put("clientUserId", u.clientData().clientUserId());
            }
            return new CancelResult(subscription.withId(u.transactionId()), SubscriptionState.CANCELLED, "RELEASED",
                    d);
        }

        @Override
        public RenewResult renew(SubscriptionRef subscription) {
            throw new UnsupportedOperationException("Centili renews subscriptions itself: no RENEW capability");
        }

        private String idOf(SubscriptionRef subscription) {
            Objects.requireNonNull(subscription, "subscription");
            return subscription.idIfKnown().orElseThrow(() -> new IllegalArgumentException(
                    "Centili finds subscriptions by transaction id only: the reference has no id"));
        }
    }

    /** Builds a {@link CentiliClient}. */
    public static final class Builder {
        private String clientId;
        private String clientSecret;
        private String username;
        private String password;
        private String tokenUrl = DEFAULT_TOKEN_URL;
        private String baseUrl = DEFAULT_BASE_URL;
        private ClientOptions options;
        private ZoneId zone = ZoneOffset.UTC;
        private Supplier<String> idempotencyKeys = () -> UUID.randomUUID().toString();
        private String defaultServiceKey;
        private CentiliNotificationParser notificationParser;

        private Builder() {
        }

        /**
         * The OAuth2 client id ({@code client_id}). Required.
         *
         * @param clientId the id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * The OAuth2 client secret ({@code client_secret}), for confidential clients. Optional.
         *
         * @param clientSecret the secret
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * The API user name for the password grant. Required.
         *
         * @param username the user name
         * @return this builder
         */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /**
         * The API user's password. Required; never logged.
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * The token endpoint; {@value CentiliClient#DEFAULT_TOKEN_URL} by default.
         *
         * @param tokenUrl the URL
         * @return this builder
         */
        public Builder tokenUrl(String tokenUrl) {
            this.tokenUrl = tokenUrl;
            return this;
        }

        /**
         * The API base URL, under which {@code transactions/...} lives; {@value CentiliClient#DEFAULT_BASE_URL}
         * by default.
         *
         * @param baseUrl the URL
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * Transport options: timeouts, retry policy, http opt-in, OkHttp client, token store, clock.
         *
         * @param options the options; {@link ClientOptions#defaults()} when not set
         * @return this builder
         */
        public Builder options(ClientOptions options) {
            this.options = options;
            return this;
        }

        /**
         * The zone of Centili's zone-less times ({@code 2017-08-16 11:41:08}); UTC by default.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Where idempotency keys come from when the caller gives none; random UUIDs by default.
         *
         * @param generator a supplier of unique keys (printable ASCII, at most 255 characters)
         * @return this builder
         */
        public Builder idempotencyKeys(Supplier<String> generator) {
            this.idempotencyKeys = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /**
         * The service key used by neutral charges whose request has no offer.
         *
         * @param serviceKey the key, or null
         * @return this builder
         */
        public Builder defaultServiceKey(String serviceKey) {
            this.defaultServiceKey = serviceKey == null || serviceKey.isBlank() ? null : serviceKey;
            return this;
        }

        /**
         * The notification parser (shared secret, source allow-list, default currency); one without checks by
         * default.
         *
         * @param parser the parser
         * @return this builder
         */
        public Builder notificationParser(CentiliNotificationParser parser) {
            this.notificationParser = parser;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client; close it when done
         * @throws ConfigurationException when a required value is missing or a URL is invalid
         */
        public CentiliClient build() {
            return new CentiliClient(this);
        }
    }
}
