package io.dcb4j.centili;

import io.dcb4j.centili.internal.CentiliErrorMapper;
import io.dcb4j.centili.internal.CentiliMapper;
import io.dcb4j.centili.internal.CentiliNeutralApi;
import io.dcb4j.centili.internal.CentiliTokenSource;
import io.dcb4j.centili.internal.CentiliWire;
import io.dcb4j.centili.model.CancellationResult;
import io.dcb4j.centili.model.StartTransactionRequest;
import io.dcb4j.centili.model.Transaction;
import io.dcb4j.centili.model.TransactionStart;
import io.dcb4j.centili.model.TransactionUpdate;
import io.dcb4j.centili.notification.CentiliNotificationParser;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.spi.NeutralApi;
import io.dcb4j.core.spi.ProviderClient;
import io.dcb4j.core.spi.ProviderClientBuilder;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.spi.support.ConfigChecks;
import io.dcb4j.core.token.CachingTokenProvider;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * The Centili client: OAuth2 password grant with refresh, transactions started with an
 * {@code Idempotency-Key}, PIN submission, release and query; the neutral {@link io.dcb4j.core.BillingProvider}
 * API is derived from them ({@link #capabilities()}: PIN subscriptions, one-off charges and their status,
 * subscription status, cancel, notifications). Immutable and thread-safe; build one per Centili account and
 * share it.
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
public final class CentiliClient extends ProviderClient {

    /** The provider id. */
    public static final String ID = "centili";
    /** The token endpoint used when none is configured. */
    public static final String DEFAULT_TOKEN_URL =
            "https://auth-capi.centili.com/realms/api/protocol/openid-connect/token";
    /** The API base URL used when none is configured. */
    public static final String DEFAULT_BASE_URL = "https://capi.centili.com/payments/v3";
    /** The idempotency header. */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final int MAX_KEY_LENGTH = 255;

    private final ZoneId zone;
    private final Supplier<String> keys;
    private final CentiliNotificationParser notificationParser;
    private final String baseUrlText;
    private final NeutralApi neutralApi;

    private CentiliClient(Builder b, HttpTransport transport, CentiliNotificationParser notificationParser) {
        super(ID, transport);
        this.baseUrlText = transport().url("").build().toString();
        this.zone = b.zone;
        this.keys = b.idempotencyKeys;
        this.notificationParser = notificationParser;
        this.neutralApi = CentiliNeutralApi.create(this, b.defaultServiceKey, notificationParser);
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
        ApiResponse r = transport().execute(ApiRequest.post(CentiliErrorMapper.START,
                        transport().endpoint("transactions/init")).jsonBody(CentiliMapper.startBody(request))
                .idempotencyKey(IDEMPOTENCY_HEADER, key).reference("idempotencyKey", key).build());
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
        ApiResponse r = transport().execute(ApiRequest.post(CentiliErrorMapper.SUBMIT_PIN, transport().url("transactions")
                .addPathSegment(id).addPathSegment("pin").build()).jsonBody(new CentiliWire.PinBody(pin.strip())).sensitive(pin.strip())
                .idempotencyKey(IDEMPOTENCY_HEADER, key).reference("transactionId", id).build());
        return CentiliMapper.update(r.json(CentiliWire.UpdateAnswer.class), id, key);
    }

    /**
     * Releases a transaction: {@code POST /transactions/{id}/release}, with a new idempotency key.
     *
     * @param transactionId the transaction
     * @return Centili's acknowledgement ("Transaction released"), with the idempotency key used
     * @throws io.dcb4j.core.error.InvalidRequestException when it can not be released (400)
     * @throws io.dcb4j.core.error.NotFoundException when the transaction is unknown (404)
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public CancellationResult releaseTransaction(String transactionId) {
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
    public CancellationResult releaseTransaction(String transactionId, String idempotencyKey) {
        String id = requireId(transactionId);
        String key = key(idempotencyKey);
        ApiResponse r = transport().execute(ApiRequest.post(CentiliErrorMapper.RELEASE, transport().url("transactions")
                .addPathSegment(id).addPathSegment("release").build()).emptyBody()
                .idempotencyKey(IDEMPOTENCY_HEADER, key).reference("transactionId", id).build());
        return CentiliMapper.cancellation(r.json(CentiliWire.UpdateAnswer.class), id, key);
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
        ApiResponse r = transport().execute(ApiRequest.get(CentiliErrorMapper.GET, transport().url("transactions")
                .addPathSegment(id).build()).idempotencyKey(IDEMPOTENCY_HEADER, key(null)).build());
        return CentiliMapper.transaction(r.json(CentiliWire.TransactionDto.class), id, zone, r.context());
    }

    /**
     * The notification parser this client was built with (its secret, parameter and allow-list come from the
     * builder); also the neutral {@link #notifications()}.
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

    @Override
    protected NeutralApi neutralApi() {
        return neutralApi;
    }

    /** The base URL only: never credentials. */
    @Override
    public String toString() {
        return "CentiliClient[" + baseUrlText + "]";
    }

    /**
     * Builds a {@link CentiliClient}. The shared settings ({@code baseUrl}, under which {@code transactions/...}
     * lives, {@value CentiliClient#DEFAULT_BASE_URL} by default; {@code options}, timeouts, retry policy, extra
     * headers) are those of {@link ProviderClientBuilder}. The callback settings configure {@link
     * #notificationParser()}: {@link #notificationSecret(String)} is the shared secret Centili's notification
     * URL must carry in the query parameter {@link #notificationSecretParameter(String)}, and {@link
     * #notificationAllowedSources(String...)} limits the source addresses; without them the parser checks
     * neither.
     */
    public static final class Builder extends ProviderClientBuilder<Builder, CentiliClient> {
        private String clientId;
        private String clientSecret;
        private String username;
        private String password;
        private String tokenUrl = DEFAULT_TOKEN_URL;
        private ZoneId zone = ZoneOffset.UTC;
        private Supplier<String> idempotencyKeys = () -> UUID.randomUUID().toString();
        private String defaultServiceKey;
        private String notificationSecretParameter;

        private Builder() {
            super(ID, DEFAULT_BASE_URL);
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
         * The query parameter of the notification URL that carries the {@link #notificationSecret(String)};
         * {@value CentiliNotificationParser#DEFAULT_SECRET_PARAMETER} by default. Needs the secret.
         *
         * @param parameter the parameter name
         * @return this builder
         * @throws ConfigurationException naming {@code notification-secret-parameter} when null or blank
         */
        public Builder notificationSecretParameter(String parameter) {
            if (parameter == null) {
                throw new ConfigurationException(ID, "notification-secret-parameter", "is required");
            }
            this.notificationSecretParameter =
                    ConfigChecks.optionalNonBlank(ID, "notification-secret-parameter", parameter);
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client; close it when done
         * @throws ConfigurationException when a required value is missing, a URL is invalid, or a secret
         *     parameter is set without the secret
         */
        @Override
        public CentiliClient build() {
            String id = require(clientId, "client-id");
            String user = require(username, "username");
            String pass = require(password, "password");
            if (notificationSecretParameter != null && notificationSecret().isEmpty()) {
                throw new ConfigurationException(ID, "notification-secret",
                        "is required when notification-secret-parameter is set");
            }
            CentiliNotificationParser.Builder parser = CentiliNotificationParser.builder();
            notificationSecret().ifPresent(parser::sharedSecret);
            if (notificationSecretParameter != null) {
                parser.secretParameter(notificationSecretParameter);
            }
            notificationAllowedSources().ifPresent(parser::allowList);
            ClientOptions options = clientOptions();
            HttpUrl tokenEndpoint = HttpTransport.parseBaseUrl(ID, "token-url", tokenUrl, options);
            String secret = clientSecret == null || clientSecret.isEmpty() ? null : clientSecret;
            HttpTransport transport = HttpTransport.builder(ID, options).baseUrl("base-url", baseUrl())
                    .tokens(t -> CachingTokenProvider.builder(
                                    CachingTokenProvider.cacheKey(ID, tokenEndpoint.toString(), id, user),
                                    new CentiliTokenSource(t, tokenEndpoint, id, secret, user, pass,
                                            options.clock()))
                            .options(options).build())
                    .credentials(secret, pass).errorMapper(new CentiliErrorMapper()).build();
            return new CentiliClient(this, transport, parser.build());
        }

        private static String require(String value, String key) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException(ID, key, "is required");
            }
            return value;
        }
    }
}
