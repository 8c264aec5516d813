package io.dcb4j.eklectic;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Capability;
import io.dcb4j.core.Charges;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.token.CachingTokenProvider;
import io.dcb4j.eklectic.internal.EklecticErrorMapper;
import io.dcb4j.eklectic.internal.EklecticMapper;
import io.dcb4j.eklectic.internal.EklecticTokenSource;
import io.dcb4j.eklectic.internal.EklecticWire;
import io.dcb4j.eklectic.model.ConfirmResult;
import io.dcb4j.eklectic.model.OtpChallenge;
import io.dcb4j.eklectic.model.Subscriber;
import io.dcb4j.eklectic.notification.EklecticNotificationParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Eklectic client (Tunisian direct carrier billing): OTP subscriptions, subscriber status and
 * unsubscription, in Eklectic's own typed terms and through the neutral {@link BillingProvider} API.
 *
 * <pre>{@code
 * try (EklecticClient eklectic = EklecticClient.builder()
 *         .clientId(System.getenv("EKLECTIC_CLIENT_ID"))
 *         .clientSecret(System.getenv("EKLECTIC_CLIENT_SECRET"))
 *         .build()) {
 *     OtpChallenge challenge = eklectic.sendPin(Msisdn.of("21612345678"), OfferId.of(123));
 *     ConfirmResult confirmed = eklectic.confirmPin(challenge, pinTypedByTheSubscriber);
 *     Subscriber subscriber = eklectic.subscription(confirmed.subscriber().id());
 * }
 * }</pre>
 *
 * <p>Every call carries an OAuth2 client-credentials token fetched from {@code POST oauth/token} (the
 * credentials travel in its query string, as Eklectic requires; they are masked in every log line), cached
 * until shortly before {@code expires_in} runs out, and fetched again once when the API answers 401.
 * Immutable and thread-safe; close it to release its connection pool.
 *
 * <p>Capabilities: {@link Capability#PIN_SUBSCRIPTION} (requestPin = {@code subscription/otp}, confirmPin =
 * {@code subscription/confirm}), {@link Capability#SUBSCRIPTION_STATUS} ({@code subscription/find} when
 * only MSISDN and offer are known, then {@code GET subscription/{id}}), {@link Capability#CANCEL}
 * ({@code DELETE subscription/{id}}) and {@link Capability#NOTIFICATIONS}. Renewals happen on Eklectic's
 * side ({@code RENEW} callbacks): {@link Subscriptions#renew} throws {@link UnsupportedOperationException}.
 */
public final class EklecticClient implements BillingProvider {

    /** The provider id. */
    public static final String ID = "eklectic";
    /** The documented API base URL. */
    public static final String DEFAULT_BASE_URL = "https://payment.eklectic.tn/API";
    /** The zone of Eklectic's zone-less dates by default: Tunisia. */
    public static final ZoneId DEFAULT_ZONE = EklecticNotificationParser.DEFAULT_ZONE;
    /** The currency of callback amounts by default: Tunisian dinar. */
    public static final Currency DEFAULT_CURRENCY = EklecticNotificationParser.DEFAULT_CURRENCY;

    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.PIN_SUBSCRIPTION,
            Capability.SUBSCRIPTION_STATUS, Capability.CANCEL, Capability.NOTIFICATIONS));

    private final HttpTransport transport;
    private final ZoneId zone;
    private final Currency currency;
    private final String baseUrl;
    private final EklecticNotificationParser parser;
    private final PinSubscriptions pinSubscriptions = new NeutralPins();
    private final Subscriptions subscriptions = new NeutralSubscriptions();

    private EklecticClient(Builder b) {
        String clientId = required(b.clientId, "client-id");
        String clientSecret = required(b.clientSecret, "client-secret");
        ClientOptions options = b.options();
        this.zone = b.zone;
        this.currency = b.currency;
        this.transport = HttpTransport.builder(ID, options)
                .baseUrl("base-url", b.baseUrl)
                .tokens(t -> CachingTokenProvider.builder(
                                CachingTokenProvider.cacheKey(ID, t.url("").build().toString(), clientId),
                                new EklecticTokenSource(t, clientId, clientSecret, options.clock()))
                        .options(options)
                        .build())
                .credentials(clientSecret, b.notificationSecret)
                .errorMapper(new EklecticErrorMapper())
                .build();
        this.baseUrl = transport.url("").build().toString();
        EklecticNotificationParser.Builder pb = EklecticNotificationParser.builder().zone(zone).currency(currency);
        if (b.notificationSecret != null) {
            pb.sharedSecret(b.notificationSecretParameter, b.notificationSecret);
        }
        pb.allowedSources(b.notificationAllowList);
        this.parser = pb.build();
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(ID, key, "is required");
        }
        return value.strip();
    }

    /**
     * Starts a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- Eklectic's own API

    /**
     * Sends a PIN by SMS to the subscriber: {@code POST subscription/otp} with {@code {msisdn, offreid}}.
     * Not retried once sent (a retry would send a second SMS).
     *
     * @param msisdn the subscriber, sent as digits with the country code ({@code 21612345678})
     * @param offer the Eklectic offer id ({@code offreid})
     * @return the challenge: its {@code code} and expiry
     * @throws io.dcb4j.core.error.DcbException on failure
     */
    public OtpChallenge sendPin(Msisdn msisdn, OfferId offer) {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(offer, "offer");
        ApiResponse response = transport.execute(ApiRequest.post("sendPin", transport.url("subscription/otp").build())
                .jsonBody(new EklecticWire.OfferRequest(msisdn.digits(), EklecticMapper.offerOnWire(offer)))
                .build());
        EklecticWire.OtpAnswer answer = response.json(EklecticWire.OtpAnswer.class);
        String code = EklecticMapper.text(answer.code());
        if (code == null) {
            throw new DcbProtocolException("OTP answer has no 'code'", response.context(), null);
        }
        String expire = EklecticMapper.text(answer.expire());
        Instant expiresAt = EklecticMapper.date("expire", expire, zone, response.context());
        return new OtpChallenge(code, msisdn, offer, expiresAt, expire);
    }

    /**
     * Confirms the PIN of a challenge: {@code POST subscription/confirm}.
     *
     * @param challenge the challenge from {@link #sendPin}
     * @param pin the PIN the subscriber typed; never logged
     * @return the confirmation and the subscriber record
     * @throws InvalidPinException when Eklectic answers {@code KO} (the subscriber may try again)
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public ConfirmResult confirmPin(OtpChallenge challenge, String pin) {
        Objects.requireNonNull(challenge, "challenge");
        return confirmPin(challenge.msisdn(), challenge.offer(), challenge.code(), pin);
    }

    /**
     * Confirms a PIN: {@code POST subscription/confirm} with {@code {msisdn, offreid, code, pin}}. The
     * {@code confirm} flag is compared case-insensitively ({@code OK}, {@code ok}).
     *
     * @param msisdn the subscriber
     * @param offer the offer
     * @param code the challenge code from the OTP answer
     * @param pin the PIN the subscriber typed; never logged
     * @return the confirmation and the subscriber record
     * @throws InvalidPinException when Eklectic answers {@code KO}
     * @throws DcbProtocolException when {@code confirm} is neither ok nor ko, or the record is missing
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public ConfirmResult confirmPin(Msisdn msisdn, OfferId offer, String code, String pin) {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(offer, "offer");
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("the challenge code is required");
        }
        if (pin == null || pin.isBlank()) {
            throw new IllegalArgumentException("the PIN is required");
        }
        ApiResponse response = transport.execute(ApiRequest.post(EklecticErrorMapper.CONFIRM,
                        transport.url("subscription/confirm").build())
                .jsonBody(new EklecticWire.ConfirmRequest(msisdn.digits(), EklecticMapper.offerOnWire(offer),
                        code.strip(), pin.strip()))
                .sensitive(pin.strip())
                .reference("code", code.strip())
                .build());
        EklecticWire.ConfirmAnswer answer = response.json(EklecticWire.ConfirmAnswer.class);
        String confirm = EklecticMapper.text(answer.confirm());
        if (EklecticMapper.isKo(confirm)) {
            throw new InvalidPinException("PIN refused: confirm=" + confirm,
                    response.context().withProviderError(confirm, null), null);
        }
        if (!EklecticMapper.isOk(confirm)) {
            throw new DcbProtocolException(confirm == null ? "confirm answer has no 'confirm'"
                    : "confirm answer's 'confirm' is neither OK nor KO: '" + confirm + "'", response.context(), null);
        }
        return new ConfirmResult(confirm, EklecticMapper.subscriber(answer.user(), zone, response.context()));
    }

    /**
     * Finds the subscription id of a subscriber and offer: {@code POST subscription/find}. A lookup, so it
     * is retried like a read.
     *
     * @param msisdn the subscriber
     * @param offer the offer
     * @return the subscription id ({@code subscriptionID})
     * @throws NotFoundException when Eklectic knows no such subscription (404, or no id in the answer)
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public String findSubscription(Msisdn msisdn, OfferId offer) {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(offer, "offer");
        ApiResponse response = transport.execute(ApiRequest.post("findSubscription",
                        transport.url("subscription/find").build())
                .jsonBody(new EklecticWire.OfferRequest(msisdn.digits(), EklecticMapper.offerOnWire(offer)))
                .retrySafe(true)
                .build());
        JsonNode tree = response.jsonTree();
        if (!tree.isObject()) {
            throw new DcbProtocolException("find answer is not a JSON object", response.context(), null);
        }
        for (String name : new String[] {"subscriptionID", "subscriptionId", "subscriptionid", "subscription_id"}) {
            JsonNode n = tree.get(name);
            if (n != null && !n.isNull() && n.isValueNode() && !n.asText().isBlank()
                    && !n.asText().strip().equals("0")) {
                if (!HttpTransport.isPathSegment(n.asText().strip())) {
                    // it goes into the path of the next call: a '..' would reach another resource
                    throw new DcbProtocolException("find answer's '" + name + "' is not a usable subscription id",
                            response.context(), null);
                }
                return n.asText().strip();
            }
        }
        throw new NotFoundException("no subscription for this subscriber and offer", response.context(), null);
    }

    /**
     * The subscriber record: {@code GET subscription/{id}}.
     *
     * @param subscriptionId the subscription id
     * @return the record, with {@code state} and {@code expire_date}
     * @throws NotFoundException when the id is unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public Subscriber subscription(String subscriptionId) {
        String id = requireId(subscriptionId);
        ApiResponse response = transport.execute(ApiRequest.get("subscription",
                        transport.url("subscription").addPathSegment(id).build())
                .header("Content-Type", "application/json")
                .build());
        EklecticWire.DetailsAnswer answer = response.json(EklecticWire.DetailsAnswer.class);
        return EklecticMapper.subscriber(answer.user(), zone, response.context());
    }

    /**
     * Unsubscribes: {@code DELETE subscription/{id}}. Any 2xx answer is success (the document shows no
     * body). Not retried once sent.
     *
     * @param subscriptionId the subscription id
     * @throws NotFoundException when the id is unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public void unsubscribe(String subscriptionId) {
        String id = requireId(subscriptionId);
        transport.execute(ApiRequest.delete("unsubscribe", transport.url("subscription").addPathSegment(id).build())
                .reference("subscriptionId", id).build());
    }

    private static String requireId(String subscriptionId) {
        if (subscriptionId == null || subscriptionId.isBlank()) {
            throw new IllegalArgumentException("the subscription id is required");
        }
        return HttpTransport.segment("subscriptionId", subscriptionId.strip());
    }

    /**
     * The parser for Eklectic's callbacks, with this client's zone, currency and shared secret.
     *
     * @return the parser
     */
    public EklecticNotificationParser notificationParser() {
        return parser;
    }

    /**
     * The zone Eklectic's zone-less dates are read in.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The API base URL in use.
     *
     * @return the URL
     */
    public String baseUrl() {
        return baseUrl;
    }

    // ---------------------------------------------------------------- the neutral API

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
        return Optional.of(pinSubscriptions);
    }

    /**
     * Eklectic has no one-off charge API documented.
     *
     * @return empty
     */
    @Override
    public Optional<Charges> charges() {
        return Optional.empty();
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

    /** No credentials. */
    @Override
    public String toString() {
        return "EklecticClient[" + baseUrl + ", zone=" + zone + "]";
    }

    private SubscriptionInfo info(SubscriptionRef ref, String id, Subscriber s) {
        return new SubscriptionInfo(ref.withId(id), s.state(), s.rawState(),
                s.subscribedAt() != null ? s.subscribedAt() : s.createdAt(),
                s.expiresAt() != null ? s.expiresAt() : s.freePeriodEnd(), EklecticMapper.details(s));
    }

    private String resolveId(SubscriptionRef ref) {
        Objects.requireNonNull(ref, "subscription");
        if (ref.id() != null) {
            return ref.id();
        }
        if (ref.offer() == null) {
            throw new IllegalArgumentException(
                    "Eklectic needs the subscription id, or the MSISDN and the offer to look it up");
        }
        return findSubscription(ref.msisdn(), ref.offer());
    }

    private final class NeutralPins implements PinSubscriptions {

        @Override
        public PinChallenge requestPin(SubscribeRequest request) {
            Objects.requireNonNull(request, "request");
            OtpChallenge c = sendPin(request.msisdn(), request.offer());
            Map<String, String> details = new LinkedHashMap<>();
            if (c.rawExpire() != null) {
                details.put("expire", c.rawExpire());
            }
            return new PinChallenge(ID, c.code(), request, c.expiresAt(), new NextAction.EnterPin(null), details);
        }

        @Override
        public SubscriptionResult confirmPin(PinChallenge challenge, String pin) {
            Objects.requireNonNull(challenge, "challenge");
            if (!ID.equals(challenge.provider())) {
                throw new IllegalArgumentException("the challenge comes from provider '" + challenge.provider()
                        + "', not " + ID);
            }
            if (challenge.challengeId() == null) {
                throw new IllegalArgumentException("the challenge has no Eklectic code");
            }
            SubscribeRequest request = challenge.request();
            ConfirmResult result = EklecticClient.this.confirmPin(request.msisdn(), request.offer(),
                    challenge.challengeId(), pin);
            Subscriber s = result.subscriber();
            Map<String, String> details = EklecticMapper.details(s);
            details.put("confirm", result.rawConfirm());
            return new SubscriptionResult(new SubscriptionRef(s.id(), request.msisdn(), request.offer()), s.state(),
                    s.rawState(), null, false, details);
        }
    }

    private final class NeutralSubscriptions implements Subscriptions {

        @Override
        public SubscriptionInfo status(SubscriptionRef subscription) {
            String id = resolveId(subscription);
            return info(subscription, id, subscription(id));
        }

        @Override
        public CancelResult cancel(SubscriptionRef subscription) {
            String id = resolveId(subscription);
            unsubscribe(id);
            return new CancelResult(subscription.withId(id), SubscriptionState.CANCELLED, null, Map.of());
        }

        /**
         * Not offered by Eklectic: renewals are billed by Eklectic and reported by {@code RENEW} callbacks.
         *
         * @throws UnsupportedOperationException always
         */
        @Override
        public RenewResult renew(SubscriptionRef subscription) {
            throw new UnsupportedOperationException(
                    "Eklectic renews subscriptions itself and reports them with RENEW callbacks");
        }
    }

    /**
     * Builds an {@link EklecticClient}. Client id and client secret are required; everything else has a
     * default.
     */
    public static final class Builder {
        private String clientId;
        private String clientSecret;
        private String baseUrl = DEFAULT_BASE_URL;
        private ZoneId zone = DEFAULT_ZONE;
        private Currency currency = DEFAULT_CURRENCY;
        private ClientOptions.Builder options = ClientOptions.builder();
        private String notificationSecretParameter = "secret";
        private String notificationSecret;
        private io.dcb4j.core.notification.SourceAddressAllowList notificationAllowList;

        private Builder() {
        }

        /**
         * The client id Eklectic issued ({@code client_id}). Required.
         *
         * @param clientId the id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * The client secret Eklectic issued ({@code client_secret}). Required; never logged.
         *
         * @param clientSecret the secret
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * The API base URL; {@value EklecticClient#DEFAULT_BASE_URL} by default.
         *
         * @param baseUrl an absolute https URL (http only with {@link ClientOptions.Builder#allowInsecureHttp})
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * The zone of Eklectic's zone-less dates; Africa/Tunis by default.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            if (zone == null) {
                throw new ConfigurationException(ID, "zone", "is required");
            }
            this.zone = zone;
            return this;
        }

        /**
         * The currency of callback amounts; TND by default.
         *
         * @param currency the currency
         * @return this builder
         */
        public Builder currency(Currency currency) {
            if (currency == null) {
                throw new ConfigurationException(ID, "currency", "is required");
            }
            this.currency = currency;
            return this;
        }

        /**
         * Transport settings: timeouts, retries, http opt-in, the caller's OkHttp client, token store,
         * clock. Replaces what {@link #retryPolicy} and {@link #timeouts} set before.
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(ClientOptions options) {
            this.options = Objects.requireNonNull(options, "options").toBuilder();
            return this;
        }

        /**
         * The retry policy (a shortcut into the options).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            options.retryPolicy(Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * The timeouts (a shortcut into the options).
         *
         * @param connect the TCP connect timeout
         * @param read the socket read timeout
         * @param call the limit for a whole operation, retries included
         * @return this builder
         */
        public Builder timeouts(Duration connect, Duration read, Duration call) {
            options.connectTimeout(connect).readTimeout(read).callTimeout(call);
            return this;
        }

        /**
         * Accepts callbacks only from these source addresses.
         *
         * @param allowList Eklectic's addresses or CIDR blocks; null accepts any
         * @return this builder
         */
        public Builder notificationAllowedSources(io.dcb4j.core.notification.SourceAddressAllowList allowList) {
            this.notificationAllowList = allowList;
            return this;
        }

        /**
         * Accepts callbacks only from these source addresses, given as text.
         *
         * @param addresses Eklectic's addresses or CIDR blocks (entries may be comma-separated); null accepts any
         * @return this builder
         * @throws ConfigurationException naming {@code notification-allowed-sources} when nothing but blanks is
         *     listed, or an entry is not an address or block
         */
        public Builder notificationAllowedSources(java.util.Collection<String> addresses) {
            this.notificationAllowList = io.dcb4j.core.spi.support.ConfigChecks.allowList(ID,
                    "notification-allowed-sources", addresses);
            return this;
        }

        /**
         * Requires every callback to carry a secret in a query parameter of the partner URL you registered
         * with Eklectic (see {@link EklecticNotificationParser}).
         *
         * @param parameter the query parameter, {@code secret} by default
         * @param secret the value; null turns the check off
         * @return this builder
         * @throws ConfigurationException naming {@code notification-secret} when the secret is blank (an empty
         *     environment variable does not turn the check off), or {@code notification-secret-parameter}
         *     when a secret is given without a parameter name
         */
        public Builder notificationSecret(String parameter, String secret) {
            io.dcb4j.core.spi.support.ConfigChecks.optionalNonBlank(ID, "notification-secret", secret);
            if (secret != null && (parameter == null || io.dcb4j.core.spi.support.ConfigChecks.isBlank(parameter))) {
                throw new ConfigurationException(ID, "notification-secret-parameter", "is required");
            }
            this.notificationSecretParameter = parameter == null ? "secret" : parameter.strip();
            this.notificationSecret = secret;
            return this;
        }

        private ClientOptions options() {
            try {
                return options.build();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ConfigurationException(ID, "options", "are invalid: " + e.getMessage());
            }
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws ConfigurationException when the client id or secret is missing or the base URL is invalid
         */
        public EklecticClient build() {
            return new EklecticClient(this);
        }
    }
}
