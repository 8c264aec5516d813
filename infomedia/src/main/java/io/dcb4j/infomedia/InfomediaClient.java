package io.dcb4j.infomedia;

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
import io.dcb4j.infomedia.internal.Answers;
import io.dcb4j.infomedia.internal.InfomediaErrors;
import io.dcb4j.infomedia.internal.WireBodies;
import io.dcb4j.infomedia.internal.WireDtos;
import io.dcb4j.infomedia.model.JoinOutcome;
import io.dcb4j.infomedia.model.JoinResult;
import io.dcb4j.infomedia.model.PinResult;
import io.dcb4j.infomedia.model.SubscriptionRequest;
import io.dcb4j.infomedia.model.UnsubscribeRequest;
import io.dcb4j.infomedia.model.UnsubscribeResult;
import io.dcb4j.infomedia.notification.InfomediaNotificationParser;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 *   <li>{@link #unsubscribe(String, Msisdn)}: {@code POST /SubscriptionUnsubscribe};</li>
 *   <li>{@link #notificationParser()}: the webhooks ({@code ?etid=...}).</li>
 * </ul>
 * Every call sends {@code X-Infomedia-Api-Key} and the username and password as {@code u} and {@code p} in
 * the JSON body. Infomedia answers refusals with HTTP 200 and a {@code status} other than {@code Success}:
 * they become the matching {@link io.dcb4j.core.error.DcbApiException} subtype, keeping the raw description
 * as provider message and its code prefix as provider code.
 *
 * <p>The neutral API: {@link Capability#PIN_SUBSCRIPTION} (requestPin = PINGenerateWithParams, confirmPin =
 * SubscriptionJoinWithParams), {@link Capability#CANCEL} and {@link Capability#NOTIFICATIONS}. Infomedia has
 * no status endpoint: subscription status comes only from the webhooks, so {@link Subscriptions#status}
 * and {@link Subscriptions#renew} throw {@link UnsupportedOperationException}, and there are no one-off
 * charges.
 *
 * <pre>{@code
 * try (InfomediaClient client = InfomediaClient.builder()
 *         .apiKey(System.getenv("INFOMEDIA_API_KEY"))
 *         .username(System.getenv("INFOMEDIA_USERNAME"))
 *         .password(System.getenv("INFOMEDIA_PASSWORD"))
 *         .build()) {
 *     SubscriptionRequest request = SubscriptionRequest.builder(Msisdn.of("971500000000"), 8000000)
 *             .amount("0.10").frequency("day").language("en").description("Service Name").build();
 *     client.generatePin(request);
 *     JoinResult joined = client.join(request, pinTypedByTheSubscriber);
 * }
 * }</pre>
 */
public final class InfomediaClient implements BillingProvider {

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

    private static final Set<Capability> CAPABILITIES = Set.copyOf(
            EnumSet.of(Capability.PIN_SUBSCRIPTION, Capability.CANCEL, Capability.NOTIFICATIONS));

    private final String apiKey;
    private final String username;
    private final String password;
    private final String mcc;
    private final String mnc;
    private final String pinField;
    private final String baseUrl;
    private final HttpTransport transport;
    private final InfomediaNotificationParser parser;
    private final PinSubscriptions pinSubscriptions = new NeutralPins();
    private final Subscriptions subscriptions = new NeutralSubscriptions();

    private InfomediaClient(Builder b) {
        this.apiKey = required(b.apiKey, "api-key");
        this.username = required(b.username, "username");
        this.password = required(b.password, "password");
        this.mcc = digits(b.mcc, "mcc");
        this.mnc = digits(b.mnc, "mnc");
        if (b.pinField == null || !b.pinField.strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ConfigurationException(ID, "pin-field", "must be a JSON field name");
        }
        this.pinField = b.pinField.strip();
        if (Set.of("mx", "mcc", "mnc", "productId", "u", "p", "params").contains(pinField)) {
            throw new ConfigurationException(ID, "pin-field", "must not be one of the documented body fields");
        }
        ClientOptions options = b.options == null ? ClientOptions.defaults() : b.options;
        this.baseUrl = b.baseUrl == null ? DEFAULT_BASE_URL : b.baseUrl.strip();
        this.transport = HttpTransport.builder(ID, options).baseUrl("base-url", baseUrl)
                .credentials(apiKey, password).errorMapper(InfomediaErrors.INSTANCE).build();
        this.parser = b.parser == null ? InfomediaNotificationParser.create() : b.parser;
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(ID, key, "is required");
        }
        return value;
    }

    private static String digits(String value, String key) {
        if (value == null || !value.strip().matches("\\d{1,3}")) {
            throw new ConfigurationException(ID, key, "must be one to three digits");
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
                WireBodies.subscription(request, mcc, mnc, username, password, pinField, null), secrets);
        return Answers.pin(response.json(WireDtos.PinAnswer.class), response.context());
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
                WireBodies.subscription(request, mcc, mnc, username, password, pinField, pin.strip()), secrets);
        return Answers.join(response.json(WireDtos.JoinAnswer.class), response.context());
    }

    /**
     * Unsubscribes ({@code POST /SubscriptionUnsubscribe}) on the client's default network.
     *
     * @param sid the service id from {@link JoinResult#sid()} (the product id when that was empty)
     * @param msisdn the subscriber
     * @return Infomedia's answer
     * @throws io.dcb4j.core.error.DcbApiException (a subtype) when Infomedia refuses
     */
    public UnsubscribeResult unsubscribe(String sid, Msisdn msisdn) {
        return unsubscribe(UnsubscribeRequest.of(sid, msisdn));
    }

    /**
     * Unsubscribes ({@code POST /SubscriptionUnsubscribe}).
     *
     * @param request the subscription
     * @return Infomedia's answer
     * @throws io.dcb4j.core.error.DcbApiException (a subtype) when Infomedia refuses
     */
    public UnsubscribeResult unsubscribe(UnsubscribeRequest request) {
        Objects.requireNonNull(request, "request");
        ApiResponse response = transport.execute(request("unsubscribe", "SubscriptionUnsubscribe",
                WireBodies.unsubscribe(request, mcc, mnc, username, password), secrets(null))
                .reference("sid", request.sid()).build());
        return Answers.unsubscribe(response.json(WireDtos.UnsubscribeAnswer.class), response.context());
    }

    /**
     * The webhook parser this client was built with.
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
        return transport.execute(request(operation, path, body, secrets).build());
    }

    private ApiRequest.Builder request(String operation, String path, Map<String, Object> body, List<String> secrets) {
        return ApiRequest.post(operation, transport.url(path).build())
                .header(API_KEY_HEADER, apiKey)
                .authenticated(false)
                .jsonBody(body)
                .sensitive(secrets.toArray(String[]::new));
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * {@link Capability#PIN_SUBSCRIPTION}, {@link Capability#CANCEL} and {@link Capability#NOTIFICATIONS}.
     * Not {@link Capability#SUBSCRIPTION_STATUS}: Infomedia has no status endpoint; status comes from the
     * webhooks.
     *
     * @return the capabilities
     */
    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Optional<PinSubscriptions> pinSubscriptions() {
        return Optional.of(pinSubscriptions);
    }

    /**
     * Always empty: Infomedia offers no one-off charges.
     *
     * @return empty
     */
    @Override
    public Optional<Charges> charges() {
        return Optional.empty();
    }

    /**
     * Cancel only: {@code status} and {@code renew} throw {@link UnsupportedOperationException}.
     *
     * @return the API
     */
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
        return "InfomediaClient[baseUrl=" + baseUrl + ", mcc=" + mcc + ", mnc=" + mnc + "]";
    }

    /**
     * The typed request for a neutral one: the offer is the numeric product id; price, frequency, language
     * and description become the typed params; the neutral params {@code mcc} and {@code mnc} set the
     * network, the others are sent as extra params. The neutral {@code clientReference} and {@code returnUrl}
     * have no Infomedia field and are not sent.
     */
    static SubscriptionRequest toTyped(SubscribeRequest r) {
        long productId;
        try {
            productId = Long.parseLong(r.offer().value().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the offer must be Infomedia's numeric product id");
        }
        SubscriptionRequest.Builder b = SubscriptionRequest.builder(r.msisdn(), productId)
                .frequency(r.frequency()).language(r.language()).description(r.description());
        if (r.price() != null) {
            b.amount(r.price().amount());
        }
        r.params().forEach((k, v) -> {
            if (k.equals("mcc")) {
                b.mcc(v);
            } else if (k.equals("mnc")) {
                b.mnc(v);
            } else {
                b.param(k, v);
            }
        });
        return b.build();
    }

    private final class NeutralPins implements PinSubscriptions {

        @Override
        public PinChallenge requestPin(SubscribeRequest request) {
            Objects.requireNonNull(request, "request");
            PinResult pin = generatePin(toTyped(request));
            Map<String, String> details = new LinkedHashMap<>();
            details.put("status", pin.status());
            details.put("code", pin.description().code());
            details.put("description", pin.description().raw());
            details.put("pinId", pin.pinId());
            return new PinChallenge(ID, pin.pinId(), request, null, new NextAction.EnterPin(null), details);
        }

        @Override
        public SubscriptionResult confirmPin(PinChallenge challenge, String pin) {
            Objects.requireNonNull(challenge, "challenge");
            if (!ID.equals(challenge.provider())) {
                throw new IllegalArgumentException("the challenge comes from provider " + challenge.provider());
            }
            SubscriptionRequest typed = toTyped(challenge.request());
            JoinResult r = join(typed, pin);
            SubscriptionState state;
            if (Boolean.TRUE.equals(r.suspended())) {
                state = SubscriptionState.SUSPENDED;
            } else if (Boolean.FALSE.equals(r.subscribed())) {
                state = SubscriptionState.PENDING;
            } else {
                state = SubscriptionState.ACTIVE;
            }
            String sid = r.sid() != null ? r.sid() : Long.toString(typed.productId());
            SubscriptionRef ref = new SubscriptionRef(sid, typed.msisdn(), challenge.request().offer());
            Map<String, String> details = new LinkedHashMap<>();
            details.put("status", r.status());
            details.put("code", r.description().code());
            details.put("description", r.description().raw());
            details.put("outcome", r.outcome().name());
            details.put("sid", r.sid());
            details.put("txid", r.txid());
            details.put("mcc", r.mcc());
            details.put("mnc", r.mnc());
            details.put("subscribed", r.subscribed() == null ? null : r.subscribed().toString());
            details.put("suspended", r.suspended() == null ? null : r.suspended().toString());
            if (r.confirmation() != null) {
                details.put("conf.status", r.confirmation().status());
                details.put("conf.description", r.confirmation().description().raw());
                details.put("conf.portedMcc", r.confirmation().portedMcc());
                details.put("conf.portedMnc", r.confirmation().portedMnc());
            }
            return new SubscriptionResult(ref, state, r.description().raw(),
                    r.outcome() == JoinOutcome.CHARGED ? challenge.request().price() : null, r.reactivated(),
                    details);
        }
    }

    private final class NeutralSubscriptions implements Subscriptions {

        /**
         * Not offered: Infomedia has no status endpoint; status comes from the webhooks.
         *
         * @throws UnsupportedOperationException always
         */
        @Override
        public SubscriptionInfo status(SubscriptionRef subscription) {
            throw new UnsupportedOperationException(
                    "infomedia has no subscription status endpoint: status comes from the webhooks (etid 1, 2, 3, 24, 25)");
        }

        @Override
        public CancelResult cancel(SubscriptionRef subscription) {
            Objects.requireNonNull(subscription, "subscription");
            Msisdn msisdn = subscription.msisdnIfKnown().orElseThrow(() -> new IllegalArgumentException(
                    "cancelling an infomedia subscription needs the subscriber's MSISDN"));
            String sid = subscription.idIfKnown().orElseGet(() -> subscription.offerIfKnown().map(OfferId::value)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "cancelling an infomedia subscription needs its sid or the product id")));
            UnsubscribeResult r = unsubscribe(sid, msisdn);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("status", r.status());
            details.put("code", r.description().code());
            details.put("description", r.description().raw());
            details.put("sid", r.sid());
            details.put("mcc", r.mcc());
            details.put("mnc", r.mnc());
            SubscriptionRef ref = subscription.id() == null ? subscription.withId(sid) : subscription;
            return new CancelResult(ref, SubscriptionState.CANCELLED, r.description().raw(), details);
        }

        /**
         * Not offered: Infomedia renews subscriptions itself and reports them as type 5 (Charge) webhooks.
         *
         * @throws UnsupportedOperationException always
         */
        @Override
        public RenewResult renew(SubscriptionRef subscription) {
            throw new UnsupportedOperationException(
                    "infomedia renews subscriptions itself and reports renewals as type 5 (Charge) webhooks");
        }
    }

    /** Builds an {@link InfomediaClient}. Required: {@link #apiKey}, {@link #username}, {@link #password}. */
    public static final class Builder {
        private String apiKey;
        private String username;
        private String password;
        private String baseUrl;
        private String mcc = DEFAULT_MCC;
        private String mnc = DEFAULT_MNC;
        private String pinField = WireBodies.DEFAULT_PIN_FIELD;
        private ClientOptions options;
        private InfomediaNotificationParser parser;

        private Builder() {
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
         * The API base URL; {@value InfomediaClient#DEFAULT_BASE_URL} by default.
         *
         * @param baseUrl an absolute https URL (http only with {@link ClientOptions.Builder#allowInsecureHttp})
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
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
         * Transport options: timeouts, retries, http opt-in, OkHttp client.
         *
         * @param options the options; {@link ClientOptions#defaults()} when not set
         * @return this builder
         */
        public Builder options(ClientOptions options) {
            this.options = options;
            return this;
        }

        /**
         * The webhook parser (shared secret, sender addresses, default currency).
         *
         * @param parser the parser; {@link InfomediaNotificationParser#create()} when not set
         * @return this builder
         */
        public Builder notificationParser(InfomediaNotificationParser parser) {
            this.parser = parser;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws ConfigurationException when a required value is missing or a value is malformed; the
         *     message names the key ({@code api-key}, {@code username}, {@code password}, {@code base-url},
         *     {@code mcc}, {@code mnc}, {@code pin-field})
         */
        public InfomediaClient build() {
            return new InfomediaClient(this);
        }
    }
}
