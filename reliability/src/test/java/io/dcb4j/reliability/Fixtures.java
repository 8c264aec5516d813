package io.dcb4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import io.dcb4j.b2maoc.B2mAocClient;
import io.dcb4j.b2maoc.model.AocTransactionId;
import io.dcb4j.b2maoc.model.SpTransactionId;
import io.dcb4j.camara.CamaraClient;
import io.dcb4j.camara.model.PaymentQuery;
import io.dcb4j.camara.model.RefundQuery;
import io.dcb4j.centili.CentiliClient;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.eclipsevas.EclipseVasClient;
import io.dcb4j.eclipsevas.model.CatalogQuery;
import io.dcb4j.eclipsevas.model.PaymentData;
import io.dcb4j.eclipsevas.model.PaymentRequest;
import io.dcb4j.eclipsevas.model.PaymentUpdate;
import io.dcb4j.eklectic.EklecticClient;
import io.dcb4j.centili.model.StartTransactionRequest;
import io.dcb4j.infomedia.InfomediaClient;
import io.dcb4j.infomedia.model.SubscriptionRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The operation table shared by the fault matrix and the scrubbed-transcript test: for every provider, how
 * to build a client against a base URL, which credentials it holds, and every operation (typed and neutral)
 * with the endpoint it calls, a valid answer, and whether it is safe to repeat.
 */
final class Fixtures {

    private Fixtures() {
    }

    // ---------------------------------------------------------------- secrets: distinctive, searched for in logs
    static final String EKL_CLIENT_ID = "ekl-client-id";
    static final String EKL_CLIENT_SECRET = "EKLSECRETx7f3a9q";
    static final String EKL_TOKEN = "EKLBEARERx91c2eq";
    static final String INF_API_KEY = "INFAPIKEYx5b7d1q";
    static final String INF_USER = "inf-user";
    static final String INF_PASSWORD = "INFPASSWORDxc4e8q";
    static final String ECL_IDENTITY = "api-user@example.com";
    static final String ECL_PASSWORD = "ECLPASSWORDx2d6fq";
    static final String ECL_JWT = "ECLJWTxa8b3cq";
    static final String CEN_CLIENT_ID = "shop-client";
    static final String CEN_CLIENT_SECRET = "CENSECRETxe5f21q";
    static final String CEN_USER = "api-user";
    static final String CEN_PASSWORD = "CENPASSWORDx9a0bq";
    static final String CEN_ACCESS = "CENACCESSx3c7d2q";
    static final String CEN_REFRESH = "CENREFRESHx6e1f8q";
    static final String B2M_API_KEY = "B2MAPIKEYx4d8e2q";
    static final String CAM_CLIENT_ID = "camara-client";
    static final String CAM_CLIENT_SECRET = "CAMSECRETx8b2f6q";
    static final String CAM_TOKEN = "CAMBEARERx5d1e9q";
    static final String PIN = "482916";
    static final String MSISDN_DIGITS = "21698765432";
    static final Msisdn MSISDN = Msisdn.of(MSISDN_DIGITS);

    static final List<String> SECRETS = List.of(EKL_CLIENT_SECRET, EKL_TOKEN, INF_API_KEY, INF_PASSWORD,
            ECL_PASSWORD, ECL_JWT, CEN_CLIENT_SECRET, CEN_PASSWORD, CEN_ACCESS, CEN_REFRESH, B2M_API_KEY, CAM_CLIENT_SECRET,
            CAM_TOKEN, PIN, MSISDN_DIGITS);

    static final String EKL_TOKEN_PATH = "/API/oauth/token";
    static final String ECL_LOGIN = "/eclipse-conductor/rest/v1/authentication/login";
    static final String ECL_T = "/eclipse-conductor/rest/v1/tenants/242";
    static final String CEN_TOKEN_PATH = "/realms/api/protocol/openid-connect/token";
    static final String CEN_API = "/payments/v3";
    static final String CAM_TOKEN_PATH = "/oauth2/token";
    static final String CAM_PAY = "/carrier-billing/v0.5/payments";
    static final String CAM_REF = "/carrier-billing-refund/v0.3/payments/pay-1/refunds";

    /** What the transport may do with an operation after a failure. */
    enum Safety {
        /** A write without an idempotency key: sent at most once. */
        UNSAFE,
        /** A read (or a POST that only reads): retried. */
        SAFE,
        /** A write carrying an idempotency key header: retried with the same key. */
        KEYED,
        /**
         * A write made idempotent by a unique id in its body (Eclipse externalUniqueId, CAMARA clientCorrelator):
         * retried with the same body.
         */
        BODY_KEYED
    }

    /** The body field that makes a {@link Safety#BODY_KEYED} write idempotent, by provider. */
    static final Map<String, String> BODY_KEYS = Map.of("eclipse-vas", "externalUniqueId", "camara",
            "clientCorrelator");

    /** One endpoint call of one operation, with a valid answer. */
    record Endpoint(RequestMethod method, String pathRegex, String body) {
    }

    /** A provider: how to build a client, its token endpoint (if any), its credentials. */
    record Provider(String id, Function<String, BillingProvider> factory, Endpoint token) {
    }

    /**
     * An operation descriptor: the provider, a name, the endpoint faults are injected on, its safety, whether
     * the call is authenticated with a cached token, whether it reads the answer body, the other endpoints it
     * needs (stubbed to succeed), a body of the wrong shape, overrides of the expected outcome, and the call.
     */
    static final class Op {
        final Provider provider;
        final String name;
        final Endpoint target;
        final Safety safety;
        final boolean authenticated;
        boolean readsBody = true;
        String wrongShape = "[{\"unexpected\": true}]";
        final List<Endpoint> others = new ArrayList<>();
        final Map<FaultMatrixTest.Fault, FaultMatrixTest.Expect> overrides = new EnumMap<>(FaultMatrixTest.Fault.class);
        final Function<BillingProvider, Object> call;

        Op(Provider provider, String name, Endpoint target, Safety safety, boolean authenticated,
                Function<BillingProvider, Object> call) {
            this.provider = provider;
            this.name = name;
            this.target = target;
            this.safety = safety;
            this.authenticated = authenticated;
            this.call = call;
        }

        Op with(Endpoint other) {
            others.add(other);
            return this;
        }

        Op ignoresBody() {
            readsBody = false;
            return this;
        }

        Op wrongShape(String body) {
            wrongShape = body;
            return this;
        }

        Op expect(FaultMatrixTest.Fault fault, FaultMatrixTest.Expect expect) {
            overrides.put(fault, expect);
            return this;
        }

        boolean retrySafe() {
            return safety != Safety.UNSAFE;
        }

        boolean targetsToken() {
            return provider.token() != null && provider.token().equals(target);
        }

        @Override
        public String toString() {
            return provider.id() + " " + name;
        }
    }

    /** A header value every client built now sends as {@code X-Cell}, so a test counts only its own requests. */
    static final ThreadLocal<String> CELL = ThreadLocal.withInitial(() -> "none");

    /**
     * The read timeout of clients built now: as long as the call timeout, so that an ordinary answer on a
     * loaded machine never times out; a test that wants read timeouts sets a shorter one.
     */
    static final ThreadLocal<Duration> READ_TIMEOUT = ThreadLocal.withInitial(() -> Duration.ofSeconds(5));

    /** The caller's OkHttp client for clients built now ({@code ClientOptions.okHttpClient}); none by default. */
    static final ThreadLocal<okhttp3.OkHttpClient> CALLER_CLIENT = new ThreadLocal<>();

    static ClientOptions options() {
        return ClientOptions.builder().allowInsecureHttp(true).extraHeader("X-Cell", CELL.get())
                .okHttpClient(CALLER_CLIENT.get())
                .connectTimeout(Duration.ofMillis(300)).readTimeout(READ_TIMEOUT.get())
                .callTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(1)).jitter(0).build())
                .build();
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static void stub(WireMockServer wm, Endpoint e) {
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.request(e.method().getName(),
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(e.pathRegex()))
                .willReturn(json(200, e.body())));
    }

    // ---------------------------------------------------------------- answers

    static final String EKL_TOKEN_ANSWER = "{\"access_token\":\"" + EKL_TOKEN + "\",\"expires_in\":43200,"
            + "\"token_type\":\"Bearer\"}";
    static final String EKL_OTP = "{\"code\":\"13995910-8ffa-11ec-9feb-fa163e3dd8b3\",\"expire\":\"2022-02-17 15:11:18\"}";
    static final String EKL_USER = "{\"id\":\"23939206\",\"msisdn\":\"" + MSISDN_DIGITS + "\","
            + "\"subscription_date\":\"2022-02-17 15:02:10\",\"unsubscription_date\":\"0000-00-00 00:00:00\","
            + "\"create_at\":\"2022-02-17 15:02:10\",\"service_id\":14,\"offre_id\":123,\"status\":1,"
            + "\"state\":\"ACTIVE\",\"expire_date\":\"2022-03-17 15:02:10\"}";
    static final String EKL_CONFIRM = "{\"confirm\":\"OK\",\"user\":" + EKL_USER + "}";
    static final String EKL_DETAILS = "{\"user\":" + EKL_USER + "}";
    static final String EKL_FIND = "{\"subscriptionID\":\"23939206\"}";

    static final String INF_PIN = "{\"status\":\"Success\",\"description\":\"00 - Everything was OK\",\"pinId\":\"p-1\"}";
    static final String INF_JOIN = "{\"status\":\"Success\",\"description\":\"00 - User is subscribed\","
            + "\"sid\":\"8000000\",\"mx\":\"" + MSISDN_DIGITS + "\",\"mcc\":\"424\",\"mnc\":\"2\","
            + "\"user\":{\"subscribed\":\"True\",\"suspended\":\"False\"},\"txid\":null,"
            + "\"conf\":{\"status\":null,\"description\":null,\"portedMcc\":null,\"portedMnc\":null}}";
    static final String INF_UNSUB = "{\"status\":\"Success\",\"description\":\"00 - User has been unsubscribed\","
            + "\"sid\":\"8000000\",\"mx\":\"" + MSISDN_DIGITS + "\",\"mcc\":\"424\",\"mnc\":\"2\"}";

    static final String ECL_LOGIN_ANSWER = "{\"headerName\":\"Authorization\",\"headerValue\":\"Bearer " + ECL_JWT
            + "\",\"expires\":\"2099-01-01T10:00:00.000Z\",\"expiresEpochSecs\":4070944800,\"tenantId\":242,"
            + "\"sessionId\":\"sess-4f1c9a7b2d\",\"roles\":[\"TENANT_SYSTEM\"]}";
    static final String ECL_NETWORK = "{\"partnerId\":21,\"partnerName\":\"DTBUGVasProvider\"}";
    static String eclCatalog(int partner, String productId, String productName, String... fields) {
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            f.append(i == 0 ? "" : ",").append("{\"id\":\"").append(fields[i]).append("\",\"defaultValue\":\"")
                    .append(fields[i + 1]).append("\"}");
        }
        return "[{\"partnerId\":" + partner + ",\"partnerName\":\"p\",\"providerId\":" + partner
                + ",\"products\":[{\"partnerId\":" + partner + ",\"productId\":\"" + productId
                + "\",\"productName\":\"" + productName + "\",\"pinnedProduct\":false,\"additionalFields\":[" + f
                + "]}]}]";
    }
    static final String ECL_UMEME = eclCatalog(21, "UMEME_200166426", "UMEME", "customerRef", "200166426",
            "customerType", "POSTPAID", "customerName", "BAFUKAWA RONALD", "balance", "-21103");
    static final String ECL_NWSC = eclCatalog(21, "NWSC_21117391", "NWSC", "CustRef", "21117391", "CustName",
            "ROBERT MWESIGYE", "Area", "Kampala", "OutstandingBal", "71683");
    static final String ECL_URA = eclCatalog(21, "ETAX_2240000621955", "ETAX", "Prn", "2240000621955", "Tin",
            "1001307092", "Amount", "25000", "ExpiryDt", "08-FEB-24", "StatusCode", "T");
    static final String ECL_KRA = eclCatalog(19, "ETAX_1020230000058238", "ETAX", "EslipNumber",
            "1020230000058238", "TaxpayerPin", "P051094777L", "TotalAmount", "52008620");
    static final String ECL_PAYMENT = "{\"paymentId\":172565,\"externalUniqueId\":\"order-1\",\"status\":\"PENDING\","
            + "\"amount\":100.00,\"currency\":\"UGX\",\"paymentType\":\"GLOBAL_VAS\",\"customerId\":723689,"
            + "\"created\":\"2024-03-01T08:00:00.000Z\"}";
    static final String ECL_PAID = ECL_PAYMENT.replace("PENDING", "SUCCESSFUL");

    static final String CEN_TOKEN_ANSWER = "{\"access_token\":\"" + CEN_ACCESS + "\",\"expires_in\":300,"
            + "\"refresh_expires_in\":1800,\"refresh_token\":\"" + CEN_REFRESH + "\",\"token_type\":\"Bearer\"}";
    static final String CEN_START_PIN = "{\"transactionType\":\"OPT_IN\",\"country\":\"RS\",\"operation\":{\"type\":\"PIN\","
            + "\"userInstruction\":\"Enter the PIN\"},\"msisdn\":\"" + MSISDN_DIGITS + "\",\"transactionId\":\"tx-1001\","
            + "\"operator\":\"22001\"}";
    static final String CEN_START_REDIRECT = "{\"transactionType\":\"CHARGE\",\"country\":\"RS\",\"operation\":"
            + "{\"type\":\"URL_REDIRECT\",\"urlRedirect\":\"https://pay.centili.com/consent/tx-1001\"},"
            + "\"transactionId\":\"tx-1001\",\"operator\":\"22001\"}";
    static final String CEN_UPDATE = "{\"clientData\":{\"clientUserId\":\"user-42\",\"clientReference\":\"order-1001\"},"
            + "\"transactionId\":\"tx-1001\"}";
    static final String CEN_TX = "{\"transactionType\":\"OPT_IN\",\"country\":\"RS\",\"item\":{\"amount\":\"100\","
            + "\"price\":\"1.99\",\"name\":\"Gold pack\",\"currency\":\"EUR\"},\"notificationStatus\":\"DELIVERED\","
            + "\"subscriber\":\"" + MSISDN_DIGITS + "\",\"timeCharged\":\"2017-08-16 11:41:08\","
            + "\"transactionStatus\":\"COMPLETED\",\"serviceKey\":\"svc-gold\",\"transactionId\":\"tx-1001\","
            + "\"operator\":\"22001\"}";

    static final String B2M_TOKEN = "{\"status\":true,\"errors\":false,\"message\":\"Token generated successfully\","
            + "\"data\":{\"aocTransID\":\"AOC5f2b9c7e01\",\"spTransID\":\"SP20240303000001\","
            + "\"redirectURL\":\"https://rd.b2mwap.com/api/redirect/AOC5f2b9c7e01\"}}";
    static final String B2M_CHARGE_STATUS = "{\"status\":true,\"errors\":false,\"message\":\"Charge status\",\"data\":"
            + "{\"transactionOperationStatus\":\"Charged\",\"totalAmountCharged\":\"10.00\",\"msisdn\":\"+"
            + MSISDN_DIGITS + "\",\"chargeMode\":\"standard\",\"errorCode\":\"00\",\"errorMessage\":\"\"}}";
    static final String B2M_CANCEL = "{\"status\":true,\"errors\":false,\"message\":\"Subscription cancelled Successfully\","
            + "\"data\":{\"errorCode\":\"00\",\"errorMessage\":\"\"}}";
    static final String B2M_SUB_STATUS = "{\"status\":true,\"errors\":false,\"message\":\"Charge status\",\"data\":"
            + "{\"subscriptionID\":\"s00001\",\"subscriptionName\":\"100\",\"status\":\"subscribed\",\"msisdn\":\"+"
            + MSISDN_DIGITS + "\",\"expiryDate\":\"30-05-2030\",\"errorCode\":\"00\",\"errorMessage\":\"\"}}";
    static final String B2M_RENEW = "{\"status\":true,\"errors\":false,\"message\":\"Subscription Renewed Successfully\","
            + "\"data\":{\"chargeMode\":\"standard\",\"aocTransID\":\"TR000000123\",\"spTransID\":\"SP2\","
            + "\"transactionOperationStatus\":\"Charged\",\"totalAmountCharged\":\"3.00\",\"errorCode\":\"00\","
            + "\"errorMessage\":\"\"}}";

    static final String CAM_TOKEN_ANSWER = "{\"access_token\":\"" + CAM_TOKEN + "\",\"token_type\":\"Bearer\","
            + "\"expires_in\":3600}";
    static final String CAM_PAYMENT = "{\"paymentId\":\"pay-1\",\"amountTransaction\":{\"phoneNumber\":\"+"
            + MSISDN_DIGITS + "\",\"clientCorrelator\":\"order-77\",\"paymentAmount\":{\"chargingInformation\":"
            + "{\"amount\":2.99,\"currency\":\"EUR\",\"description\":\"VOD\"}},\"referenceCode\":\"order-77\"},"
            + "\"paymentStatus\":\"succeeded\",\"paymentCreationDate\":\"2024-03-01T08:00:00Z\","
            + "\"paymentDate\":\"2024-03-01T08:00:01Z\"}";
    static final String CAM_PREPARED = CAM_PAYMENT.replace("\"succeeded\"", "\"pending_validation\"")
            .replace("\"paymentDate\":\"2024-03-01T08:00:01Z\"", "\"validationInfo\":{\"action\":\"validate\","
                    + "\"authorizationId\":\"auth-1\"}");
    static final String CAM_REFUND = "{\"refundId\":\"rf-1\",\"refundStatus\":\"succeeded\",\"type\":\"total\","
            + "\"refundCreationDate\":\"2024-03-02T08:00:00Z\",\"amountTransaction\":{\"clientCorrelator\":"
            + "\"refund-77\",\"refundAmount\":{},\"referenceCode\":\"refund-77\"}}";
    static final String CAM_REMAINING = "{\"amount\":0,\"currency\":\"EUR\"}";

    // ---------------------------------------------------------------- valid callbacks

    /** A valid query-string callback of each provider whose callbacks are query strings, by parser name. */
    static final Map<String, String> CALLBACK_QUERIES = Map.of(
            "eklectic", "action=RENEW&subscriptionid=23939206&transaction=tx-77&offreid=123&amount=0.5"
                    + "&date=2022-02-17+15%3A11%3A18&msisdn=" + MSISDN_DIGITS + "&canal=SMS",
            "infomedia", "msisdn=971500000000&mcc=424&mnc=2&productid=92000000&etid=5&chargeAmount=20"
                    + "&currencyCode=AED&transactionStatus=00&success=1&txid=tx-5",
            "centili", "transactionid=tx-1001&status=success&amount=5&currency=EUR&phone=" + MSISDN_DIGITS
                    + "&transactiontype=CHARGE&country=RS&mno=22001",
            "b2m-aoc", "status=subscribed&spTransID=SP1&subscriptionID=s1&msisdn=8801812345678&aocTransID=AOC1");

    /** A valid Eclipse VAS payment callback body. */
    static final String ECL_CALLBACK = "{\"paymentId\":172565,\"externalUniqueId\":\"order-1\","
            + "\"status\":\"SUCCESSFUL\",\"amount\":100.00,\"fee\":0E-9,\"currency\":\"UGX\","
            + "\"phone\":\"" + MSISDN_DIGITS + "\",\"created\":\"2024-03-01T08:00:00.000+0000\","
            + "\"lastModified\":\"2024-03-01T08:01:00.000Z\",\"additionalFields\":[{\"id\":\"msisdn\","
            + "\"value\":\"" + MSISDN_DIGITS + "\"}]}";

    // ---------------------------------------------------------------- providers

    static final AtomicInteger KEYS = new AtomicInteger();

    static final Provider EKLECTIC = new Provider("eklectic", base -> EklecticClient.builder()
            .clientId(EKL_CLIENT_ID).clientSecret(EKL_CLIENT_SECRET).baseUrl(base + "/API").options(options())
            .build(), new Endpoint(RequestMethod.POST, EKL_TOKEN_PATH, EKL_TOKEN_ANSWER));

    static final Provider INFOMEDIA = new Provider("infomedia", base -> InfomediaClient.builder()
            .apiKey(INF_API_KEY).username(INF_USER).password(INF_PASSWORD).baseUrl(base + "/dcb")
            .options(options()).build(), null);

    static final Provider ECLIPSE = new Provider("eclipse-vas", base -> EclipseVasClient.builder().baseUrl(base)
            .tenantId(242).credentials(ECL_IDENTITY, ECL_PASSWORD).defaultCustomerId(723689).options(options())
            .externalUniqueIds(() -> "ext-" + KEYS.incrementAndGet()).build(),
            new Endpoint(RequestMethod.POST, ECL_LOGIN, ECL_LOGIN_ANSWER));

    static final Provider CENTILI = new Provider("centili", base -> CentiliClient.builder().clientId(CEN_CLIENT_ID)
            .clientSecret(CEN_CLIENT_SECRET).username(CEN_USER).password(CEN_PASSWORD)
            .tokenUrl(base + CEN_TOKEN_PATH).baseUrl(base + CEN_API).options(options())
            .idempotencyKeys(() -> "key-" + KEYS.incrementAndGet()).defaultServiceKey("svc-gold").build(),
            new Endpoint(RequestMethod.POST, CEN_TOKEN_PATH, CEN_TOKEN_ANSWER));

    static final Provider B2M = new Provider("b2m-aoc", base -> B2mAocClient.builder().baseUrl(base)
            .extraHeader("X-Api-Key", B2M_API_KEY)
            .options(options()).build(), null);

    static final Provider CAMARA = new Provider("camara", base -> CamaraClient.builder().baseUrl(base)
            .tokenUrl(base + CAM_TOKEN_PATH).clientId(CAM_CLIENT_ID).clientSecret(CAM_CLIENT_SECRET)
            .clientCorrelators(() -> "key-" + KEYS.incrementAndGet()).options(options()).build(),
            new Endpoint(RequestMethod.POST, CAM_TOKEN_PATH, CAM_TOKEN_ANSWER));

    static final List<Provider> PROVIDERS = List.of(EKLECTIC, INFOMEDIA, ECLIPSE, CENTILI, B2M, CAMARA);

    static <T> T as(BillingProvider p, Class<T> type) {
        return type.cast(p);
    }

    static final OfferId EKL_OFFER = OfferId.of("123");
    static final OfferId INF_OFFER = OfferId.of("92000000");

    static PinChallenge challenge(String provider, String id, OfferId offer) {
        return new PinChallenge(provider, id, SubscribeRequest.of(MSISDN, offer), null, new NextAction.EnterPin(null),
                Map.of());
    }

    static Endpoint e(RequestMethod m, String path, String body) {
        return new Endpoint(m, path, body);
    }

    /** Every operation of every provider, typed and neutral; multi-step operations once per step. */
    static List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        RequestMethod GET = RequestMethod.GET;
        RequestMethod POST = RequestMethod.POST;
        RequestMethod PUT = RequestMethod.PUT;
        RequestMethod DELETE = RequestMethod.DELETE;

        // ---- Eklectic
        Provider p = EKLECTIC;
        Endpoint otp = e(POST, "/API/subscription/otp", EKL_OTP);
        Endpoint confirm = e(POST, "/API/subscription/confirm", EKL_CONFIRM);
        Endpoint find = e(POST, "/API/subscription/find", EKL_FIND);
        Endpoint details = e(GET, "/API/subscription/23939206", EKL_DETAILS);
        Endpoint unsub = e(DELETE, "/API/subscription/23939206", "");
        ops.add(new Op(p, "sendPin", otp, Safety.UNSAFE, true,
                c -> as(c, EklecticClient.class).sendPin(MSISDN, EKL_OFFER)));
        ops.add(new Op(p, "confirmPin", confirm, Safety.UNSAFE, true,
                c -> as(c, EklecticClient.class).confirmPin(MSISDN, EKL_OFFER, "code-1", PIN)));
        ops.add(new Op(p, "findSubscription", find, Safety.SAFE, true,
                c -> as(c, EklecticClient.class).findSubscription(MSISDN, EKL_OFFER)));
        ops.add(new Op(p, "subscription", details, Safety.SAFE, true,
                c -> as(c, EklecticClient.class).subscription("23939206")));
        ops.add(new Op(p, "unsubscribe", unsub, Safety.UNSAFE, true,
                c -> {
                    as(c, EklecticClient.class).unsubscribe("23939206");
                    return null;
                }).ignoresBody());
        ops.add(new Op(p, "neutral requestPin", otp, Safety.UNSAFE, true,
                c -> c.pinSubscriptions().orElseThrow().requestPin(SubscribeRequest.of(MSISDN, EKL_OFFER))));
        ops.add(new Op(p, "neutral confirmPin", confirm, Safety.UNSAFE, true,
                c -> c.pinSubscriptions().orElseThrow().confirmPin(challenge("eklectic", "code-1", EKL_OFFER), PIN)));
        ops.add(new Op(p, "neutral status(id)", details, Safety.SAFE, true,
                c -> c.subscriptions().orElseThrow().status(SubscriptionRef.of("23939206"))));
        ops.add(new Op(p, "neutral status(msisdn, offer) [find]", find, Safety.SAFE, true,
                c -> c.subscriptions().orElseThrow().status(SubscriptionRef.of(MSISDN, EKL_OFFER))).with(details));
        ops.add(new Op(p, "neutral status(msisdn, offer) [details]", details, Safety.SAFE, true,
                c -> c.subscriptions().orElseThrow().status(SubscriptionRef.of(MSISDN, EKL_OFFER))).with(find));
        ops.add(new Op(p, "neutral cancel", unsub, Safety.UNSAFE, true,
                c -> c.cancellations().orElseThrow().cancel(SubscriptionRef.of("23939206"))).ignoresBody());
        ops.add(new Op(p, "token [via subscription]", p.token(), Safety.SAFE, false,
                c -> as(c, EklecticClient.class).subscription("23939206")).with(details));

        // ---- Infomedia
        p = INFOMEDIA;
        Endpoint pin = e(POST, "/dcb/PINGenerateWithParams", INF_PIN);
        Endpoint join = e(POST, "/dcb/SubscriptionJoinWithParams", INF_JOIN);
        Endpoint iunsub = e(POST, "/dcb/SubscriptionUnsubscribe", INF_UNSUB);
        SubscriptionRequest typed = SubscriptionRequest.builder(MSISDN, 92000000L).build();
        ops.add(new Op(p, "generatePin", pin, Safety.UNSAFE, false,
                c -> as(c, InfomediaClient.class).generatePin(typed)));
        ops.add(new Op(p, "join", join, Safety.UNSAFE, false, c -> as(c, InfomediaClient.class).join(typed, PIN)));
        ops.add(new Op(p, "unsubscribe", iunsub, Safety.UNSAFE, false,
                c -> as(c, InfomediaClient.class).unsubscribe("8000000", MSISDN)));
        ops.add(new Op(p, "neutral requestPin", pin, Safety.UNSAFE, false,
                c -> c.pinSubscriptions().orElseThrow().requestPin(SubscribeRequest.of(MSISDN, INF_OFFER))));
        ops.add(new Op(p, "neutral confirmPin", join, Safety.UNSAFE, false,
                c -> c.pinSubscriptions().orElseThrow().confirmPin(challenge("infomedia", "p-1", INF_OFFER), PIN)));
        ops.add(new Op(p, "neutral cancel", iunsub, Safety.UNSAFE, false,
                c -> c.cancellations().orElseThrow().cancel(SubscriptionRef.of("8000000", MSISDN))));

        // ---- Eclipse VAS
        p = ECLIPSE;
        Endpoint network = e(GET, ECL_T + "/vas/" + MSISDN_DIGITS, ECL_NETWORK);
        Endpoint catalogs = e(GET, ECL_T + "/vas/catalogs", ECL_UMEME);
        Endpoint initiate = e(POST, ECL_T + "/customers/723689/payments", ECL_PAYMENT);
        Endpoint complete = e(PUT, ECL_T + "/payments/172565", ECL_PAID);
        Endpoint payment = e(GET, ECL_T + "/payments/172565", ECL_PAID);
        String catalogWrongShape = "{\"unexpected\": [1, 2]}";
        ops.add(new Op(p, "networkFor", network, Safety.SAFE, true,
                c -> as(c, EclipseVasClient.class).networkFor(MSISDN))
                // any JSON value is a documented network answer (object, array, bare id): lenient by design
                .expect(FaultMatrixTest.Fault.WRONG_SHAPE, FaultMatrixTest.Expect.success(1)));
        // the core mapper accepts a single object where an array is expected: an object with no partner fields
        // reads as one partner without products, so the catalogue is empty and a look-up finds nothing
        FaultMatrixTest.Expect emptyCatalog = FaultMatrixTest.Expect.success(1);
        FaultMatrixTest.Expect noProduct = FaultMatrixTest.Expect.failure(NotFoundException.class, null, 1);
        ops.add(new Op(p, "catalogs", catalogs, Safety.SAFE, true, c -> as(c, EclipseVasClient.class).catalogs())
                .wrongShape(catalogWrongShape).expect(FaultMatrixTest.Fault.WRONG_SHAPE, emptyCatalog));
        ops.add(new Op(p, "catalogs(query)", catalogs, Safety.SAFE, true,
                c -> as(c, EclipseVasClient.class).catalogs(CatalogQuery.umeme("200166426")))
                .wrongShape(catalogWrongShape).expect(FaultMatrixTest.Fault.WRONG_SHAPE, emptyCatalog));
        ops.add(new Op(p, "umemeAccount", catalogs, Safety.SAFE, true,
                c -> as(c, EclipseVasClient.class).umemeAccount("200166426")).wrongShape(catalogWrongShape)
                .expect(FaultMatrixTest.Fault.WRONG_SHAPE, noProduct));
        ops.add(new Op(p, "nwscBill", e(GET, ECL_T + "/vas/catalogs", ECL_NWSC), Safety.SAFE, true,
                c -> as(c, EclipseVasClient.class).nwscBill("21117391", "Kampala")).wrongShape(catalogWrongShape)
                .expect(FaultMatrixTest.Fault.WRONG_SHAPE, noProduct));
        ops.add(new Op(p, "uraTaxBill", e(GET, ECL_T + "/vas/catalogs", ECL_URA), Safety.SAFE, true,
                c -> as(c, EclipseVasClient.class).uraTaxBill("2240000621955")).wrongShape(catalogWrongShape)
                .expect(FaultMatrixTest.Fault.WRONG_SHAPE, noProduct));
        ops.add(new Op(p, "kraTaxBill", e(GET, ECL_T + "/vas/catalogs", ECL_KRA), Safety.SAFE, true,
                c -> as(c, EclipseVasClient.class).kraTaxBill("1020230000058238")).wrongShape(catalogWrongShape)
                .expect(FaultMatrixTest.Fault.WRONG_SHAPE, noProduct));
        ops.add(new Op(p, "productsForNetworkOf [network]", network, Safety.SAFE, true,
                c -> as(c, EclipseVasClient.class).productsForNetworkOf(MSISDN)).with(catalogs)
                .expect(FaultMatrixTest.Fault.WRONG_SHAPE, FaultMatrixTest.Expect.success(1)));
        ops.add(new Op(p, "productsForNetworkOf [catalogs]", catalogs, Safety.SAFE, true,
                c -> as(c, EclipseVasClient.class).productsForNetworkOf(MSISDN)).with(network)
                .wrongShape(catalogWrongShape).expect(FaultMatrixTest.Fault.WRONG_SHAPE, emptyCatalog));
        PaymentRequest paymentRequest = PaymentRequest.builder(PaymentData.parse("21_UMEME_200166426"))
                .externalUniqueId("order-1").amount(Money.of("100.00", "UGX")).build();
        ops.add(new Op(p, "initiatePayment", initiate, Safety.BODY_KEYED, true,
                c -> as(c, EclipseVasClient.class).initiatePayment(723689, paymentRequest)));
        // completePayment documents a text answer as valid: a non-JSON 200 is a completion message
        ops.add(new Op(p, "completePayment", complete, Safety.UNSAFE, true,
                c -> as(c, EclipseVasClient.class).completePayment(172565,
                        PaymentUpdate.builder().amount(new BigDecimal("100.00")).build())).ignoresBody());
        ops.add(new Op(p, "payment", payment, Safety.SAFE, true, c -> as(c, EclipseVasClient.class).payment(172565)));
        ChargeRequest eclCharge = ChargeRequest.builder(Money.of("100.00", "UGX")).msisdn(MSISDN)
                .offer(OfferId.of("21_UMEME_200166426")).clientReference("order-1").build();
        ops.add(new Op(p, "neutral charge [initiate]", initiate, Safety.BODY_KEYED, true,
                c -> c.charges().orElseThrow().charge(eclCharge)).with(complete));
        ops.add(new Op(p, "neutral charge [complete]", complete, Safety.UNSAFE, true,
                c -> c.charges().orElseThrow().charge(eclCharge)).with(initiate).ignoresBody());
        ops.add(new Op(p, "neutral charge status", payment, Safety.SAFE, true,
                c -> c.charges().orElseThrow().status(ChargeRef.of("172565"))));
        ops.add(new Op(p, "login [via payment]", p.token(), Safety.SAFE, false,
                c -> as(c, EclipseVasClient.class).payment(172565)).with(payment));

        // ---- Centili
        p = CENTILI;
        Endpoint start = e(POST, CEN_API + "/transactions/init", CEN_START_PIN);
        Endpoint startRedirect = e(POST, CEN_API + "/transactions/init", CEN_START_REDIRECT);
        Endpoint submit = e(POST, CEN_API + "/transactions/tx-1001/pin", CEN_UPDATE);
        Endpoint release = e(POST, CEN_API + "/transactions/tx-1001/release", CEN_UPDATE);
        Endpoint tx = e(GET, CEN_API + "/transactions/tx-1001", CEN_TX);
        ops.add(new Op(p, "startTransaction", start, Safety.KEYED, true,
                c -> as(c, CentiliClient.class).startTransaction(StartTransactionRequest.builder("svc-gold")
                        .price(new BigDecimal("1.99")).build())));
        ops.add(new Op(p, "submitPin", submit, Safety.KEYED, true,
                c -> as(c, CentiliClient.class).submitPin("tx-1001", PIN)));
        ops.add(new Op(p, "releaseTransaction", release, Safety.KEYED, true,
                c -> as(c, CentiliClient.class).releaseTransaction("tx-1001")));
        ops.add(new Op(p, "transaction", tx, Safety.SAFE, true, c -> as(c, CentiliClient.class).transaction("tx-1001")));
        ops.add(new Op(p, "neutral requestPin", start, Safety.KEYED, true,
                c -> c.pinSubscriptions().orElseThrow().requestPin(SubscribeRequest.of(MSISDN, OfferId.of("svc-gold")))));
        ops.add(new Op(p, "neutral confirmPin", submit, Safety.KEYED, true,
                c -> c.pinSubscriptions().orElseThrow().confirmPin(challenge("centili", "tx-1001", OfferId.of("svc-gold")),
                        PIN)));
        ops.add(new Op(p, "neutral charge", startRedirect, Safety.KEYED, true,
                c -> c.charges().orElseThrow().charge(ChargeRequest.builder(Money.of("1.99", "EUR")).msisdn(MSISDN)
                        .idempotencyKey("order-77").build())));
        ops.add(new Op(p, "neutral charge status", tx, Safety.SAFE, true,
                c -> c.charges().orElseThrow().status(ChargeRef.of("tx-1001"))));
        ops.add(new Op(p, "neutral subscription status", tx, Safety.SAFE, true,
                c -> c.subscriptions().orElseThrow().status(SubscriptionRef.of("tx-1001"))));
        ops.add(new Op(p, "neutral cancel", release, Safety.KEYED, true,
                c -> c.cancellations().orElseThrow().cancel(SubscriptionRef.of("tx-1001"))));
        ops.add(new Op(p, "token [via transaction]", p.token(), Safety.SAFE, false,
                c -> as(c, CentiliClient.class).transaction("tx-1001")).with(tx));

        // ---- B2M AOC
        p = B2M;
        Endpoint getToken = e(GET, "/api/getToken/GAME/.*", B2M_TOKEN);
        Endpoint chargeStatus = e(GET, "/api/chargeStatus/AOC5f2b9c7e01", B2M_CHARGE_STATUS);
        Endpoint cancel = e(GET, "/api/cancelSubscription/SP1/.*", B2M_CANCEL);
        Endpoint subStatus = e(GET, "/api/subscriptionStatus/SP1/.*", B2M_SUB_STATUS);
        Endpoint renew = e(GET, "/api/renewSubscription/SP1/.*", B2M_RENEW);
        ops.add(new Op(p, "requestCharge", getToken, Safety.UNSAFE, false,
                c -> as(c, B2mAocClient.class).requestCharge("GAME", MSISDN)));
        ops.add(new Op(p, "chargeStatus", chargeStatus, Safety.SAFE, false,
                c -> as(c, B2mAocClient.class).chargeStatus(AocTransactionId.of("AOC5f2b9c7e01"))));
        ops.add(new Op(p, "cancelSubscription", cancel, Safety.UNSAFE, false,
                c -> as(c, B2mAocClient.class).cancelSubscription(SpTransactionId.of("SP1"), MSISDN)));
        ops.add(new Op(p, "subscriptionStatus", subStatus, Safety.SAFE, false,
                c -> as(c, B2mAocClient.class).subscriptionStatus(SpTransactionId.of("SP1"), MSISDN)));
        ops.add(new Op(p, "renewSubscription", renew, Safety.UNSAFE, false,
                c -> as(c, B2mAocClient.class).renewSubscription(SpTransactionId.of("SP1"), MSISDN)));
        ops.add(new Op(p, "neutral charge", getToken, Safety.UNSAFE, false,
                c -> c.charges().orElseThrow().charge(ChargeRequest.builder(Money.of("10.00", "BDT")).msisdn(MSISDN)
                        .offer(OfferId.of("GAME")).build())));
        ops.add(new Op(p, "neutral charge status", chargeStatus, Safety.SAFE, false,
                c -> c.charges().orElseThrow().status(ChargeRef.of("AOC5f2b9c7e01"))));
        ops.add(new Op(p, "neutral subscription status", subStatus, Safety.SAFE, false,
                c -> c.subscriptions().orElseThrow().status(SubscriptionRef.of("SP1", MSISDN))));
        ops.add(new Op(p, "neutral cancel", cancel, Safety.UNSAFE, false,
                c -> c.cancellations().orElseThrow().cancel(SubscriptionRef.of("SP1", MSISDN))));
        ops.add(new Op(p, "neutral renew", renew, Safety.UNSAFE, false,
                c -> c.renewals().orElseThrow().renew(SubscriptionRef.of("SP1", MSISDN))));

        // ---- CAMARA
        p = CAMARA;
        Endpoint create = e(POST, CAM_PAY, CAM_PAYMENT);
        Endpoint prepare = e(POST, CAM_PAY + "/prepare", CAM_PREPARED);
        Endpoint validate = e(POST, CAM_PAY + "/pay-1/validate", "");
        Endpoint camConfirm = e(POST, CAM_PAY + "/pay-1/confirm", "");
        Endpoint camCancel = e(POST, CAM_PAY + "/pay-1/cancel", "");
        Endpoint retrieve = e(GET, CAM_PAY + "/pay-1", CAM_PAYMENT);
        Endpoint list = e(GET, CAM_PAY, "[" + CAM_PAYMENT + "]");
        Endpoint createRefund = e(POST, CAM_REF, CAM_REFUND);
        Endpoint refund = e(GET, CAM_REF + "/rf-1", CAM_REFUND);
        Endpoint refunds = e(GET, CAM_REF, "[" + CAM_REFUND + "]");
        Endpoint remaining = e(GET, CAM_REF + "/remaining-amount", CAM_REMAINING);
        io.dcb4j.camara.model.PaymentRequest camPayment = io.dcb4j.camara.model.PaymentRequest.builder(
                Money.of("2.99", "EUR"), "VOD", "order-77")
                .phoneNumber(MSISDN).build();
        ops.add(new Op(p, "createPayment", create, Safety.BODY_KEYED, true,
                c -> as(c, CamaraClient.class).createPayment(camPayment)));
        ops.add(new Op(p, "preparePayment", prepare, Safety.BODY_KEYED, true,
                c -> as(c, CamaraClient.class).preparePayment(camPayment)));
        ops.add(new Op(p, "validatePayment", validate, Safety.UNSAFE, true,
                c -> {
                    as(c, CamaraClient.class).validatePayment("pay-1", "auth-1", PIN);
                    return null;
                }).ignoresBody());
        ops.add(new Op(p, "confirmPayment", camConfirm, Safety.UNSAFE, true,
                c -> as(c, CamaraClient.class).confirmPayment("pay-1", MSISDN)).ignoresBody());
        ops.add(new Op(p, "cancelPayment", camCancel, Safety.UNSAFE, true,
                c -> as(c, CamaraClient.class).cancelPayment("pay-1", MSISDN)).ignoresBody());
        ops.add(new Op(p, "payment", retrieve, Safety.SAFE, true, c -> as(c, CamaraClient.class).payment("pay-1")));
        ops.add(new Op(p, "payments", list, Safety.SAFE, true,
                c -> as(c, CamaraClient.class).payments(PaymentQuery.all())));
        ops.add(new Op(p, "createRefund", createRefund, Safety.BODY_KEYED, true,
                c -> as(c, CamaraClient.class).createRefund("pay-1",
                        io.dcb4j.camara.model.RefundRequest.total("refund-77").build())));
        ops.add(new Op(p, "refund", refund, Safety.SAFE, true, c -> as(c, CamaraClient.class).refund("pay-1", "rf-1")));
        ops.add(new Op(p, "refunds", refunds, Safety.SAFE, true,
                c -> as(c, CamaraClient.class).refunds("pay-1", RefundQuery.all())));
        ops.add(new Op(p, "remainingAmount", remaining, Safety.SAFE, true,
                c -> as(c, CamaraClient.class).remainingAmount("pay-1")));
        ChargeRequest camCharge = ChargeRequest.builder(Money.of("2.99", "EUR")).msisdn(MSISDN).description("VOD")
                .idempotencyKey("order-77").build();
        ops.add(new Op(p, "neutral charge", create, Safety.BODY_KEYED, true,
                c -> c.charges().orElseThrow().charge(camCharge)));
        ops.add(new Op(p, "neutral charge status", retrieve, Safety.SAFE, true,
                c -> c.charges().orElseThrow().status(ChargeRef.of("pay-1"))));
        io.dcb4j.core.model.ChargeResult pending = new io.dcb4j.core.model.ChargeResult(ChargeRef.of("pay-1"),
                io.dcb4j.core.model.ChargeState.PENDING_VALIDATION, "pending_validation", null,
                new NextAction.EnterPin(null), null, Map.of("authorizationId", "auth-1"));
        ops.add(new Op(p, "neutral confirm [validate]", validate, Safety.UNSAFE, true,
                c -> c.chargeConfirmations().orElseThrow().confirm(pending, PIN)).with(retrieve).with(camConfirm)
                .ignoresBody());
        ops.add(new Op(p, "neutral confirm [confirm]", camConfirm, Safety.UNSAFE, true,
                c -> c.chargeConfirmations().orElseThrow().confirm(pending, PIN)).with(retrieve).with(validate)
                .ignoresBody());
        ops.add(new Op(p, "neutral cancel [cancel]", camCancel, Safety.UNSAFE, true,
                c -> c.chargeCancellations().orElseThrow().cancel(ChargeRef.of("pay-1"))).with(retrieve)
                .ignoresBody());
        ops.add(new Op(p, "neutral refund", createRefund, Safety.BODY_KEYED, true,
                c -> c.refunds().orElseThrow().refund(io.dcb4j.core.model.RefundRequest.builder(ChargeRef.of("pay-1"))
                        .idempotencyKey("refund-77").build())));
        ops.add(new Op(p, "neutral refund status", refund, Safety.SAFE, true,
                c -> c.refunds().orElseThrow().status(io.dcb4j.core.model.RefundRef.of(ChargeRef.of("pay-1"), "rf-1"))));
        ops.add(new Op(p, "token [via payment]", p.token(), Safety.SAFE, false,
                c -> as(c, CamaraClient.class).payment("pay-1")).with(retrieve));
        return ops;
    }

    static void stubToken(WireMockServer wm, Provider p) {
        if (p.token() != null) {
            wm.stubFor(post(urlPathEqualTo(p.token().pathRegex())).willReturn(json(200, p.token().body())));
        }
    }
}
