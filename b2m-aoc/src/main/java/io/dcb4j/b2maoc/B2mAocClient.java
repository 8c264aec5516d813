package io.dcb4j.b2maoc;

import io.dcb4j.b2maoc.internal.B2mAocErrorMapper;
import io.dcb4j.b2maoc.internal.B2mAocMapper;
import io.dcb4j.b2maoc.internal.B2mAocNeutralApi;
import io.dcb4j.b2maoc.model.AocTransactionId;
import io.dcb4j.b2maoc.model.CancellationResult;
import io.dcb4j.b2maoc.model.ChargeStatus;
import io.dcb4j.b2maoc.model.ChargeToken;
import io.dcb4j.b2maoc.model.RenewalResult;
import io.dcb4j.b2maoc.model.SpTransactionId;
import io.dcb4j.b2maoc.model.SubscriptionStatus;
import io.dcb4j.b2maoc.model.TokenRequestMethod;
import io.dcb4j.b2maoc.notification.B2mAocNotificationParser;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.spi.NeutralApi;
import io.dcb4j.core.spi.ProviderClient;
import io.dcb4j.core.spi.ProviderClientBuilder;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.spi.support.ConfigChecks;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * <p>The gateway has two ids: the {@link AocTransactionId} ({@code aocTransID}) names a charge, the
 * {@link SpTransactionId} ({@code spTransID}) names a subscription and changes with every renewal. Each has
 * its own type, so that one cannot be passed for the other.
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
public final class B2mAocClient extends ProviderClient {

    /** The provider id: {@value}. */
    public static final String ID = "b2m-aoc";

    /** The documented base URL: {@value}. */
    public static final String DEFAULT_BASE_URL = "https://rd.b2mwap.com";

    /** The default currency of amounts: Bangladeshi taka. */
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("BDT");

    /** The default zone of {@code expiryDate}: Asia/Dhaka. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Dhaka");

    private final String baseUrl;
    private final TokenRequestMethod tokenRequestMethod;
    private final Currency currency;
    private final ZoneId zone;
    private final B2mAocNotificationParser parser;
    private final B2mAocErrorMapper errors;
    private final NeutralApi neutralApi;

    private B2mAocClient(Builder b, HttpTransport transport, String baseUrl, B2mAocNotificationParser parser,
            B2mAocErrorMapper errors) {
        super(ID, transport);
        this.baseUrl = baseUrl;
        this.tokenRequestMethod = b.tokenRequestMethod;
        this.currency = b.currency;
        this.zone = b.zone;
        this.parser = parser;
        this.errors = errors;
        this.neutralApi = B2mAocNeutralApi.of(this, parser);
    }

    /**
     * Starts a builder with the documented defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NeutralApi neutralApi() {
        return neutralApi;
    }

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
        String wireMsisdn = B2mAocMapper.msisdn(msisdn);
        ApiRequest.Builder rb;
        if (method == TokenRequestMethod.GET) {
            rb = ApiRequest.get("getToken", transport().url("api/getToken")
                    .addPathSegment(HttpTransport.segment("keyword", kw))
                    .addPathSegment(wireMsisdn).build());
        } else {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("keyword", kw);
            body.put("msisdn", wireMsisdn);
            rb = ApiRequest.post("getToken", transport().endpoint("api/getToken"));
            if (method == TokenRequestMethod.POST_FORM) {
                rb.formBody(body);
            } else {
                rb.jsonBody(body);
            }
        }
        return B2mAocMapper.chargeToken(call(rb.retrySafe(false).build()), kw, msisdn, this::consentUrl);
    }

    /**
     * The Robi billing (consent) page of a transaction: {@code <base>/api/redirect/<aocTransID>}.
     *
     * @param aocTransId the transaction
     * @return the URL to send the subscriber's browser to
     * @throws IllegalArgumentException when the id is not one URL path segment
     */
    public String consentUrl(AocTransactionId aocTransId) {
        return transport().url("api/redirect").addPathSegment(segment(aocTransId)).build().toString();
    }

    /**
     * Reads the {@code aocTransID} from the URL the subscriber's browser came back to (the service's
     * redirect URL with {@code ?aocTransID=...}).
     *
     * @param returnUrl the URL, or a path with query
     * @return the id, when present
     */
    public static Optional<AocTransactionId> aocTransIdFromReturnUrl(String returnUrl) {
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
    public ChargeStatus chargeStatus(AocTransactionId aocTransId) {
        String id = segment(aocTransId);
        B2mAocMapper.Envelope env = B2mAocMapper.read(transport().execute(ApiRequest.get("chargeStatus",
                transport().url("api/chargeStatus").addPathSegment(id).build()).build()));
        return B2mAocMapper.chargeStatus(env, aocTransId, currency, errors);
    }

    /**
     * Cancels a subscription: {@code cancelSubscription}.
     *
     * @param spTransId the subscription's current {@code spTransID}
     * @param msisdn the subscriber
     * @return the confirmation
     * @throws io.dcb4j.core.error.DcbException on failure
     */
    public CancellationResult cancelSubscription(SpTransactionId spTransId, Msisdn msisdn) {
        String id = segment(spTransId);
        Objects.requireNonNull(msisdn, "msisdn");
        B2mAocMapper.Envelope env = call(ApiRequest.get("cancelSubscription", transport()
                .url("api/cancelSubscription").addPathSegment(id).addPathSegment(B2mAocMapper.msisdn(msisdn))
                .build()).retrySafe(false).reference("spTransID", id).build());
        return B2mAocMapper.cancellation(env, spTransId, msisdn);
    }

    /**
     * A subscription's status: {@code subscriptionStatus}.
     *
     * @param spTransId the subscription's current {@code spTransID}
     * @param msisdn the subscriber
     * @return the status
     * @throws io.dcb4j.core.error.DcbException on failure
     */
    public SubscriptionStatus subscriptionStatus(SpTransactionId spTransId, Msisdn msisdn) {
        String id = segment(spTransId);
        Objects.requireNonNull(msisdn, "msisdn");
        B2mAocMapper.Envelope env = call(ApiRequest.get("subscriptionStatus", transport()
                .url("api/subscriptionStatus").addPathSegment(id).addPathSegment(B2mAocMapper.msisdn(msisdn))
                .build()).build());
        return B2mAocMapper.subscriptionStatus(env, spTransId);
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
    public RenewalResult renewSubscription(SpTransactionId spTransId, Msisdn msisdn) {
        String id = segment(spTransId);
        Objects.requireNonNull(msisdn, "msisdn");
        B2mAocMapper.Envelope env = call(ApiRequest.get("renewSubscription", transport()
                .url("api/renewSubscription").addPathSegment(id).addPathSegment(B2mAocMapper.msisdn(msisdn))
                .build()).retrySafe(false).reference("spTransID", id).build());
        return B2mAocMapper.renewal(env, spTransId, msisdn, currency);
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

    /** The base URL and settings; no secrets. */
    @Override
    public String toString() {
        return "B2mAocClient[" + baseUrl + ", getToken=" + tokenRequestMethod + ", currency=" + currency + "]";
    }

    private B2mAocMapper.Envelope call(ApiRequest request) {
        B2mAocMapper.Envelope env = B2mAocMapper.read(transport().execute(request));
        if (env.failed()) {
            throw errors.map(env);
        }
        return env;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    /** An id that goes into the URL path: one segment, never a dot segment. */
    private static String segment(AocTransactionId id) {
        return HttpTransport.segment("aocTransId", Objects.requireNonNull(id, "aocTransId").value());
    }

    /** An id that goes into the URL path: one segment, never a dot segment. */
    private static String segment(SpTransactionId id) {
        return HttpTransport.segment("spTransId", Objects.requireNonNull(id, "spTransId").value());
    }

    /**
     * Builds a {@link B2mAocClient}. The shared settings (base URL, options, timeouts, retry policy, extra
     * headers, callback secret and allowed sources) are those of {@link ProviderClientBuilder}; the
     * {@linkplain #notificationSecret(String) notification secret} is a shared secret the subscription
     * callback carries as a query parameter of its URL (the gateway does not sign callbacks). Not thread-safe.
     */
    public static final class Builder extends ProviderClientBuilder<Builder, B2mAocClient> {
        private TokenRequestMethod tokenRequestMethod = TokenRequestMethod.GET;
        private Currency currency = DEFAULT_CURRENCY;
        private ZoneId zone = DEFAULT_ZONE;
        private String notificationSecretParameter = B2mAocNotificationParser.DEFAULT_SECRET_PARAMETER;
        private boolean notificationSecretParameterSet;

        private Builder() {
            super(ID, DEFAULT_BASE_URL);
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
         * The shared secret the subscription callback must carry as the query parameter {@link
         * #notificationSecretParameter(String)} of its URL. A value of nothing but spaces and commas (as an
         * empty environment variable or list gives) is blank too.
         *
         * @param secret the secret; never logged
         * @return this builder
         * @throws ConfigurationException naming {@code notification-secret} when blank
         */
        @Override
        public Builder notificationSecret(String secret) {
            return super.notificationSecret(secret);
        }

        /**
         * The query parameter holding the shared secret; {@value B2mAocNotificationParser#DEFAULT_SECRET_PARAMETER}
         * by default. Setting it requires {@link #notificationSecret(String)}.
         *
         * @param parameter the parameter name
         * @return this builder
         * @throws ConfigurationException naming {@code notification-secret-parameter} when blank
         */
        public Builder notificationSecretParameter(String parameter) {
            if (parameter == null || ConfigChecks.isBlank(parameter)) {
                throw new ConfigurationException(ID, "notification-secret-parameter", "must not be blank");
            }
            this.notificationSecretParameter = parameter.strip();
            this.notificationSecretParameterSet = true;
            return this;
        }

        @Override
        public B2mAocClient build() {
            if (tokenRequestMethod == null) {
                throw new ConfigurationException(ID, "get-token-method", "is required");
            }
            if (currency == null) {
                throw new ConfigurationException(ID, "currency", "is required");
            }
            if (zone == null) {
                throw new ConfigurationException(ID, "zone", "is required");
            }
            String secret = notificationSecret().orElse(null);
            if (notificationSecretParameterSet && secret == null) {
                throw new ConfigurationException(ID, "notification-secret",
                        "is required when notification-secret-parameter is set");
            }
            ClientOptions options = clientOptions();
            String url = HttpTransport.parseBaseUrl(ID, "base-url", baseUrl(), options).toString();
            B2mAocNotificationParser parser = B2mAocNotificationParser.builder().secret(secret)
                    .secretParameter(notificationSecretParameter)
                    .allowedSources(notificationAllowedSources().orElse(null)).build();
            B2mAocErrorMapper errors = new B2mAocErrorMapper();
            HttpTransport transport = HttpTransport.builder(ID, options).baseUrl("base-url", baseUrl())
                    .credentials(secret).errorMapper(errors).build();
            return new B2mAocClient(this, transport, url.endsWith("/") ? url.substring(0, url.length() - 1) : url,
                    parser, errors);
        }
    }
}
