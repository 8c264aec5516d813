package io.dcb4j.eclipsevas;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Capability;
import io.dcb4j.core.Charges;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.spi.support.Redaction;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.token.CachingTokenProvider;
import io.dcb4j.eclipsevas.internal.EclipseErrorMapper;
import io.dcb4j.eclipsevas.internal.LoginTokenSource;
import io.dcb4j.eclipsevas.internal.Mapping;
import io.dcb4j.eclipsevas.internal.WireDtos.PartnerDto;
import io.dcb4j.eclipsevas.internal.WireDtos.PaymentDto;
import io.dcb4j.eclipsevas.model.Catalog;
import io.dcb4j.eclipsevas.model.CatalogProduct;
import io.dcb4j.eclipsevas.model.CatalogQuery;
import io.dcb4j.eclipsevas.model.KraTaxBill;
import io.dcb4j.eclipsevas.model.NetworkLookup;
import io.dcb4j.eclipsevas.model.NwscBill;
import io.dcb4j.eclipsevas.model.Payment;
import io.dcb4j.eclipsevas.model.PaymentCompletion;
import io.dcb4j.eclipsevas.model.PaymentData;
import io.dcb4j.eclipsevas.model.PaymentRequest;
import io.dcb4j.eclipsevas.model.PaymentUpdate;
import io.dcb4j.eclipsevas.model.UmemeAccount;
import io.dcb4j.eclipsevas.model.UraTaxBill;
import io.dcb4j.eclipsevas.notification.EclipseVasNotificationParser;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * The Eclipse (Ukheshe) VAS client: the provider's typed API and the neutral {@link BillingProvider} API.
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
 * <p>Neutral API: {@link Capability#ONE_OFF_CHARGE} (initiate then complete a payment; the result stays
 * PROCESSING until the callback or a status query), {@link Capability#CHARGE_STATUS},
 * {@link Capability#CATALOG} (this class's typed catalogue methods) and {@link Capability#NOTIFICATIONS}.
 */
public final class EclipseVasClient implements BillingProvider {

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

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.ONE_OFF_CHARGE, Capability.CHARGE_STATUS, Capability.CATALOG, Capability.NOTIFICATIONS));
    private static final String API = "eclipse-conductor/rest/v1/tenants/";

    private final HttpTransport transport;
    private final long tenantId;
    private final Long defaultCustomerId;
    private final Long defaultWalletId;
    private final String defaultCallbackUrl;
    private final Supplier<String> externalIds;
    private final EclipseVasNotificationParser parser;
    private final Charges charges = new NeutralCharges();

    private EclipseVasClient(Builder b, ClientOptions options, String loginPath) {
        this.tenantId = b.tenantId;
        this.defaultCustomerId = b.defaultCustomerId;
        this.defaultWalletId = b.defaultWalletId;
        this.defaultCallbackUrl = b.defaultCallbackUrl;
        this.externalIds = b.externalIds;
        this.parser = new EclipseVasNotificationParser(b.callbackHmacKey, b.callbackAllowList);
        this.transport = HttpTransport.builder(ID, options).baseUrl("base-url", b.baseUrl)
                .tokens(t -> CachingTokenProvider.builder(
                                CachingTokenProvider.cacheKey(ID, b.baseUrl.strip(), String.valueOf(b.tenantId), b.identity),
                                new LoginTokenSource(t, loginPath, b.identity, b.password, options.clock()))
                        .options(options).build())
                .credentials(b.password, b.callbackHmacKey).errorMapper(new EclipseErrorMapper()).build();
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
        return transport.url(API + tenantId);
    }

    // ------------------------------------------------------------------ provider API

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
        ApiResponse response = transport.execute(ApiRequest.get("networkFor", url).build());
        JsonNode tree = response.jsonTree();
        if (tree.isArray()) {
            tree = tree.size() > 0 ? tree.get(0) : tree;
        }
        Integer partnerId = null;
        String partnerName = null;
        Map<String, String> fields = new LinkedHashMap<>();
        if (tree.isNumber() || tree.isTextual()) {
            partnerId = integer(tree);
            fields.put("partnerId", tree.asText());
        } else if (tree.isObject()) {
            fields.putAll(Mapping.flatten(tree));
            partnerId = integer(tree.get("partnerId"));
            partnerName = text(tree.get("partnerName"));
        }
        return new NetworkLookup(msisdn, partnerId, partnerName, fields);
    }

    private static Integer integer(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.canConvertToInt() && node.isIntegralNumber()) {
            return node.intValue();
        }
        try {
            return Integer.valueOf(node.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
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
        ApiResponse response = transport.execute(ApiRequest.get(operation, url.build()).build());
        if (response.body().length == 0) {
            return new Catalog(List.of());
        }
        return Mapping.catalog(response.json(PartnerDto[].class));
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
        return lookup(CatalogQuery.dtbKenyaTax(prn), "kraTaxBill", "ETAX_", Mapping::kraTaxBill);
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
        return lookup(CatalogQuery.nwsc(customerRef, area), "nwscBill", "NWSC_", Mapping::nwscBill);
    }

    /**
     * Looks up a UMEME electricity account through DTB Uganda ({@code 21_UMEME_<ref>}).
     *
     * @param customerRef the customer reference number
     * @return the account
     * @throws NotFoundException when the answer holds no product
     */
    public UmemeAccount umemeAccount(String customerRef) {
        return lookup(CatalogQuery.umeme(customerRef), "umemeAccount", "UMEME_", Mapping::umemeAccount);
    }

    /**
     * Looks up a Uganda Revenue Authority payment registration through DTB Uganda ({@code 21_ETAX_<prn>}).
     *
     * @param prn the payment registration number
     * @return the amount owed and the taxpayer
     * @throws NotFoundException when the answer holds no product
     */
    public UraTaxBill uraTaxBill(String prn) {
        return lookup(CatalogQuery.uraTax(prn), "uraTaxBill", "ETAX_", Mapping::uraTaxBill);
    }

    private <T> T lookup(CatalogQuery query, String operation, String productPrefix,
            Function<CatalogProduct, T> view) {
        List<CatalogProduct> products = catalogs(query, operation).products();
        CatalogProduct product = products.stream().filter(p -> p.productId().startsWith(productPrefix)).findFirst()
                .orElse(products.isEmpty() ? null : products.get(0));
        if (product == null) {
            throw new NotFoundException("look-up returned no product", transport.context(operation), null);
        }
        try {
            return view.apply(product);
        } catch (IllegalArgumentException e) {
            // a present date or amount the view cannot read: refused, never dropped silently
            throw new DcbProtocolException("look-up answer's " + e.getMessage(), transport.context(operation), null);
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
        ApiResponse response = transport.execute(ApiRequest.post("initiatePayment", url)
                .jsonBody(Mapping.body(request)).retrySafe(true)
                .reference("externalUniqueId", request.externalUniqueId()).build());
        return requirePayment(response);
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
        ApiResponse response = transport.execute(ApiRequest.put("completePayment", url)
                .jsonBody(Mapping.body(update)).reference("paymentId", Long.toString(paymentId)).build());
        JsonNode tree = response.jsonTreeOrNull();
        if (tree != null && tree.isObject() && tree.hasNonNull("paymentId")) {
            Payment payment = Mapping.payment(response.json(PaymentDto.class), response.context());
            return new PaymentCompletion(paymentId, payment, null);
        }
        String text = tree != null && tree.isTextual() ? tree.asText() : response.text();
        return new PaymentCompletion(paymentId, null, text);
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
        return requirePayment(transport.execute(ApiRequest.get("payment", paymentUrl(paymentId)).build()));
    }

    private HttpUrl paymentUrl(long paymentId) {
        return tenantUrl().addPathSegment("payments").addPathSegment(Long.toString(paymentId)).build();
    }

    private static Payment requirePayment(ApiResponse response) {
        Payment payment = Mapping.payment(response.json(PaymentDto.class), response.context());
        if (payment == null) {
            throw new DcbProtocolException("answer has no paymentId", response.context(), null);
        }
        return payment;
    }

    /**
     * The payment-result callback parser (also {@link #notifications()}).
     *
     * @return the parser
     */
    public EclipseVasNotificationParser notificationParser() {
        return parser;
    }

    // ------------------------------------------------------------------ neutral API

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /** Empty: Eclipse VAS has no PIN subscriptions. */
    @Override
    public Optional<PinSubscriptions> pinSubscriptions() {
        return Optional.empty();
    }

    /**
     * One-off charges: {@link Charges#charge} initiates and completes a payment, {@link Charges#status} reads it.
     *
     * <p>{@link ChargeRequest} mapping: {@code offer} is the payment data ({@code 5_VD50}; or param
     * {@value #PARAM_PAYMENT_DATA}); param {@value #PARAM_CUSTOMER_ID} (or the builder's default customer) is
     * the payer; param {@value #PARAM_WALLET_ID} (or the default wallet) the wallet; {@code amount} goes on both
     * calls; {@code msisdn} becomes the {@code msisdn} additional field; params {@code field.<id>} become
     * additional fields; {@code returnUrl} is the landing URL; param {@value #PARAM_CALLBACK_URL} (or the
     * default) the callback URL; {@code clientReference}, else {@code idempotencyKey}, else a random UUID is the
     * {@code externalUniqueId}.
     *
     * @return the API
     */
    @Override
    public Optional<Charges> charges() {
        return Optional.of(charges);
    }

    /** Empty: Eclipse VAS has no subscriptions. */
    @Override
    public Optional<Subscriptions> subscriptions() {
        return Optional.empty();
    }

    @Override
    public Optional<NotificationParser> notifications() {
        return Optional.of(parser);
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "EclipseVasClient[tenantId=" + tenantId + ", signedCallbacks=" + parser.verifiesSignatures() + "]";
    }

    private final class NeutralCharges implements Charges {

        @Override
        public ChargeResult charge(ChargeRequest request) {
            Objects.requireNonNull(request, "request");
            Map<String, String> params = request.params();
            long customerId = longParam(params, PARAM_CUSTOMER_ID, defaultCustomerId);
            PaymentData data = paymentData(request);
            Long walletId = params.containsKey(PARAM_WALLET_ID) ? Long.valueOf(longParam(params, PARAM_WALLET_ID, null))
                    : defaultWalletId;
            String externalId = firstNonBlank(request.clientReference(), request.idempotencyKey());
            if (externalId == null) {
                externalId = externalIds.get();
            }
            PaymentRequest.Builder b = PaymentRequest.builder(data).externalUniqueId(externalId)
                    .amount(request.amount()).description(request.description()).landingUrl(request.returnUrl())
                    .callbackUrl(params.getOrDefault(PARAM_CALLBACK_URL, defaultCallbackUrl))
                    .phone(params.get(PARAM_PHONE));
            if (walletId != null) {
                b.walletId(walletId);
            }
            if (params.containsKey(PARAM_CUSTOM_FRAUD_CHECKS)) {
                String flag = params.get(PARAM_CUSTOM_FRAUD_CHECKS).strip();
                if (!flag.equalsIgnoreCase("true") && !flag.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("param '" + PARAM_CUSTOM_FRAUD_CHECKS + "' must be true or false");
                }
                b.customFraudChecks(Boolean.parseBoolean(flag));
            }
            if (request.msisdn() != null && !params.containsKey(PARAM_FIELD_PREFIX + "msisdn")) {
                b.additionalField("msisdn", request.msisdn().digits());
            }
            params.forEach((k, v) -> {
                if (k.startsWith(PARAM_FIELD_PREFIX) && k.length() > PARAM_FIELD_PREFIX.length()) {
                    b.additionalField(k.substring(PARAM_FIELD_PREFIX.length()), v);
                }
            });
            PaymentRequest paymentRequest = b.build();
            Payment initiated = initiatePayment(customerId, paymentRequest);
            PaymentUpdate.Builder update = PaymentUpdate.builder().amount(request.amount().amount())
                    .landingUrl(request.returnUrl()).externalUniqueId(paymentRequest.externalUniqueId());
            if (walletId != null) {
                update.walletId(walletId);
            }
            PaymentCompletion completion;
            try {
                completion = completePayment(initiated.paymentId(), update.build());
            } catch (DcbTransportException e) {
                // the context names the payment (reference paymentId): its digits are never masked there
                throw new DcbTransportException("the payment was initiated but its completion outcome is unknown; "
                        + "query the status of this paymentId (see reference) before charging again", e.context(),
                        e.isRetryable(), e);
            }
            Payment latest = completion.updatedPayment().orElse(initiated);
            return result(latest, request);
        }

        @Override
        public ChargeResult status(ChargeRef charge) {
            Objects.requireNonNull(charge, "charge");
            long paymentId;
            try {
                paymentId = Long.parseLong(charge.id().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("an Eclipse payment id is a number");
            }
            return result(payment(paymentId), null);
        }
    }

    private PaymentData paymentData(ChargeRequest request) {
        String raw = request.offer() != null ? request.offer().value() : request.params().get(PARAM_PAYMENT_DATA);
        if (raw == null) {
            throw new IllegalArgumentException("an offer (payment data such as 5_VD50) or param '"
                    + PARAM_PAYMENT_DATA + "' is required");
        }
        return PaymentData.parse(raw);
    }

    private static long longParam(Map<String, String> params, String key, Long fallback) {
        String v = params.get(key);
        if (v == null || v.isBlank()) {
            if (fallback == null) {
                throw new IllegalArgumentException("param '" + key + "' is required (or configure a default)");
            }
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("param '" + key + "' must be a whole number");
        }
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    static ChargeResult result(Payment payment, ChargeRequest request) {
        ChargeState state;
        FailureReason reason = null;
        switch (payment.status()) {
            case PENDING -> state = ChargeState.PROCESSING;
            case SUCCESSFUL -> state = ChargeState.SUCCEEDED;
            case ERROR -> {
                state = ChargeState.DENIED;
                reason = Mapping.failureReason(payment);
            }
            case EXPIRED -> {
                state = ChargeState.DENIED;
                reason = FailureReason.OTHER;
            }
            case CANCELLED -> state = ChargeState.CANCELLED;
            default -> state = ChargeState.UNKNOWN;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("paymentId", Long.toString(payment.paymentId()));
        details.put("externalUniqueId", payment.externalUniqueId());
        details.put("paymentType", payment.paymentType());
        details.put("customerId", payment.customerId() == null ? null : payment.customerId().toString());
        details.put("walletId", payment.walletId() == null ? null : payment.walletId().toString());
        details.put("fee", payment.fee() == null ? null : payment.fee().toPlainString());
        details.put("created", payment.created() == null ? null : payment.created().toString());
        details.put("gatewayTransactionId", payment.gatewayTransactionId());
        details.put("errorDescription", Redaction.maskDigitRuns(payment.errorDescription()));
        return new ChargeResult(ChargeRef.of(Long.toString(payment.paymentId())), state, payment.rawStatus(),
                payment.money().orElse(request == null ? null : request.amount()), null, reason, details);
    }

    /** Builds an {@link EclipseVasClient}. Missing or malformed input throws {@link ConfigurationException}. */
    public static final class Builder {
        private String baseUrl;
        private Long tenantId;
        private String identity;
        private String password;
        private String loginPath = DEFAULT_LOGIN_PATH;
        private String callbackHmacKey;
        private io.dcb4j.core.notification.SourceAddressAllowList callbackAllowList;
        private ClientOptions options = ClientOptions.defaults();
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private Long defaultCustomerId;
        private Long defaultWalletId;
        private String defaultCallbackUrl;
        private Supplier<String> externalIds = () -> UUID.randomUUID().toString();

        private Builder() {
        }

        /**
         * The Eclipse base URL (required; there is no public default), for example
         * {@code https://eclipse.example.com}; the API paths are appended to it.
         *
         * @param baseUrl the URL
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
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
         * Accepts callbacks only from these source addresses.
         *
         * @param allowList Eclipse's addresses or CIDR blocks; null accepts any
         * @return this builder
         */
        public Builder notificationAllowedSources(io.dcb4j.core.notification.SourceAddressAllowList allowList) {
            this.callbackAllowList = allowList;
            return this;
        }

        /**
         * Accepts callbacks only from these source addresses, given as text.
         *
         * @param addresses Eclipse's addresses or CIDR blocks (entries may be comma-separated); null accepts any
         * @return this builder
         * @throws ConfigurationException naming {@code notification-allowed-sources} when nothing but blanks is
         *     listed, or an entry is not an address or block
         */
        public Builder notificationAllowedSources(java.util.Collection<String> addresses) {
            this.callbackAllowList = io.dcb4j.core.spi.support.ConfigChecks.allowList(ID,
                    "notification-allowed-sources", addresses);
            return this;
        }

        /**
         * The tenant's callback signing key; when set, callbacks without a valid {@code Eclipse-Signature} are
         * rejected.
         *
         * @param key the key, or null for none
         * @return this builder
         * @throws ConfigurationException naming {@code callback-hmac-key} when the key is blank (an empty
         *     environment variable does not turn signature checks off)
         */
        public Builder callbackHmacKey(String key) {
            this.callbackHmacKey = io.dcb4j.core.spi.support.ConfigChecks.optionalNonBlank(ID, "callback-hmac-key", key);
            return this;
        }

        /**
         * Transport options (timeouts, retries, http opt-in, OkHttp client, token store, clock).
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(ClientOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * The TCP connect timeout, overriding {@link #options}.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * The socket read timeout, overriding {@link #options}.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /**
         * The whole-call timeout (retries included), overriding {@link #options}.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
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
        public EclipseVasClient build() {
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
            if (java.util.Arrays.stream(loginPath.strip().split("/")).anyMatch(s -> s.equals(".") || s.equals(".."))) {
                throw new ConfigurationException(ID, "login-path", "must not have '.' or '..' segments");
            }
            ClientOptions effective = options;
            if (connectTimeout != null || readTimeout != null || callTimeout != null) {
                ClientOptions.Builder ob = options.toBuilder();
                try {
                    if (connectTimeout != null) {
                        ob.connectTimeout(connectTimeout);
                    }
                    if (readTimeout != null) {
                        ob.readTimeout(readTimeout);
                    }
                    if (callTimeout != null) {
                        ob.callTimeout(callTimeout);
                    }
                    effective = ob.build();
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(ID, "timeouts", "must be positive");
                }
            }
            String path = loginPath.strip();
            return new EclipseVasClient(this, effective, path.startsWith("/") ? path.substring(1) : path);
        }
    }
}
