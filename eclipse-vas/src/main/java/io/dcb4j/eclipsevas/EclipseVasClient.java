package io.dcb4j.eclipsevas;

import io.dcb4j.core.Capability;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.spi.NeutralApi;
import io.dcb4j.core.spi.ProviderClient;
import io.dcb4j.core.spi.ProviderClientBuilder;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.token.CachingTokenProvider;
import io.dcb4j.eclipsevas.internal.EclipseVasErrorMapper;
import io.dcb4j.eclipsevas.internal.EclipseVasMapper;
import io.dcb4j.eclipsevas.internal.EclipseVasNeutralApi;
import io.dcb4j.eclipsevas.internal.EclipseVasTokenSource;
import io.dcb4j.eclipsevas.model.Catalog;
import io.dcb4j.eclipsevas.model.CatalogProduct;
import io.dcb4j.eclipsevas.model.CatalogQuery;
import io.dcb4j.eclipsevas.model.KraTaxBill;
import io.dcb4j.eclipsevas.model.NetworkLookup;
import io.dcb4j.eclipsevas.model.NwscBill;
import io.dcb4j.eclipsevas.model.Payment;
import io.dcb4j.eclipsevas.model.PaymentCompletion;
import io.dcb4j.eclipsevas.model.PaymentRequest;
import io.dcb4j.eclipsevas.model.PaymentUpdate;
import io.dcb4j.eclipsevas.model.UmemeAccount;
import io.dcb4j.eclipsevas.model.UraTaxBill;
import io.dcb4j.eclipsevas.notification.EclipseVasNotificationParser;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * The Eclipse (Ukheshe) VAS client: the provider's typed API (network look-up, catalogue and catalogue
 * queries, bill look-ups, payments), and through {@link io.dcb4j.core.BillingProvider} the neutral API.
 * Immutable and thread-safe; build one per tenant account with {@link #builder()} and share it.
 *
 * <pre>{@code
 * try (EclipseVasClient eclipse = EclipseVasClient.builder()
 *         .baseUrl("https://eclipse.example.com")
 *         .tenantId(242)
 *         .credentials(identity, password)
 *         .build()) {
 *     List<CatalogProduct> products = eclipse.productsForNetworkOf(Msisdn.of("27821234567"));
 *     Payment payment = eclipse.initiatePayment(customerId, PaymentRequest.builder(PaymentData.of(5, "VD50"))
 *             .additionalField("msisdn", "27821234567").currency("ZAR").walletId(wallet).build());
 *     eclipse.completePayment(payment.paymentId(), PaymentUpdate.builder()
 *             .amount(new BigDecimal("155")).walletId(wallet).build());
 * }
 * }</pre>
 *
 * <p>Authentication: the client logs in with identity and password, caches the returned JWT in the core token
 * cache until shortly before it expires, and logs in again once when a call answers 401.
 *
 * <p>Neutral API: {@link Capability#ONE_OFF_CHARGE} and {@link Capability#CHARGE_STATUS} through {@link
 * #charges()}, {@link Capability#NOTIFICATIONS} through {@link #notifications()} (the same parser as {@link
 * #notificationParser()}). The catalogue is this class's typed API only. {@link #charges()} initiates and
 * completes a payment (the result stays PROCESSING until the callback or a status query) and reads it back;
 * the {@link ChargeRequest} mapping: {@code offer} is the payment data ({@code 5_VD50}; or param {@value
 * #PARAM_PAYMENT_DATA}); param {@value #PARAM_CUSTOMER_ID} (or the builder's default customer) is the payer;
 * param {@value #PARAM_WALLET_ID} (or the default wallet) the wallet; {@code amount} goes on both calls;
 * {@code msisdn} becomes the {@code msisdn} additional field; params {@code field.<id>} become additional
 * fields; {@code returnUrl} is the landing URL; param {@value #PARAM_CALLBACK_URL} (or the default) the
 * callback URL; {@code clientReference}, else {@code idempotencyKey}, else a random UUID is the {@code
 * externalUniqueId}.
 */
public final class EclipseVasClient extends ProviderClient {

    /** The provider id. */
    public static final String ID = "eclipse-vas";

    /** The default login path below the base URL. */
    public static final String DEFAULT_LOGIN_PATH = "/eclipse-conductor/rest/v1/authentication/login";

    /** The {@link ChargeRequest#params()} key of the Eclipse customer id. */
    public static final String PARAM_CUSTOMER_ID = "customerId";
    /** The {@link ChargeRequest#params()} key of the wallet paid from. */
    public static final String PARAM_WALLET_ID = "walletId";
    /** The {@link ChargeRequest#params()} key of the callback URL. */
    public static final String PARAM_CALLBACK_URL = "callbackUrl";
    /** The {@link ChargeRequest#params()} key of the payment data, when no offer is given. */
    public static final String PARAM_PAYMENT_DATA = "paymentData";
    /** The {@link ChargeRequest#params()} key of the buyer's phone number. */
    public static final String PARAM_PHONE = "phone";
    /** The {@link ChargeRequest#params()} key of the custom fraud checks flag ({@code true}/{@code false}). */
    public static final String PARAM_CUSTOM_FRAUD_CHECKS = "customFraudChecks";
    /** The prefix of {@link ChargeRequest#params()} keys sent as additional fields: {@code field.accountNumber}. */
    public static final String PARAM_FIELD_PREFIX = "field.";

    private static final String API = "eclipse-conductor/rest/v1/tenants/";

    private final long tenantId;
    private final EclipseVasNotificationParser parser;
    private final NeutralApi neutralApi;

    private EclipseVasClient(Builder b, HttpTransport transport, EclipseVasNotificationParser parser) {
        super(ID, transport);
        this.tenantId = b.tenantId;
        this.parser = parser;
        this.neutralApi = EclipseVasNeutralApi.create(this, b.defaultCustomerId, b.defaultWalletId,
                b.defaultCallbackUrl, b.externalIds, parser);
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
     * The tenant this client works for.
     *
     * @return the tenant id
     */
    public long tenantId() {
        return tenantId;
    }

    private HttpUrl.Builder tenantUrl() {
        return transport().url(API + tenantId);
    }

    /**
     * Finds the catalogue partner (network) of a mobile number: {@code GET .../tenants/{tenantId}/vas/{msisdn}}.
     * Only needed for airtime and data, whose catalogue the channel filters by network.
     *
     * @param msisdn the number
     * @return the partner; {@link NetworkLookup#partnerId()} is null when the answer named none
     * @throws io.dcb4j.core.error.DcbException on failure
     */
    public NetworkLookup networkFor(Msisdn msisdn) {
        Objects.requireNonNull(msisdn, "msisdn");
        HttpUrl url = tenantUrl().addPathSegment("vas").addPathSegment(msisdn.digits()).build();
        ApiResponse response = transport().execute(ApiRequest.get("networkFor", url).build());
        return EclipseVasMapper.networkLookup(msisdn, response.jsonTree());
    }

    /**
     * The whole VAS catalogue: {@code GET .../tenants/{tenantId}/vas/catalogs}.
     *
     * @return the catalogue
     * @throws io.dcb4j.core.error.DcbException on failure
     */
    public Catalog catalogs() {
        return catalogs(null, "catalogs");
    }

    /**
     * The catalogue for a query: {@code GET .../vas/catalogs?catalogQuery=...}. Bill queries answer one product
     * whose additional fields carry the biller's answer; see also the typed look-ups below.
     *
     * @param query the query, for example {@code CatalogQuery.kganya(null, "T089775335322")}
     * @return the catalogue
     * @throws io.dcb4j.core.error.DcbException on failure
     */
    public Catalog catalogs(CatalogQuery query) {
        return catalogs(Objects.requireNonNull(query, "query"), "catalogs");
    }

    private Catalog catalogs(CatalogQuery query, String operation) {
        HttpUrl.Builder url = tenantUrl().addPathSegments("vas/catalogs");
        if (query != null) {
            url.addQueryParameter("catalogQuery", query.value());
        }
        return EclipseVasMapper.catalog(transport().execute(ApiRequest.get(operation, url.build()).build()));
    }

    /**
     * The products for the network of a mobile number: {@link #networkFor} then {@link #catalogs()}, filtered
     * to that network's partner, as the Scan to Pay and ACS walk-throughs ask the channel to do.
     *
     * @param msisdn the number
     * @return the products; empty when the network is unknown or has no products
     * @throws io.dcb4j.core.error.DcbException on failure
     */
    public List<CatalogProduct> productsForNetworkOf(Msisdn msisdn) {
        NetworkLookup network = networkFor(msisdn);
        if (network.partnerId() == null) {
            return List.of();
        }
        return catalogs().productsFor(network);
    }

    /**
     * Looks up a Kenya Revenue Authority payment registration through DTB Kenya ({@code 19_ETAX_<prn>}).
     *
     * @param prn the payment registration number
     * @return the amount owed and the taxpayer
     * @throws NotFoundException when the answer holds no product
     */
    public KraTaxBill kraTaxBill(String prn) {
        return lookup(CatalogQuery.dtbKenyaTax(prn), "kraTaxBill", "ETAX_", EclipseVasMapper::kraTaxBill);
    }

    /**
     * Looks up a National Water and Sewerage Corporation account through DTB Uganda
     * ({@code 21_NWSC_<ref>_<area>}).
     *
     * @param customerRef the customer reference number
     * @param area the area, for example {@code Kampala}
     * @return the outstanding balance and the customer
     * @throws NotFoundException when the answer holds no product
     */
    public NwscBill nwscBill(String customerRef, String area) {
        return lookup(CatalogQuery.nwsc(customerRef, area), "nwscBill", "NWSC_", EclipseVasMapper::nwscBill);
    }

    /**
     * Looks up a UMEME electricity account through DTB Uganda ({@code 21_UMEME_<ref>}).
     *
     * @param customerRef the customer reference number
     * @return the account
     * @throws NotFoundException when the answer holds no product
     */
    public UmemeAccount umemeAccount(String customerRef) {
        return lookup(CatalogQuery.umeme(customerRef), "umemeAccount", "UMEME_", EclipseVasMapper::umemeAccount);
    }

    /**
     * Looks up a Uganda Revenue Authority payment registration through DTB Uganda ({@code 21_ETAX_<prn>}).
     *
     * @param prn the payment registration number
     * @return the amount owed and the taxpayer
     * @throws NotFoundException when the answer holds no product
     */
    public UraTaxBill uraTaxBill(String prn) {
        return lookup(CatalogQuery.uraTax(prn), "uraTaxBill", "ETAX_", EclipseVasMapper::uraTaxBill);
    }

    private <T> T lookup(CatalogQuery query, String operation, String productPrefix,
            Function<CatalogProduct, T> view) {
        List<CatalogProduct> products = catalogs(query, operation).products();
        CatalogProduct product = products.stream().filter(p -> p.productId().startsWith(productPrefix)).findFirst()
                .orElse(products.isEmpty() ? null : products.get(0));
        if (product == null) {
            throw new NotFoundException("look-up returned no product", transport().context(operation), null);
        }
        try {
            return view.apply(product);
        } catch (IllegalArgumentException e) {
            // a present date or amount the view cannot read: refused, never dropped silently
            throw new DcbProtocolException("look-up answer's " + e.getMessage(), transport().context(operation), null);
        }
    }

    /**
     * Initiates a VAS payment for a customer:
     * {@code POST .../tenants/{tenantId}/customers/{customerId}/payments} with {@code type: GLOBAL_VAS}. The
     * answer is normally PENDING; complete it with {@link #completePayment}. The call is retried on transport
     * failures and 5xx answers with the same {@code externalUniqueId}: an initiated payment moves no money
     * until it is completed.
     *
     * @param customerId the Eclipse customer paying
     * @param request the payment
     * @return the initiated payment
     * @throws io.dcb4j.core.error.DcbException on failure
     */
    public Payment initiatePayment(long customerId, PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        HttpUrl url = tenantUrl().addPathSegment("customers").addPathSegment(Long.toString(customerId))
                .addPathSegment("payments").build();
        ApiResponse response = transport().execute(ApiRequest.post("initiatePayment", url)
                .jsonBody(EclipseVasMapper.body(request)).retrySafe(true)
                .reference("externalUniqueId", request.externalUniqueId()).build());
        return EclipseVasMapper.requirePayment(response);
    }

    /**
     * Completes an initiated payment with the fields it still needs:
     * {@code PUT .../tenants/{tenantId}/payments/{paymentId}}. Not retried once the request was sent: on a
     * {@link DcbTransportException} query {@link #payment(long)} before trying again; every exception of the
     * call names the payment in {@link io.dcb4j.core.error.DcbException#reference()} ({@code paymentId}).
     *
     * @param paymentId the payment
     * @param update amount, wallet, landing URL, external id
     * @return the answer (a payment, or the partner's success text)
     * @throws io.dcb4j.core.error.DcbException on failure
     */
    public PaymentCompletion completePayment(long paymentId, PaymentUpdate update) {
        Objects.requireNonNull(update, "update");
        HttpUrl url = paymentUrl(paymentId);
        ApiResponse response = transport().execute(ApiRequest.put("completePayment", url)
                .jsonBody(EclipseVasMapper.body(update)).reference("paymentId", Long.toString(paymentId)).build());
        return EclipseVasMapper.completion(paymentId, response);
    }

    /**
     * A payment's current state: {@code GET .../tenants/{tenantId}/payments/{paymentId}}.
     *
     * @param paymentId the payment
     * @return the payment
     * @throws NotFoundException when unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public Payment payment(long paymentId) {
        ApiResponse response = transport().execute(ApiRequest.get("payment", paymentUrl(paymentId)).build());
        return EclipseVasMapper.requirePayment(response);
    }

    private HttpUrl paymentUrl(long paymentId) {
        return tenantUrl().addPathSegment("payments").addPathSegment(Long.toString(paymentId)).build();
    }

    /**
     * The payment-result callback parser (also {@link #notifications()}), with the builder's {@link
     * Builder#notificationSecret signing key} and {@link Builder#notificationAllowedSources source addresses}.
     *
     * @return the parser
     */
    public EclipseVasNotificationParser notificationParser() {
        return parser;
    }

    @Override
    protected NeutralApi neutralApi() {
        return neutralApi;
    }

    @Override
    public String toString() {
        return "EclipseVasClient[tenantId=" + tenantId + ", signedCallbacks=" + parser.verifiesSignatures() + "]";
    }

    /**
     * Builds an {@link EclipseVasClient}. Missing or malformed input throws {@link ConfigurationException}.
     *
     * <p>The shared settings are the base builder's: {@link #baseUrl} (required: Eclipse has no public
     * default), the transport settings, {@link #notificationSecret} (the tenant's callback signing key: when
     * set, callbacks without a valid {@value EclipseVasNotificationParser#SIGNATURE_HEADER} are rejected) and
     * {@link #notificationAllowedSources}. This builder adds the tenant, the credentials, the login path and
     * the defaults of neutral charges.
     */
    public static final class Builder extends ProviderClientBuilder<Builder, EclipseVasClient> {
        private Long tenantId;
        private String identity;
        private String password;
        private String loginPath = DEFAULT_LOGIN_PATH;
        private Long defaultCustomerId;
        private Long defaultWalletId;
        private String defaultCallbackUrl;
        private Supplier<String> externalIds = () -> UUID.randomUUID().toString();

        private Builder() {
            super(ID, null);
        }

        /**
         * The tenant id (required).
         *
         * @param tenantId the id
         * @return this builder
         */
        public Builder tenantId(long tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /**
         * The login identity and password (required).
         *
         * @param identity the identity
         * @param password the password
         * @return this builder
         */
        public Builder credentials(String identity, String password) {
            this.identity = identity;
            this.password = password;
            return this;
        }

        /**
         * The login path below the base URL; {@value EclipseVasClient#DEFAULT_LOGIN_PATH} by default (public
         * pages disagree on it).
         *
         * @param loginPath the path
         * @return this builder
         */
        public Builder loginPath(String loginPath) {
            this.loginPath = loginPath;
            return this;
        }

        /**
         * The customer neutral charges are made for when the request has no {@value #PARAM_CUSTOMER_ID} param.
         *
         * @param customerId the Eclipse customer id
         * @return this builder
         */
        public Builder defaultCustomerId(long customerId) {
            this.defaultCustomerId = customerId;
            return this;
        }

        /**
         * The wallet neutral charges pay from when the request has no {@value #PARAM_WALLET_ID} param.
         *
         * @param walletId the wallet id
         * @return this builder
         */
        public Builder defaultWalletId(long walletId) {
            this.defaultWalletId = walletId;
            return this;
        }

        /**
         * The callback URL neutral charges send when the request has no {@value #PARAM_CALLBACK_URL} param.
         *
         * @param callbackUrl the URL
         * @return this builder
         */
        public Builder defaultCallbackUrl(String callbackUrl) {
            this.defaultCallbackUrl = callbackUrl;
            return this;
        }

        /**
         * Where neutral charges get an {@code externalUniqueId} when the request carries neither a client
         * reference nor an idempotency key; random UUIDs by default.
         *
         * @param generator the generator
         * @return this builder
         */
        public Builder externalUniqueIds(Supplier<String> generator) {
            this.externalIds = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client; close it when done
         * @throws ConfigurationException when a required setting is missing or malformed
         */
        @Override
        public EclipseVasClient build() {
            String baseUrl = baseUrl();
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new ConfigurationException(ID, "base-url", "is required (Eclipse has no public default)");
            }
            if (tenantId == null) {
                throw new ConfigurationException(ID, "tenant-id", "is required");
            }
            if (tenantId <= 0) {
                throw new ConfigurationException(ID, "tenant-id", "must be a positive number");
            }
            if (identity == null || identity.isBlank()) {
                throw new ConfigurationException(ID, "identity", "is required");
            }
            if (password == null || password.isEmpty()) {
                throw new ConfigurationException(ID, "password", "is required");
            }
            if (loginPath == null || loginPath.isBlank() || loginPath.contains("?") || loginPath.contains("://")) {
                throw new ConfigurationException(ID, "login-path", "must be a path such as " + DEFAULT_LOGIN_PATH);
            }
            if (Arrays.stream(loginPath.strip().split("/")).anyMatch(s -> s.equals(".") || s.equals(".."))) {
                throw new ConfigurationException(ID, "login-path", "must not have '.' or '..' segments");
            }
            ClientOptions options = clientOptions();
            String stripped = loginPath.strip();
            String path = stripped.startsWith("/") ? stripped.substring(1) : stripped;
            EclipseVasNotificationParser.Builder parser = EclipseVasNotificationParser.builder();
            notificationSecret().ifPresent(parser::secret);
            notificationAllowedSources().ifPresent(parser::allowedSources);
            HttpTransport transport = HttpTransport.builder(ID, options).baseUrl("base-url", baseUrl)
                    .tokens(t -> CachingTokenProvider.builder(
                                    CachingTokenProvider.cacheKey(ID, baseUrl.strip(), String.valueOf(tenantId),
                                            identity),
                                    new EclipseVasTokenSource(t, path, identity, password, options.clock()))
                            .options(options).build())
                    .credentials(password, notificationSecret().orElse(null))
                    .errorMapper(new EclipseVasErrorMapper()).build();
            return new EclipseVasClient(this, transport, parser.build());
        }
    }
}
