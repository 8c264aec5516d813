package io.dcb4j.infomedia;

import io.dcb4j.core.Capability;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.spi.NeutralApi;
import io.dcb4j.core.spi.ProviderClient;
import io.dcb4j.core.spi.ProviderClientBuilder;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.spi.support.ConfigChecks;
import io.dcb4j.infomedia.internal.InfomediaErrorMapper;
import io.dcb4j.infomedia.internal.InfomediaMapper;
import io.dcb4j.infomedia.internal.InfomediaNeutralApi;
import io.dcb4j.infomedia.internal.InfomediaWire;
import io.dcb4j.infomedia.model.CancellationResult;
import io.dcb4j.infomedia.model.JoinResult;
import io.dcb4j.infomedia.model.PinResult;
import io.dcb4j.infomedia.model.SubscriptionRequest;
import io.dcb4j.infomedia.model.UnsubscribeRequest;
import io.dcb4j.infomedia.notification.InfomediaNotificationParser;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Infomedia client (Etisalat UAE, Infomedia-hosted PIN flow). Immutable and thread-safe: build one per
 * account and share it; {@link #close()} it when done.
 *
 * <p>Infomedia's own API, every documented field typed:
 * <ul>
 *   <li>{@link #generatePin(SubscriptionRequest)}: {@code POST /PINGenerateWithParams}: Infomedia sends the
 *       subscriber a PIN by SMS;</li>
 *   <li>{@link #join(SubscriptionRequest, String)}: {@code POST /SubscriptionJoinWithParams}: checks the PIN
 *       and subscribes; free period, immediate charge and reactivation are told apart by
 *       {@link JoinResult#outcome()};</li>
 *   <li>{@link #unsubscribe(String, Msisdn)}: {@code POST /SubscriptionUnsubscribe}, giving a
 *       {@link CancellationResult};</li>
 *   <li>{@link #notificationParser()}: the webhooks ({@code ?etid=...}).</li>
 * </ul>
 * Every call sends {@code X-Infomedia-Api-Key} and the username and password as {@code u} and {@code p} in
 * the JSON body. Infomedia answers refusals with HTTP 200 and a {@code status} other than {@code Success}:
 * they become the matching {@link io.dcb4j.core.error.DcbApiException} subtype, keeping the raw description
 * as provider message and its code prefix as provider code.
 *
 * <p>The neutral API: {@link Capability#PIN_SUBSCRIPTION} (requestPin = PINGenerateWithParams, confirmPin =
 * SubscriptionJoinWithParams), {@link Capability#CANCEL} (SubscriptionUnsubscribe) and {@link
 * Capability#NOTIFICATIONS}. Infomedia has no status endpoint: subscription status comes only from the
 * webhooks, so {@link #subscriptions()} is empty; it renews subscriptions itself and reports renewals as
 * type 5 (Charge) webhooks, so {@link #renewals()} is empty; and there are no one-off charges, so {@link
 * #charges()} is empty.
 *
 * <pre>{@code
 * try (InfomediaClient client = InfomediaClient.builder()
 *         .apiKey(System.getenv("INFOMEDIA_API_KEY"))
 *         .username(System.getenv("INFOMEDIA_USERNAME"))
 *         .password(System.getenv("INFOMEDIA_PASSWORD"))
 *         .notificationSecret(System.getenv("INFOMEDIA_WEBHOOK_SECRET"))
 *         .build()) {
 *     SubscriptionRequest request = SubscriptionRequest.builder(Msisdn.of("971500000000"), 8000000)
 *             .amount("0.10").frequency("day").language("en").description("Service Name").build();
 *     client.generatePin(request);
 *     JoinResult joined = client.join(request, pinTypedByTheSubscriber);
 * }
 * }</pre>
 */
public final class InfomediaClient extends ProviderClient {

    /** The provider id: {@code infomedia}. */
    public static final String ID = "infomedia";

    /** The documented production base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.infomedia.co.uk/dcb";

    /** Etisalat's mobile country code (UAE). */
    public static final String DEFAULT_MCC = "424";

    /** Etisalat's mobile network code. */
    public static final String DEFAULT_MNC = "02";

    /** The header that carries the API key. */
    public static final String API_KEY_HEADER = "X-Infomedia-Api-Key";

    private final String apiKey;
    private final String username;
    private final String password;
    private final String mcc;
    private final String mnc;
    private final String pinField;
    private final String baseUrl;
    private final InfomediaNotificationParser parser;
    private final NeutralApi neutralApi;

    private InfomediaClient(Builder b, String baseUrl, InfomediaNotificationParser parser, HttpTransport transport) {
        super(ID, transport);
        this.apiKey = b.apiKey;
        this.username = b.username;
        this.password = b.password;
        this.mcc = b.mcc.strip();
        this.mnc = b.mnc.strip();
        this.pinField = b.pinField.strip();
        this.baseUrl = baseUrl;
        this.parser = parser;
        this.neutralApi = InfomediaNeutralApi.create(this);
    }

    /**
     * Starts a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Asks Infomedia to send the subscriber a PIN by SMS ({@code POST /PINGenerateWithParams}). Not retried
     * once the request was sent: a second call would send a second SMS.
     *
     * @param request who subscribes to what, with the params
     * @return Infomedia's answer
     * @throws io.dcb4j.core.error.DcbApiException (a subtype) when Infomedia refuses
     * @throws io.dcb4j.core.error.DcbTransportException when the call did not complete
     */
    public PinResult generatePin(SubscriptionRequest request) {
        Objects.requireNonNull(request, "request");
        List<String> secrets = secrets(null);
        ApiResponse response = post("generatePin", "PINGenerateWithParams",
                InfomediaMapper.subscriptionBody(request, mcc, mnc, username, password, pinField, null), secrets);
        return InfomediaMapper.pin(response.json(InfomediaWire.PinAnswer.class), response.context());
    }

    /**
     * Checks the PIN the subscriber typed and subscribes ({@code POST /SubscriptionJoinWithParams}). Send the
     * same request as for {@link #generatePin}. Not retried once the request was sent.
     *
     * @param request the request given to {@link #generatePin}
     * @param pin the PIN the subscriber typed; never logged
     * @return the subscription: free period, charged at once, or reactivated
     * @throws io.dcb4j.core.error.InvalidPinException when the PIN is wrong or expired
     * @throws io.dcb4j.core.error.ConflictException when the subscriber is already subscribed
     * @throws io.dcb4j.core.error.DcbApiException (another subtype) for other refusals
     * @throws io.dcb4j.core.error.DcbTransportException when the call did not complete
     */
    public JoinResult join(SubscriptionRequest request, String pin) {
        Objects.requireNonNull(request, "request");
        if (pin == null || pin.isBlank()) {
            throw new IllegalArgumentException("pin is required");
        }
        List<String> secrets = secrets(pin.strip());
        ApiResponse response = post("join", "SubscriptionJoinWithParams",
                InfomediaMapper.subscriptionBody(request, mcc, mnc, username, password, pinField, pin.strip()),
                secrets);
        return InfomediaMapper.join(response.json(InfomediaWire.JoinAnswer.class), response.context());
    }

    /**
     * Unsubscribes ({@code POST /SubscriptionUnsubscribe}) on the client's default network.
     *
     * @param sid the service id from {@link JoinResult#sid()} (the product id when that was empty)
     * @param msisdn the subscriber
     * @return Infomedia's answer
     * @throws io.dcb4j.core.error.DcbApiException (a subtype) when Infomedia refuses
     */
    public CancellationResult unsubscribe(String sid, Msisdn msisdn) {
        return unsubscribe(UnsubscribeRequest.of(sid, msisdn));
    }

    /**
     * Unsubscribes ({@code POST /SubscriptionUnsubscribe}).
     *
     * @param request the subscription
     * @return Infomedia's answer
     * @throws io.dcb4j.core.error.DcbApiException (a subtype) when Infomedia refuses
     */
    public CancellationResult unsubscribe(UnsubscribeRequest request) {
        Objects.requireNonNull(request, "request");
        ApiResponse response = transport().execute(request("unsubscribe", "SubscriptionUnsubscribe",
                InfomediaMapper.unsubscribeBody(request, mcc, mnc, username, password), secrets(null))
                .reference("sid", request.sid()).build());
        return InfomediaMapper.cancellation(response.json(InfomediaWire.UnsubscribeAnswer.class),
                response.context());
    }

    /**
     * The webhook parser this client was built with (its shared secret, allowed sources and currency).
     *
     * @return the parser
     */
    public InfomediaNotificationParser notificationParser() {
        return parser;
    }

    /**
     * The values an exception must never repeat: the credentials, and the PIN on a join. The transport masks
     * them, and the other credentials it finds in the request ({@code u}), wherever an answer echoes them.
     */
    private List<String> secrets(String pin) {
        return pin == null ? List.of(apiKey, password) : List.of(apiKey, password, pin);
    }

    private ApiResponse post(String operation, String path, Map<String, Object> body, List<String> secrets) {
        return transport().execute(request(operation, path, body, secrets).build());
    }

    private ApiRequest.Builder request(String operation, String path, Map<String, Object> body, List<String> secrets) {
        return ApiRequest.post(operation, transport().endpoint(path))
                .header(API_KEY_HEADER, apiKey)
                .authenticated(false)
                .jsonBody(body)
                .sensitive(secrets.toArray(String[]::new));
    }

    /**
     * {@link Capability#PIN_SUBSCRIPTION}, {@link Capability#CANCEL} and {@link Capability#NOTIFICATIONS}.
     */
    @Override
    protected NeutralApi neutralApi() {
        return neutralApi;
    }

    /** No credentials. */
    @Override
    public String toString() {
        return "InfomediaClient[baseUrl=" + baseUrl + ", mcc=" + mcc + ", mnc=" + mnc + "]";
    }

    /**
     * Builds an {@link InfomediaClient}. Required: {@link #apiKey}, {@link #username}, {@link #password}.
     * The shared settings ({@code baseUrl}, {@code options}, timeouts, {@code retryPolicy}, {@code
     * extraHeader}, {@code notificationAllowedSources}) are those of {@link ProviderClientBuilder}; {@link
     * #notificationSecret(String)} is the shared secret every webhook must carry in its query, in the parameter
     * {@link #notificationSecretParameter(String)} ({@code secret} by default).
     */
    public static final class Builder extends ProviderClientBuilder<Builder, InfomediaClient> {
        private String apiKey;
        private String username;
        private String password;
        private String mcc = DEFAULT_MCC;
        private String mnc = DEFAULT_MNC;
        private String pinField = InfomediaMapper.DEFAULT_PIN_FIELD;
        private String notificationSecretParameter;
        private Currency currency;

        private Builder() {
            super(ID, DEFAULT_BASE_URL);
        }

        /**
         * The API key, sent as {@code X-Infomedia-Api-Key}. Required.
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * The account's username, sent as {@code u} in every body. Required.
         *
         * @param username the username
         * @return this builder
         */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /**
         * The account's password, sent as {@code p} in every body. Required.
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * The default mobile country code; {@value InfomediaClient#DEFAULT_MCC} (UAE) by default.
         *
         * @param mcc digits
         * @return this builder
         */
        public Builder mcc(String mcc) {
            this.mcc = mcc;
            return this;
        }

        /**
         * The default mobile network code; {@value InfomediaClient#DEFAULT_MNC} (Etisalat) by default.
         *
         * @param mnc digits
         * @return this builder
         */
        public Builder mnc(String mnc) {
            this.mnc = mnc;
            return this;
        }

        /**
         * The name of the join body's field that carries the PIN; {@code pin} by default. Infomedia's
         * document does not show it; the public integrations send a top-level {@code pin}.
         *
         * @param field a JSON field name
         * @return this builder
         */
        public Builder pinField(String field) {
            this.pinField = field;
            return this;
        }

        /**
         * The query parameter of the webhook URL that carries the {@link #notificationSecret(String) shared
         * secret}; {@value InfomediaNotificationParser#DEFAULT_SECRET_PARAMETER} by default. Only with a secret.
         *
         * @param parameter the parameter name; null for the default
         * @return this builder
         * @throws ConfigurationException naming {@code notification-secret-parameter} when blank
         */
        public Builder notificationSecretParameter(String parameter) {
            ConfigChecks.optionalNonBlank(ID, "notification-secret-parameter", parameter);
            this.notificationSecretParameter = parameter;
            return this;
        }

        /**
         * The currency of webhook charges without {@code currencyCode};
         * {@value InfomediaNotificationParser#DEFAULT_CURRENCY} by default.
         *
         * @param currency the currency; null for the default
         * @return this builder
         */
        public Builder currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws ConfigurationException when a required value is missing or a value is malformed; the
         *     message names the key ({@code api-key}, {@code username}, {@code password}, {@code mcc},
         *     {@code mnc}, {@code pin-field}, {@code notification-secret}, {@code options}, {@code base-url})
         */
        @Override
        public InfomediaClient build() {
            required(apiKey, "api-key");
            required(username, "username");
            required(password, "password");
            digits(mcc, "mcc");
            digits(mnc, "mnc");
            if (pinField == null || !pinField.strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ConfigurationException(ID, "pin-field", "must be a JSON field name");
            }
            if (Set.of("mx", "mcc", "mnc", "productId", "u", "p", "params").contains(pinField.strip())) {
                throw new ConfigurationException(ID, "pin-field", "must not be one of the documented body fields");
            }
            InfomediaNotificationParser parser = parser();
            ClientOptions options = clientOptions();
            String url = baseUrl() == null ? DEFAULT_BASE_URL : baseUrl().strip();
            HttpTransport transport = HttpTransport.builder(ID, options).baseUrl("base-url", url)
                    .credentials(apiKey, password).errorMapper(InfomediaErrorMapper.INSTANCE).build();
            return new InfomediaClient(this, url, parser, transport);
        }

        private InfomediaNotificationParser parser() {
            InfomediaNotificationParser.Builder b = InfomediaNotificationParser.builder();
            if (notificationSecret().isPresent()) {
                b.sharedSecret(notificationSecretParameter == null
                        ? InfomediaNotificationParser.DEFAULT_SECRET_PARAMETER
                        : notificationSecretParameter, notificationSecret().get());
            } else if (notificationSecretParameter != null) {
                throw new ConfigurationException(ID, "notification-secret",
                        "is required when notification-secret-parameter is set");
            }
            notificationAllowedSources().ifPresent(b::allowedSources);
            if (currency != null) {
                b.currency(currency);
            }
            return b.build();
        }

        private static void required(String value, String key) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException(ID, key, "is required");
            }
        }

        private static void digits(String value, String key) {
            if (value == null || !value.strip().matches("\\d{1,3}")) {
                throw new ConfigurationException(ID, key, "must be one to three digits");
            }
        }
    }
}
