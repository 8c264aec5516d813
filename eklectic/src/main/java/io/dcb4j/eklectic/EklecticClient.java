package io.dcb4j.eklectic;

import io.dcb4j.core.Capability;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.spi.NeutralApi;
import io.dcb4j.core.spi.ProviderClient;
import io.dcb4j.core.spi.ProviderClientBuilder;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.spi.support.ConfigChecks;
import io.dcb4j.core.token.CachingTokenProvider;
import io.dcb4j.eklectic.internal.EklecticErrorMapper;
import io.dcb4j.eklectic.internal.EklecticMapper;
import io.dcb4j.eklectic.internal.EklecticNeutralApi;
import io.dcb4j.eklectic.internal.EklecticTokenSource;
import io.dcb4j.eklectic.internal.EklecticWire;
import io.dcb4j.eklectic.model.CancellationResult;
import io.dcb4j.eklectic.model.ConfirmResult;
import io.dcb4j.eklectic.model.OtpChallenge;
import io.dcb4j.eklectic.model.Subscriber;
import io.dcb4j.eklectic.notification.EklecticNotificationParser;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;

/**
 * The Eklectic client (Tunisian direct carrier billing): OTP subscriptions, subscriber status and
 * unsubscription, in Eklectic's own typed terms and through the neutral {@link io.dcb4j.core.BillingProvider}
 * API.
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
 * side ({@code RENEW} callbacks), so {@link #renewals()} is empty and {@link Capability#RENEW} missing.
 */
public final class EklecticClient extends ProviderClient {

    /** The provider id. */
    public static final String ID = "eklectic";
    /** The documented API base URL. */
    public static final String DEFAULT_BASE_URL = "https://payment.eklectic.tn/API";
    /** The zone of Eklectic's zone-less dates by default: Tunisia. */
    public static final ZoneId DEFAULT_ZONE = EklecticNotificationParser.DEFAULT_ZONE;
    /** The currency of callback amounts by default: Tunisian dinar. */
    public static final Currency DEFAULT_CURRENCY = EklecticNotificationParser.DEFAULT_CURRENCY;

    private final ZoneId zone;
    private final String baseUrl;
    private final EklecticNotificationParser parser;
    private final NeutralApi neutralApi;

    private EklecticClient(HttpTransport transport, ZoneId zone, EklecticNotificationParser parser) {
        super(ID, transport);
        this.zone = zone;
        this.parser = parser;
        this.baseUrl = transport.url("").build().toString();
        this.neutralApi = EklecticNeutralApi.of(this);
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
        HttpTransport transport = transport();
        ApiResponse response = transport.execute(ApiRequest.post("sendPin", transport.endpoint("subscription/otp"))
                .jsonBody(new EklecticWire.OfferRequest(msisdn.digits(), EklecticMapper.offerOnWire(offer)))
                .build());
        return EklecticMapper.otpChallenge(response.json(EklecticWire.OtpAnswer.class), msisdn, offer, zone,
                response.context());
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
        HttpTransport transport = transport();
        ApiResponse response = transport.execute(ApiRequest.post(EklecticErrorMapper.CONFIRM,
                        transport.endpoint("subscription/confirm"))
                .jsonBody(new EklecticWire.ConfirmRequest(msisdn.digits(), EklecticMapper.offerOnWire(offer),
                        code.strip(), pin.strip()))
                .sensitive(pin.strip())
                .reference("code", code.strip())
                .build());
        return EklecticMapper.confirmResult(response.json(EklecticWire.ConfirmAnswer.class), zone,
                response.context());
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
        HttpTransport transport = transport();
        ApiResponse response = transport.execute(ApiRequest.post("findSubscription",
                        transport.endpoint("subscription/find"))
                .jsonBody(new EklecticWire.OfferRequest(msisdn.digits(), EklecticMapper.offerOnWire(offer)))
                .retrySafe(true)
                .build());
        return EklecticMapper.subscriptionId(response.jsonTree(), response.context());
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
        HttpTransport transport = transport();
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
     * @return the cancellation, naming the subscription
     * @throws NotFoundException when the id is unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public CancellationResult unsubscribe(String subscriptionId) {
        String id = requireId(subscriptionId);
        HttpTransport transport = transport();
        transport.execute(ApiRequest.delete("unsubscribe", transport.url("subscription").addPathSegment(id).build())
                .reference("subscriptionId", id).build());
        return new CancellationResult(id);
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

    @Override
    protected NeutralApi neutralApi() {
        return neutralApi;
    }

    /** No credentials. */
    @Override
    public String toString() {
        return "EklecticClient[" + baseUrl + ", zone=" + zone + "]";
    }

    /**
     * Builds an {@link EklecticClient}. Client id and client secret are required; everything else has a
     * default. The shared settings ({@code baseUrl}, {@code options}, timeouts, {@code retryPolicy}, {@code
     * extraHeader}, {@code notificationSecret}, {@code notificationAllowedSources}) are those of {@link
     * ProviderClientBuilder}, with its precedence rule. Eklectic does not sign callbacks: {@link
     * #notificationSecret(String)} is a secret of your own that every callback must carry in the query
     * parameter {@link #notificationSecretParameter(String)} of the partner URL you registered ({@code secret}
     * by default).
     */
    public static final class Builder extends ProviderClientBuilder<Builder, EklecticClient> {
        private String clientId;
        private String clientSecret;
        private ZoneId zone = DEFAULT_ZONE;
        private Currency currency = DEFAULT_CURRENCY;
        private String notificationSecretParameter = "secret";

        private Builder() {
            super(ID, DEFAULT_BASE_URL);
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
         * The secret every callback must carry in the query parameter {@link #notificationSecretParameter} of
         * the partner URL you registered with Eklectic (see {@link EklecticNotificationParser}), compared in
         * constant time.
         *
         * @param secret the value; never logged
         * @return this builder
         * @throws ConfigurationException naming {@code notification-secret} when the secret is blank: empty,
         *     or nothing but whitespace and commas (an empty environment variable does not turn the check off)
         */
        @Override
        public Builder notificationSecret(String secret) {
            return super.notificationSecret(secret);
        }

        /**
         * The query parameter of the partner URL that carries the {@link #notificationSecret(String)}.
         *
         * @param parameter the parameter name, {@code secret} by default
         * @return this builder
         * @throws ConfigurationException naming {@code notification-secret-parameter} when null or blank
         */
        public Builder notificationSecretParameter(String parameter) {
            if (parameter == null || ConfigChecks.isBlank(parameter)) {
                throw ConfigChecks.blank(ID, "notification-secret-parameter");
            }
            this.notificationSecretParameter = parameter.strip();
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws ConfigurationException when the client id or secret is missing, or the base URL or the
         *     options are invalid
         */
        @Override
        public EklecticClient build() {
            String id = required(clientId, "client-id");
            String secret = required(clientSecret, "client-secret");
            ClientOptions options = clientOptions();
            String callbackSecret = notificationSecret().orElse(null);
            HttpTransport transport = HttpTransport.builder(ID, options)
                    .baseUrl("base-url", baseUrl())
                    .tokens(t -> CachingTokenProvider.builder(
                                    CachingTokenProvider.cacheKey(ID, t.url("").build().toString(), id),
                                    new EklecticTokenSource(t, id, secret, options.clock()))
                            .options(options)
                            .build())
                    .credentials(secret, callbackSecret)
                    .errorMapper(new EklecticErrorMapper())
                    .build();
            EklecticNotificationParser.Builder parser = EklecticNotificationParser.builder().zone(zone)
                    .currency(currency).allowedSources(notificationAllowedSources().orElse(null));
            if (callbackSecret != null) {
                parser.sharedSecret(notificationSecretParameter, callbackSecret);
            }
            return new EklecticClient(transport, zone, parser.build());
        }
    }
}
